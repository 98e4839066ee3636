package org.jppp.protocol.authn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.auth.ChapMd5;
import org.jppp.protocol.auth.MsChap;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.ChapPacket;
import org.jppp.protocol.wire.auth.MsChapV2Response;
import org.junit.jupiter.api.Test;

/** CHAP (RFC 1994 §4) with MD5, MS-CHAP (RFC 2433) and MS-CHAPv2 (RFC 2759), both roles. */
class ChapMachinesTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] CHALLENGE16 = HEX.parseHex("000102030405060708090A0B0C0D0E0F");

    private static ChapPacket.Challenge challenge(int id, byte[] value, String name) {
        return new ChapPacket.Challenge(id, Octets.of(value), Octets.utf8(name));
    }

    private static ChapPacket.Response md5Response(int id, String secret, byte[] challenge, String name) {
        return new ChapPacket.Response(id, Octets.of(ChapMd5.response(id, Secret.of(secret), challenge)),
                Octets.utf8(name));
    }

    private static ChapAuthenticator startedGw(AuthMethod method, ScriptedRandom random) {
        ChapAuthenticator gw = new ChapAuthenticator(Fixtures.gw(random), method);
        gw.start();
        return gw;
    }

    // ---- MD5 authenticator -----------------------------------------------------------------

    @Test
    void chapAuthenticator_start_sendsChallengeOf16RandomOctetsAndOurName() {
        ChapAuthenticator gw = new ChapAuthenticator(Fixtures.gw(new ScriptedRandom().identifier(0x10).bytes(CHALLENGE16)),
                AuthMethod.CHAP_MD5);
        AuthResult r = gw.start();
        byte[] expected = {
            0x01,                   // Code = Challenge
            0x11,                   // Identifier
            0x00, 0x17,             // Length = 23
            0x10,                   // Value-Size = 16
            0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
            0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, // Value: the random challenge
            'g', 'w',               // Name
        };
        assertArrayEquals(expected, r.sends().get(0).bytes());
        assertTrue(r.has(new AuthAction.StartTimer(Role.AUTHENTICATOR, Duration.ofSeconds(3))));
    }

    @Test
    void chapAuthenticator_rightMd5Response_sendsSuccessAndSucceeds() {
        ChapAuthenticator gw = startedGw(AuthMethod.CHAP_MD5, new ScriptedRandom().identifier(4).bytes(CHALLENGE16));
        AuthResult r = gw.receive(md5Response(5, "alicechap", CHALLENGE16, "alice").toBytes());
        assertEquals(List.of(new ChapPacket.Success(5, Octets.utf8("Access granted"))), r.sent());
        assertEquals(List.of("CHAP peer authentication succeeded for alice"), r.messages());
        assertEquals("alice", r.succeeded().orElseThrow().name());
        assertEquals(List.of("10.0.0.2"), r.succeeded().orElseThrow().entry().orElseThrow().addresses());
        assertTrue(r.has(new AuthAction.StopTimer(Role.AUTHENTICATOR)));
    }

    @Test
    void chapAuthenticator_wrongMd5Response_sendsFailureAndFails() {
        ChapAuthenticator gw = startedGw(AuthMethod.CHAP_MD5, new ScriptedRandom().identifier(4).bytes(CHALLENGE16));
        AuthResult r = gw.receive(md5Response(5, "wrong", CHALLENGE16, "alice").toBytes());
        assertEquals(List.of(new ChapPacket.Failure(5, Octets.utf8("Access denied"))), r.sent());
        assertEquals(List.of("Peer alice failed CHAP authentication"), r.messages());
        assertEquals(Role.EXIT_PEER_AUTH_FAILED, r.failed().orElseThrow().exitStatus());
    }

    @Test
    void chapAuthenticator_noSecretForPeer_sendsFailure() {
        ChapAuthenticator gw = startedGw(AuthMethod.CHAP_MD5, new ScriptedRandom().identifier(4).bytes(CHALLENGE16));
        AuthResult r = gw.receive(md5Response(5, "x", CHALLENGE16, "mallory").toBytes());
        assertEquals(List.of("No CHAP secret found for authenticating mallory", "Peer mallory failed CHAP authentication"),
                r.messages());
        assertTrue(r.sent().get(0) instanceof ChapPacket.Failure);
    }

    @Test
    void chapAuthenticator_responseWithStaleIdentifier_ignored() {
        ChapAuthenticator gw = startedGw(AuthMethod.CHAP_MD5, new ScriptedRandom().identifier(4).bytes(CHALLENGE16));
        AuthResult r = gw.receive(md5Response(4, "alicechap", CHALLENGE16, "alice").toBytes());
        assertTrue(r.actions().isEmpty());
        assertEquals(1, gw.discardedPackets());
        assertEquals("CHALLENGED", gw.state());
    }

    @Test
    void chapAuthenticator_repeatedResponse_getsTheSameVerdictAgain() {
        ChapAuthenticator gw = startedGw(AuthMethod.CHAP_MD5, new ScriptedRandom().identifier(4).bytes(CHALLENGE16));
        byte[] response = md5Response(5, "alicechap", CHALLENGE16, "alice").toBytes();
        AuthResult first = gw.receive(response);
        AuthResult again = gw.receive(response);
        assertEquals(first.sent(), again.sent());
        assertTrue(again.succeeded().isEmpty());
        assertTrue(again.messages().isEmpty());
    }

    @Test
    void chapAuthenticator_timeout_retransmitsTheSameChallenge_thenGivesUpAfterChapMaxChallenge() {
        ChapAuthenticator gw = new ChapAuthenticator(Fixtures.gw(), AuthMethod.CHAP_MD5);
        ChapPacket first = (ChapPacket) gw.start().sent().get(0);
        int sent = 1;
        AuthResult r = gw.timeout();
        assertEquals(List.of(first), r.sent());
        sent++;
        while (r.failed().isEmpty()) {
            r = gw.timeout();
            sent += r.sent().size();
        }
        assertEquals(10, sent);
        assertEquals(Role.AUTHENTICATOR, r.failed().orElseThrow().role());
    }

    @Test
    void chapAuthenticator_chapInterval_rechallengesWithNewIdentifierAndValue_failedRechallengeFails() {
        AuthContext ctx = Fixtures.context(new AuthNames("gw", "gw", Optional.empty()), Fixtures.chapInterval(60),
                Optional.empty(), new ScriptedRandom().identifier(4).bytes(CHALLENGE16));
        ChapAuthenticator gw = new ChapAuthenticator(ctx, AuthMethod.CHAP_MD5);
        gw.start();
        AuthResult ok = gw.receive(md5Response(5, "alicechap", CHALLENGE16, "alice").toBytes());
        assertTrue(ok.has(new AuthAction.StartTimer(Role.AUTHENTICATOR, Duration.ofSeconds(60))));
        ChapPacket.Challenge again = (ChapPacket.Challenge) gw.timeout().sent().get(0);
        assertEquals(6, again.identifier());
        assertNotEquals(Octets.of(CHALLENGE16), again.value());
        AuthResult bad = gw.receive(md5Response(6, "wrong", again.value().toByteArray(), "alice").toBytes());
        assertTrue(bad.failed().isPresent());
    }

    // ---- MD5 authenticatee -----------------------------------------------------------------

    @Test
    void chapAuthenticatee_challenge_answersMd5OfIdentifierSecretChallenge() {
        ChapAuthenticatee alice = new ChapAuthenticatee(Fixtures.alice(), AuthMethod.CHAP_MD5);
        alice.start();
        AuthResult r = alice.receive(challenge(9, CHALLENGE16, "gw").toBytes());
        assertEquals(List.of(md5Response(9, "alicechap", CHALLENGE16, "alice")), r.sent());
        assertTrue(r.messages().isEmpty());
    }

    @Test
    void chapAuthenticatee_noSecret_warnsLikePppdAndAnswersWithEmptySecret() {
        ChapAuthenticatee alice = new ChapAuthenticatee(Fixtures.alice(), AuthMethod.CHAP_MD5);
        alice.start();
        AuthResult r = alice.receive(challenge(9, CHALLENGE16, "elsewhere").toBytes());
        assertEquals(List.of("No CHAP secret found for authenticating us to elsewhere"), r.messages());
        assertEquals(List.of(md5Response(9, "", CHALLENGE16, "alice")), r.sent());
    }

    @Test
    void chapAuthenticatee_remotename_overridesChallengerName() {
        AuthContext ctx = Fixtures.context(new AuthNames("alice", "alice", Optional.of("gw")), AuthTimers.PPPD_DEFAULTS,
                Optional.empty(), new ScriptedRandom());
        ChapAuthenticatee alice = new ChapAuthenticatee(ctx, AuthMethod.CHAP_MD5);
        alice.start();
        AuthResult r = alice.receive(challenge(9, CHALLENGE16, "").toBytes());
        assertEquals(List.of(md5Response(9, "alicechap", CHALLENGE16, "alice")), r.sent());
    }

    @Test
    void chapAuthenticatee_success_succeeds() {
        ChapAuthenticatee alice = new ChapAuthenticatee(Fixtures.alice(), AuthMethod.CHAP_MD5);
        alice.start();
        alice.receive(challenge(9, CHALLENGE16, "gw").toBytes());
        AuthResult r = alice.receive(new ChapPacket.Success(9, Octets.utf8("Access granted")).toBytes());
        assertEquals(List.of("CHAP authentication succeeded: Access granted", "CHAP authentication succeeded"),
                r.messages());
        assertEquals(Optional.of("Access granted"), r.succeeded().orElseThrow().message());
    }

    @Test
    void chapAuthenticatee_failure_fails() {
        ChapAuthenticatee alice = new ChapAuthenticatee(Fixtures.alice(), AuthMethod.CHAP_MD5);
        alice.start();
        alice.receive(challenge(9, CHALLENGE16, "gw").toBytes());
        AuthResult r = alice.receive(new ChapPacket.Failure(9, Octets.utf8("Access denied")).toBytes());
        assertEquals(List.of("CHAP authentication failed: Access denied", "CHAP authentication failed"), r.messages());
        assertEquals(Role.EXIT_AUTH_TOPEER_FAILED, r.failed().orElseThrow().exitStatus());
    }

    @Test
    void chapAuthenticatee_successWithStaleIdentifier_ignored() {
        ChapAuthenticatee alice = new ChapAuthenticatee(Fixtures.alice(), AuthMethod.CHAP_MD5);
        alice.start();
        alice.receive(challenge(9, CHALLENGE16, "gw").toBytes());
        assertTrue(alice.receive(new ChapPacket.Success(8, Octets.EMPTY).toBytes()).actions().isEmpty());
        assertEquals("RESPONDED", alice.state());
    }

    @Test
    void chapAuthenticatee_retransmittedChallenge_getsTheSameResponse() {
        ChapAuthenticatee alice = new ChapAuthenticatee(Fixtures.context(new AuthNames("alice", "User", Optional.empty()),
                AuthTimers.PPPD_DEFAULTS, Optional.of("clientPass"), new ScriptedRandom()), AuthMethod.MS_CHAP_V2);
        alice.start();
        byte[] c = challenge(9, CHALLENGE16, "gw").toBytes();
        assertEquals(alice.receive(c).sent(), alice.receive(c).sent());
    }

    // ---- MS-CHAPv2 -------------------------------------------------------------------------

    /** RFC 2759 §9.2: the exchange between the two machines produces the RFC's NT-Response and S=. */
    @Test
    void msChapV2_rfc2759Vector_backToBack() {
        byte[] authChallenge = HEX.parseHex("5B5D7C7D7B3F2F3E3C2C602132262628");
        byte[] peerChallenge = HEX.parseHex("21402324255E262A28295F2B3A337C7E");
        AuthContext userCtx = Fixtures.context(new AuthNames("client", "User", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.of("clientPass"), new ScriptedRandom().bytes(peerChallenge));
        AuthContext gwCtx = Fixtures.context(new AuthNames("gw", "gw", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.empty(), new ScriptedRandom().bytes(authChallenge));
        ChapAuthenticatee user = new ChapAuthenticatee(userCtx, AuthMethod.MS_CHAP_V2);
        ChapAuthenticator gw = new ChapAuthenticator(gwCtx, AuthMethod.MS_CHAP_V2);
        BackToBack link = new BackToBack(BackToBack.Endpoint.of(user), BackToBack.Endpoint.of(gw)).start();

        ChapPacket.Response response = (ChapPacket.Response) link.all(BackToBack.Side.A).sent().get(0);
        MsChapV2Response value = assertDoesNotThrowDecode(response.value());
        assertEquals("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF", HEX.formatHex(value.ntResponse().toByteArray()));
        assertEquals(Octets.of(peerChallenge), value.peerChallenge());
        assertEquals(Octets.utf8("User"), response.name());

        ChapPacket.Success success = (ChapPacket.Success) link.all(BackToBack.Side.B).sent().get(1);
        assertEquals("S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted", success.message().utf8());
        assertEquals(List.of("CHAP authentication succeeded"), link.all(BackToBack.Side.A).messages());
        assertTrue(link.all(BackToBack.Side.A).succeeded().isPresent());
        assertEquals("User", link.all(BackToBack.Side.B).succeeded().orElseThrow().name());
    }

    private static MsChapV2Response assertDoesNotThrowDecode(Octets value) {
        try {
            return MsChapV2Response.decode(value);
        } catch (org.jppp.protocol.wire.MalformedPacketException e) {
            throw new AssertionError(e);
        }
    }

    private static ChapAuthenticatee respondedV2(AuthContext ctx) {
        ChapAuthenticatee alice = new ChapAuthenticatee(ctx, AuthMethod.MS_CHAP_V2);
        alice.start();
        alice.receive(challenge(3, CHALLENGE16, "gw").toBytes());
        return alice;
    }

    private static AuthContext userCtx() {
        return Fixtures.context(new AuthNames("client", "User", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.of("clientPass"), new ScriptedRandom());
    }

    @Test
    void msChapV2Authenticatee_wrongAuthenticatorResponse_failsMutualAuthentication() {
        ChapAuthenticatee alice = respondedV2(userCtx());
        AuthResult r = alice.receive(new ChapPacket.Success(3,
                Octets.utf8("S=0000000000000000000000000000000000000000 M=Access granted")).toBytes());
        assertEquals(List.of("MS-CHAPv2 mutual authentication failed.", "CHAP authentication failed"), r.messages());
        assertEquals(Role.EXIT_AUTH_TOPEER_FAILED, r.failed().orElseThrow().exitStatus());
    }

    @Test
    void msChapV2Authenticatee_successWithoutS_isBadlyFormed() {
        ChapAuthenticatee alice = respondedV2(userCtx());
        AuthResult r = alice.receive(new ChapPacket.Success(3, Octets.utf8("Access granted")).toBytes());
        assertEquals(List.of("MS-CHAPv2 Success packet is badly formed.", "CHAP authentication failed"), r.messages());
    }

    @Test
    void msChapV2Authenticatee_failure_logsTheMText() {
        ChapAuthenticatee alice = respondedV2(userCtx());
        AuthResult r = alice.receive(new ChapPacket.Failure(3,
                Octets.utf8("E=691 R=1 C=000102030405060708090A0B0C0D0E0F V=0 M=Access denied")).toBytes());
        assertEquals(List.of("MS-CHAP authentication failed: Access denied", "CHAP authentication failed"), r.messages());
    }

    @Test
    void msChapV2Authenticator_wrongPassword_sendsE691Failure() {
        ChapAuthenticator gw = startedGw(AuthMethod.MS_CHAP_V2, new ScriptedRandom().identifier(0).bytes(CHALLENGE16));
        AuthContext wrong = Fixtures.context(new AuthNames("client", "User", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.of("notThePassword"), new ScriptedRandom());
        ChapAuthenticatee user = new ChapAuthenticatee(wrong, AuthMethod.MS_CHAP_V2);
        user.start();
        byte[] response = user.receive(challenge(1, CHALLENGE16, "gw").toBytes()).sends().get(0).bytes();
        AuthResult r = gw.receive(response);
        assertEquals(new ChapPacket.Failure(1, Octets.utf8("E=691 R=1 C=000102030405060708090A0B0C0D0E0F V=0 M=Access denied")),
                r.sent().get(0));
        assertTrue(r.failed().isPresent());
    }

    // ---- MS-CHAP (v1) ----------------------------------------------------------------------

    @Test
    void msChap_backToBack_succeedsWithNtResponse() {
        byte[] challenge8 = HEX.parseHex("102DB5DF085D3041");
        AuthContext gwCtx = Fixtures.context(new AuthNames("gw", "gw", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.empty(), new ScriptedRandom().bytes(challenge8));
        BackToBack link = new BackToBack(
                BackToBack.Endpoint.of(new ChapAuthenticatee(userCtx(), AuthMethod.MS_CHAP)),
                BackToBack.Endpoint.of(new ChapAuthenticator(gwCtx, AuthMethod.MS_CHAP))).start();
        ChapPacket.Response response = (ChapPacket.Response) link.all(BackToBack.Side.A).sent().get(0);
        assertArrayEquals(MsChap.responseValue(challenge8, Secret.of("clientPass")), response.value().toByteArray());
        assertEquals(List.of("CHAP authentication succeeded: Access granted", "CHAP authentication succeeded"),
                link.all(BackToBack.Side.A).messages());
        assertTrue(link.all(BackToBack.Side.B).succeeded().isPresent());
    }

    @Test
    void msChap_wrongPassword_failureCarriesE691AndChallenge() {
        byte[] challenge8 = HEX.parseHex("102DB5DF085D3041");
        AuthContext gwCtx = Fixtures.context(new AuthNames("gw", "gw", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.empty(), new ScriptedRandom().bytes(challenge8));
        AuthContext wrong = Fixtures.context(new AuthNames("client", "User", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.of("bad"), new ScriptedRandom());
        BackToBack link = new BackToBack(BackToBack.Endpoint.of(new ChapAuthenticatee(wrong, AuthMethod.MS_CHAP)),
                BackToBack.Endpoint.of(new ChapAuthenticator(gwCtx, AuthMethod.MS_CHAP))).start();
        ChapPacket.Failure failure = (ChapPacket.Failure) link.all(BackToBack.Side.B).sent().get(1);
        assertEquals("E=691 R=1 C=102DB5DF085D3041 V=0", failure.message().utf8());
        assertEquals(List.of("MS-CHAP authentication failed: E=691 Authentication failure", "CHAP authentication failed"),
                link.all(BackToBack.Side.A).messages());
        assertTrue(link.all(BackToBack.Side.A).failed().isPresent());
        assertTrue(link.all(BackToBack.Side.B).failed().isPresent());
    }

    @Test
    void msChapAuthenticatee_challengeOfWrongSize_dropped() {
        ChapAuthenticatee alice = new ChapAuthenticatee(userCtx(), AuthMethod.MS_CHAP);
        alice.start();
        AuthResult r = alice.receive(challenge(1, CHALLENGE16, "gw").toBytes());
        assertTrue(r.actions().isEmpty());
        assertEquals(1, alice.discardedPackets());
    }

    @Test
    void chapAuthenticatee_neverLogsOrShowsTheSecret() {
        ChapAuthenticatee alice = respondedV2(userCtx());
        AuthResult r = alice.receive(new ChapPacket.Failure(3, Octets.utf8("E=691 R=0")).toBytes());
        assertFalse(r.toString().contains("clientPass"));
    }
}
