package org.jppp.protocol.authn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.auth.ChapMd5;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.EapPacket;
import org.jppp.protocol.wire.auth.EapTypeData;
import org.junit.jupiter.api.Test;

/** EAP (RFC 3748) with the MD5-Challenge method (§5.4), both roles. */
class EapMachinesTest {
    private static final byte[] CHALLENGE16 = HexFormat.of().parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f");

    private static byte[] request(int id, EapTypeData data) {
        return new EapPacket.Request(id, data).toBytes();
    }

    private static byte[] response(int id, EapTypeData data) {
        return new EapPacket.Response(id, data).toBytes();
    }

    private static EapTypeData.Md5Challenge md5(byte[] value, String name) {
        return new EapTypeData.Md5Challenge(Octets.of(value), Octets.utf8(name));
    }

    private static EapAuthenticator startedGw() {
        EapAuthenticator gw = new EapAuthenticator(Fixtures.gw(new ScriptedRandom().identifier(0x20).bytes(CHALLENGE16)));
        gw.start();
        return gw;
    }

    // ---- authenticator ---------------------------------------------------------------------

    @Test
    void eapAuthenticator_start_sendsIdentityRequest() {
        AuthResult r = new EapAuthenticator(Fixtures.gw(new ScriptedRandom().identifier(0x20))).start();
        byte[] expected = {
            0x01,                   // Code = Request
            0x20,                   // Identifier
            0x00, 0x09,             // Length = 9
            0x01,                   // Type = Identity
            'N', 'a', 'm', 'e',     // Type-Data: pppd's prompt
        };
        assertArrayEquals(expected, r.sends().get(0).bytes());
        assertTrue(r.has(new AuthAction.StartTimer(Role.AUTHENTICATOR, Duration.ofSeconds(3))));
    }

    @Test
    void eapAuthenticator_identity_thenMd5Challenge_rightAnswer_sendsSuccess() {
        EapAuthenticator gw = startedGw();
        AuthResult id = gw.receive(response(0x20, new EapTypeData.Identity(Octets.utf8("alice"))));
        assertEquals(List.of("EAP: unauthenticated peer name \"alice\""), id.messages());
        assertEquals(new EapPacket.Request(0x21, md5(CHALLENGE16, "gw")), id.sent().get(0));
        byte[] hash = ChapMd5.response(0x21, Secret.of("alicechap"), CHALLENGE16);
        AuthResult r = gw.receive(response(0x21, md5(hash, "alice")));
        assertEquals(List.of(new EapPacket.Success(0x21)), r.sent());
        AuthSuccess s = r.succeeded().orElseThrow();
        assertEquals("alice", s.name());
        assertEquals(List.of("10.0.0.2"), s.entry().orElseThrow().addresses());
        assertTrue(r.has(new AuthAction.StopTimer(Role.AUTHENTICATOR)));
    }

    @Test
    void eapAuthenticator_wrongMd5Answer_sendsFailure() {
        EapAuthenticator gw = startedGw();
        gw.receive(response(0x20, new EapTypeData.Identity(Octets.utf8("alice"))));
        byte[] hash = ChapMd5.response(0x21, Secret.of("wrong"), CHALLENGE16);
        AuthResult r = gw.receive(response(0x21, md5(hash, "alice")));
        assertEquals(List.of(new EapPacket.Failure(0x21)), r.sent());
        assertEquals(Role.EXIT_PEER_AUTH_FAILED, r.failed().orElseThrow().exitStatus());
    }

    @Test
    void eapAuthenticator_remotename_skipsIdentity() {
        AuthContext ctx = Fixtures.context(new AuthNames("gw", "gw", Optional.of("alice")), AuthTimers.PPPD_DEFAULTS,
                Optional.empty(), new ScriptedRandom().identifier(5).bytes(CHALLENGE16));
        AuthResult r = new EapAuthenticator(ctx).start();
        assertEquals(List.of(new EapPacket.Request(5, md5(CHALLENGE16, "gw"))), r.sent());
    }

    @Test
    void eapAuthenticator_responseWithStaleIdentifier_discarded() {
        EapAuthenticator gw = startedGw();
        AuthResult r = gw.receive(response(0x1F, new EapTypeData.Identity(Octets.utf8("alice"))));
        assertTrue(r.actions().isEmpty());
        assertEquals(1, gw.discardedPackets());
        assertEquals("IDENTIFY", gw.state());
    }

    @Test
    void eapAuthenticator_nakSuggestingMd5_challengesAgain_nakWithoutAlternative_fails() {
        EapAuthenticator gw = startedGw();
        gw.receive(response(0x20, new EapTypeData.Identity(Octets.utf8("alice"))));
        AuthResult again = gw.receive(response(0x21, new EapTypeData.Nak(List.of(13, 4))));
        EapPacket.Request next = (EapPacket.Request) again.sent().get(0);
        assertEquals(0x22, next.identifier());
        assertTrue(next.data() instanceof EapTypeData.Md5Challenge);
        AuthResult none = gw.receive(response(0x22, new EapTypeData.Nak(List.of(0))));
        assertEquals(List.of("EAP: Nak Response with no suggested protocol"), none.messages());
        assertEquals(List.of(new EapPacket.Failure(0x22)), none.sent());
        assertTrue(none.failed().isPresent());
    }

    @Test
    void eapAuthenticator_noResponse_failsAfterEapMaxSreq() {
        EapAuthenticator gw = startedGw();
        int sent = 1;
        AuthResult r;
        do {
            r = gw.timeout();
            sent += r.sent().stream().filter(p -> p instanceof EapPacket.Request).count();
        } while (r.failed().isEmpty());
        assertEquals(10, sent);
        assertEquals(List.of("EAP: no response to Requests"), r.messages());
        assertTrue(r.sent().get(0) instanceof EapPacket.Failure);
    }

    @Test
    void eapAuthenticator_repeatedFinalResponse_getsTheSameOutcome() {
        EapAuthenticator gw = startedGw();
        gw.receive(response(0x20, new EapTypeData.Identity(Octets.utf8("alice"))));
        byte[] answer = response(0x21, md5(ChapMd5.response(0x21, Secret.of("alicechap"), CHALLENGE16), "alice"));
        gw.receive(answer);
        AuthResult again = gw.receive(answer);
        assertEquals(List.of(new EapPacket.Success(0x21)), again.sent());
        assertTrue(again.succeeded().isEmpty());
    }

    // ---- authenticatee ---------------------------------------------------------------------

    @Test
    void eapAuthenticatee_identityRequest_answersWithOurName() {
        EapAuthenticatee alice = new EapAuthenticatee(Fixtures.alice());
        assertTrue(alice.start().has(new AuthAction.StartTimer(Role.AUTHENTICATEE, Duration.ofSeconds(20))));
        AuthResult r = alice.receive(request(1, new EapTypeData.Identity(Octets.utf8("Name"))));
        assertEquals(List.of("EAP: Identity prompt \"Name\""), r.messages());
        assertEquals(List.of(new EapPacket.Response(1, new EapTypeData.Identity(Octets.utf8("alice")))), r.sent());
    }

    @Test
    void eapAuthenticatee_md5Challenge_answersWithChapMd5() {
        EapAuthenticatee alice = new EapAuthenticatee(Fixtures.alice());
        alice.start();
        AuthResult r = alice.receive(request(7, md5(CHALLENGE16, "gw")));
        byte[] hash = ChapMd5.response(7, Secret.of("alicechap"), CHALLENGE16);
        assertEquals(List.of(new EapPacket.Response(7, md5(hash, "alice"))), r.sent());
    }

    @Test
    void eapAuthenticatee_otherType_naksSuggestingMd5() {
        EapAuthenticatee alice = new EapAuthenticatee(Fixtures.alice());
        alice.start();
        AuthResult r = alice.receive(request(2, new EapTypeData.Other(13, Octets.ofUnsigned(0x20))));
        assertEquals(List.of("EAP: unknown authentication type 13; Naking"), r.messages());
        assertEquals(List.of(new EapPacket.Response(2, new EapTypeData.Nak(List.of(4)))), r.sent());
    }

    @Test
    void eapAuthenticatee_repeatedRequest_resendsLastResponse() {
        EapAuthenticatee alice = new EapAuthenticatee(Fixtures.alice());
        alice.start();
        byte[] q = request(7, md5(CHALLENGE16, "gw"));
        assertEquals(alice.receive(q).sent(), alice.receive(q).sent());
    }

    @Test
    void eapAuthenticatee_success_succeeds_failure_fails() {
        EapAuthenticatee ok = new EapAuthenticatee(Fixtures.alice());
        ok.start();
        AuthResult s = ok.receive(new EapPacket.Success(9).toBytes());
        assertEquals(List.of("EAP authentication succeeded"), s.messages());
        assertTrue(s.has(new AuthAction.StopTimer(Role.AUTHENTICATEE)));
        assertTrue(s.succeeded().isPresent());

        EapAuthenticatee bad = new EapAuthenticatee(Fixtures.alice());
        bad.start();
        AuthResult f = bad.receive(new EapPacket.Failure(9).toBytes());
        assertEquals(List.of("EAP: peer reports authentication failure"), f.messages());
        assertEquals(Role.EXIT_AUTH_TOPEER_FAILED, f.failed().orElseThrow().exitStatus());
    }

    @Test
    void eapAuthenticatee_eapTimeout_fails() {
        EapAuthenticatee alice = new EapAuthenticatee(Fixtures.alice());
        alice.start();
        AuthResult r = alice.timeout();
        assertEquals(List.of("EAP: timeout waiting for Request from peer"), r.messages());
        assertTrue(r.failed().isPresent());
    }

    // ---- back to back ----------------------------------------------------------------------

    @Test
    void eapMd5_backToBack_identityThenMd5_succeeds() {
        EapAuthenticatee alice = new EapAuthenticatee(Fixtures.alice());
        EapAuthenticator gw = new EapAuthenticator(Fixtures.gw(new ScriptedRandom().identifier(0x80)));
        BackToBack link = new BackToBack(BackToBack.Endpoint.of(alice), BackToBack.Endpoint.of(gw)).start();
        assertEquals(List.of("EAP: Identity prompt \"Name\"", "EAP authentication succeeded"),
                link.all(BackToBack.Side.A).messages());
        assertEquals("alice", link.all(BackToBack.Side.B).succeeded().orElseThrow().name());
        assertTrue(link.all(BackToBack.Side.A).succeeded().isPresent());
    }

    @Test
    void eapMd5_backToBack_wrongSecret_bothSidesFail() {
        AuthContext wrong = Fixtures.context(new AuthNames("alice", "alice", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.of("notit"), new ScriptedRandom());
        BackToBack link = new BackToBack(BackToBack.Endpoint.of(new EapAuthenticatee(wrong)),
                BackToBack.Endpoint.of(new EapAuthenticator(Fixtures.gw()))).start();
        assertEquals(Role.EXIT_AUTH_TOPEER_FAILED, link.all(BackToBack.Side.A).failed().orElseThrow().exitStatus());
        assertEquals(Role.EXIT_PEER_AUTH_FAILED, link.all(BackToBack.Side.B).failed().orElseThrow().exitStatus());
    }
}
