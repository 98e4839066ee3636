package org.jppp.protocol.authn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.PapPacket;
import org.junit.jupiter.api.Test;

/** PAP (RFC 1334 §2) in both roles, as pppd's upap.c behaves. */
class PapMachinesTest {

    private static byte[] ack(int id, String message) {
        return new PapPacket.AuthenticateAck(id, Octets.utf8(message)).toBytes();
    }

    private static byte[] request(int id, String user, String password) {
        return new PapPacket.AuthenticateRequest(id, Octets.utf8(user), Octets.utf8(password)).toBytes();
    }

    // ---- authenticatee ---------------------------------------------------------------------

    @Test
    void papAuthenticatee_start_sendsAuthenticateRequestAndStartsRestartTimer() {
        PapAuthenticatee peer = new PapAuthenticatee(Fixtures.alice(new ScriptedRandom().identifier(0x40)));
        AuthResult r = peer.start();
        byte[] expected = {
            0x01,                           // Code = Authenticate-Request
            0x41,                           // Identifier: the random start plus one
            0x00, 0x12,                     // Length = 18
            0x05, 'a', 'l', 'i', 'c', 'e',  // Peer-ID Length, Peer-ID
            0x07, 'a', 'l', 'i', 'c', 'e', 'p', 'w', // Passwd-Length, Password (pap-secrets)
        };
        assertArrayEquals(expected, r.sends().get(0).bytes());
        assertEquals(List.of(new AuthAction.Send(org.jppp.protocol.wire.PppProtocol.PAP, r.sent().get(0)),
                new AuthAction.StartTimer(Role.AUTHENTICATEE, Duration.ofSeconds(3))), r.actions());
    }

    @Test
    void papAuthenticatee_ack_succeeds() {
        PapAuthenticatee peer = new PapAuthenticatee(Fixtures.alice());
        int id = peer.start().sent().get(0).identifier();
        AuthResult r = peer.receive(ack(id, "Login ok"));
        assertEquals(List.of("Remote message: Login ok", "PAP authentication succeeded"), r.messages());
        assertTrue(r.has(new AuthAction.StopTimer(Role.AUTHENTICATEE)));
        AuthSuccess s = r.succeeded().orElseThrow();
        assertEquals("alice", s.name());
        assertEquals(Optional.of("Login ok"), s.message());
        assertEquals("OPEN", peer.state());
    }

    @Test
    void papAuthenticatee_nak_fails() {
        PapAuthenticatee peer = new PapAuthenticatee(Fixtures.alice());
        int id = peer.start().sent().get(0).identifier();
        AuthResult r = peer.receive(new PapPacket.AuthenticateNak(id, Octets.utf8("Login incorrect")).toBytes());
        assertEquals(List.of("Remote message: Login incorrect", "PAP authentication failed"), r.messages());
        AuthFailure f = r.failed().orElseThrow();
        assertEquals(Role.EXIT_AUTH_TOPEER_FAILED, f.exitStatus());
        assertTrue(r.has(new AuthAction.StopTimer(Role.AUTHENTICATEE)));
    }

    @Test
    void papAuthenticatee_ackWithStaleIdentifier_ignored() {
        PapAuthenticatee peer = new PapAuthenticatee(Fixtures.alice());
        int first = peer.start().sent().get(0).identifier();
        int second = peer.timeout().sent().get(0).identifier();
        AuthResult stale = peer.receive(ack(first, ""));
        assertTrue(stale.actions().isEmpty());
        assertEquals(1, peer.discardedPackets());
        assertTrue(peer.receive(ack(second, "")).succeeded().isPresent());
    }

    @Test
    void papAuthenticatee_timeout_retransmitsWithNewIdentifier() {
        PapAuthenticatee peer = new PapAuthenticatee(Fixtures.alice(new ScriptedRandom().identifier(0xFE)));
        assertEquals(0xFF, peer.start().sent().get(0).identifier());
        AuthResult r = peer.timeout();
        PapPacket.AuthenticateRequest again = (PapPacket.AuthenticateRequest) r.sent().get(0);
        assertEquals(0x00, again.identifier());
        assertEquals(Octets.utf8("alice"), again.peerId());
        assertTrue(r.has(new AuthAction.StartTimer(Role.AUTHENTICATEE, Duration.ofSeconds(3))));
    }

    @Test
    void papAuthenticatee_papMaxAuthreqUnanswered_fails() {
        PapAuthenticatee peer = new PapAuthenticatee(Fixtures.alice());
        int sent = peer.start().sent().size();
        AuthResult r;
        do {
            r = peer.timeout();
            sent += r.sent().size();
        } while (r.failed().isEmpty());
        assertEquals(10, sent);
        assertEquals(List.of("No response to PAP authenticate-requests"), r.messages());
        assertTrue(peer.timeout().actions().isEmpty());
    }

    @Test
    void papAuthenticatee_passwordOption_winsOverSecretsFile() {
        AuthContext ctx = Fixtures.context(new AuthNames("alice", "alice", Optional.empty()), AuthTimers.PPPD_DEFAULTS,
                Optional.of("fromoption"), new ScriptedRandom());
        PapPacket.AuthenticateRequest r = (PapPacket.AuthenticateRequest) new PapAuthenticatee(ctx).start().sent().get(0);
        assertEquals(Octets.utf8("fromoption"), r.password());
    }

    @Test
    void papAuthenticatee_neverShowsThePasswordInActionsOrLog() {
        PapAuthenticatee peer = new PapAuthenticatee(Fixtures.alice());
        AuthResult r = peer.start();
        r = r.plus(peer.receive(new PapPacket.AuthenticateNak(r.sent().get(0).identifier(), Octets.EMPTY).toBytes()));
        assertFalse(r.toString().contains("alicepw"), r.toString());
    }

    // ---- authenticator ---------------------------------------------------------------------

    @Test
    void papAuthenticator_start_waitsPapTimeout() {
        AuthResult r = new PapAuthenticator(Fixtures.gw()).start();
        assertEquals(List.of(new AuthAction.StartTimer(Role.AUTHENTICATOR, Duration.ofSeconds(30))), r.actions());
    }

    @Test
    void papAuthenticator_rightPassword_acksLoginOkAndReportsEntry() {
        PapAuthenticator gw = new PapAuthenticator(Fixtures.gw());
        gw.start();
        AuthResult r = gw.receive(request(7, "alice", "alicepw"));
        byte[] expected = {
            0x02,                       // Code = Authenticate-Ack
            0x07,                       // Identifier copied from the request
            0x00, 0x0D,                 // Length = 13
            0x08, 'L', 'o', 'g', 'i', 'n', ' ', 'o', 'k', // Msg-Length, Message
        };
        assertArrayEquals(expected, r.sends().get(0).bytes());
        assertEquals(List.of("PAP peer authentication succeeded for alice"), r.messages());
        AuthSuccess s = r.succeeded().orElseThrow();
        assertEquals("alice", s.name());
        assertEquals(List.of("10.0.0.2"), s.entry().orElseThrow().addresses());
        assertTrue(r.has(new AuthAction.StopTimer(Role.AUTHENTICATOR)));
    }

    @Test
    void papAuthenticator_wrongPassword_naksLoginIncorrectAndFails() {
        PapAuthenticator gw = new PapAuthenticator(Fixtures.gw());
        gw.start();
        AuthResult r = gw.receive(request(7, "alice", "guess"));
        assertEquals(new PapPacket.AuthenticateNak(7, Octets.utf8("Login incorrect")), r.sent().get(0));
        assertEquals(List.of("PAP peer authentication failed for alice"), r.messages());
        assertEquals(Role.EXIT_PEER_AUTH_FAILED, r.failed().orElseThrow().exitStatus());
        assertFalse(r.toString().contains("guess"));
    }

    @Test
    void papAuthenticator_unknownPeer_naks() {
        PapAuthenticator gw = new PapAuthenticator(Fixtures.gw());
        gw.start();
        AuthResult r = gw.receive(request(1, "mallory", "x"));
        assertEquals(List.of("no PAP secret found for mallory", "PAP peer authentication failed for mallory"),
                r.messages());
        assertTrue(r.failed().isPresent());
    }

    @Test
    void papAuthenticator_emptySecretInFile_acceptsAnyPasswordAsPppd() {
        PapAuthenticator gw = new PapAuthenticator(Fixtures.gw());
        gw.start();
        assertTrue(gw.receive(request(1, "bob", "whatever")).succeeded().isPresent());
    }

    @Test
    void papAuthenticator_retransmittedRequest_getsTheSameAnswerAgain() {
        PapAuthenticator good = new PapAuthenticator(Fixtures.gw());
        good.start();
        good.receive(request(1, "alice", "alicepw"));
        AuthResult again = good.receive(request(2, "alice", "alicepw"));
        assertEquals(List.of(new PapPacket.AuthenticateAck(2, Octets.utf8("Login ok"))), again.sent());
        assertTrue(again.succeeded().isEmpty());

        PapAuthenticator bad = new PapAuthenticator(Fixtures.gw());
        bad.start();
        bad.receive(request(1, "alice", "nope"));
        AuthResult badAgain = bad.receive(request(2, "alice", "alicepw"));
        assertEquals(List.of(new PapPacket.AuthenticateNak(2, Octets.utf8("Login incorrect"))), badAgain.sent());
        assertTrue(badAgain.succeeded().isEmpty() && badAgain.failed().isEmpty());
    }

    @Test
    void papAuthenticator_papTimeout_failsThePeer() {
        PapAuthenticator gw = new PapAuthenticator(Fixtures.gw());
        gw.start();
        AuthResult r = gw.timeout();
        assertEquals(Role.AUTHENTICATOR, r.failed().orElseThrow().role());
        assertTrue(r.sent().isEmpty());
    }

    @Test
    void papAuthenticator_malformedRequest_droppedAndCounted() {
        PapAuthenticator gw = new PapAuthenticator(Fixtures.gw());
        gw.start();
        byte[] truncated = {0x01, 0x01, 0x00, 0x06, 0x05, 'a'};  // Peer-ID Length 5, one octet present
        AuthResult r = gw.receive(truncated);
        assertTrue(r.actions().isEmpty());
        assertEquals(1, gw.discardedPackets());
        assertTrue(r.log().get(0).text().contains("PAP Authenticate-Request: Peer-ID"), r.log().toString());
    }

    @Test
    void papAuthenticatee_protocolReject_failsWithPppdWords() {
        PapAuthenticatee peer = new PapAuthenticatee(Fixtures.alice());
        peer.start();
        AuthResult r = peer.protocolRejected();
        assertEquals(List.of("PAP authentication failed due to protocol-reject"), r.messages());
        assertTrue(r.failed().isPresent());
        assertTrue(r.has(new AuthAction.StopTimer(Role.AUTHENTICATEE)));
    }

    // ---- back to back ----------------------------------------------------------------------

    @Test
    void pap_backToBack_lostAck_retransmittedRequestStillSucceeds() {
        PapAuthenticatee alice = new PapAuthenticatee(Fixtures.alice());
        PapAuthenticator gw = new PapAuthenticator(Fixtures.gw());
        boolean[] droppedOne = {false};
        BackToBack link = new BackToBack(BackToBack.Endpoint.of(alice), BackToBack.Endpoint.of(gw))
                .dropping((to, send) -> to == BackToBack.Side.A && !droppedOne[0] && (droppedOne[0] = true))
                .start();
        assertTrue(link.all(BackToBack.Side.B).succeeded().isPresent());
        assertTrue(link.all(BackToBack.Side.A).succeeded().isEmpty());
        link.fire(BackToBack.Side.A, Role.AUTHENTICATEE);
        assertTrue(link.all(BackToBack.Side.A).succeeded().isPresent());
        assertFalse(link.timerRunning(BackToBack.Side.A, Role.AUTHENTICATEE));
    }
}
