package org.jppp.protocol.authn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.auth.ChapAlgorithm;
import org.jppp.protocol.wire.auth.PapPacket;
import org.jppp.protocol.wire.lcp.LcpOption;
import org.junit.jupiter.api.Test;

/** The Authentication phase (RFC 1661 §3.5): both negotiated directions, one outcome. */
class AuthPhaseTest {
    private static final BackToBack.Side A = BackToBack.Side.A;
    private static final BackToBack.Side B = BackToBack.Side.B;

    /** alice must do PAP to gw; gw must do CHAP-MD5 to alice: each end authenticates the other. */
    private static BackToBack mutual(AuthContext aliceCtx, AuthContext gwCtx) {
        NegotiatedAuth aliceSide = new NegotiatedAuth(Optional.of(AuthMethod.PAP), Optional.of(AuthMethod.CHAP_MD5));
        NegotiatedAuth gwSide = new NegotiatedAuth(Optional.of(AuthMethod.CHAP_MD5), Optional.of(AuthMethod.PAP));
        return new BackToBack(BackToBack.Endpoint.of(AuthPhase.create(aliceSide, aliceCtx)),
                BackToBack.Endpoint.of(AuthPhase.create(gwSide, gwCtx)));
    }

    @Test
    void authPhase_nothingNegotiated_succeedsAtOnce() {
        AuthResult r = AuthPhase.create(NegotiatedAuth.NONE, Fixtures.alice()).start();
        assertEquals(List.of(new AuthAction.PhaseSucceeded(Optional.empty(), Optional.empty())), r.actions());
    }

    @Test
    void authPhase_bothDirectionsSucceed_phaseSucceedsOnceOnEachSide() {
        BackToBack link = mutual(Fixtures.alice(), Fixtures.gw()).start();
        AuthAction.PhaseSucceeded gwDone = link.all(B).phaseSucceeded().orElseThrow();
        assertEquals("alice", gwDone.ofPeer().orElseThrow().name());
        assertEquals(AuthMethod.PAP, gwDone.ofPeer().orElseThrow().method());
        assertEquals(AuthMethod.CHAP_MD5, gwDone.withPeer().orElseThrow().method());
        AuthAction.PhaseSucceeded aliceDone = link.all(A).phaseSucceeded().orElseThrow();
        assertEquals("gw", aliceDone.ofPeer().orElseThrow().name());
        assertEquals(1, link.all(A).actions().stream().filter(a -> a instanceof AuthAction.PhaseSucceeded).count());
        assertTrue(link.all(A).messages().containsAll(List.of("PAP authentication succeeded",
                "CHAP peer authentication succeeded for gw")));
    }

    @Test
    void authPhase_oneDirectionDone_isNotYetSuccess() {
        NegotiatedAuth both = new NegotiatedAuth(Optional.of(AuthMethod.PAP), Optional.of(AuthMethod.CHAP_MD5));
        AuthPhase alice = AuthPhase.create(both, Fixtures.alice());
        int id = alice.start().sent().stream().filter(p -> p instanceof PapPacket).findFirst().orElseThrow().identifier();
        AuthResult r = alice.receive(PppProtocol.PAP, new PapPacket.AuthenticateAck(id, Octets.EMPTY).toBytes());
        assertTrue(r.succeeded().isPresent());
        assertTrue(r.phaseSucceeded().isEmpty());
        assertFalse(alice.succeeded());
    }

    @Test
    void authPhase_weFailToAuthenticateToPeer_exit19_peerSees11() {
        AuthContext wrongPassword = Fixtures.context(new AuthNames("alice", "alice", Optional.empty()),
                AuthTimers.PPPD_DEFAULTS, Optional.of("wrong"), new ScriptedRandom());
        BackToBack link = mutual(wrongPassword, Fixtures.gw()).start();
        AuthAction.PhaseFailed aliceFailed = link.all(A).phaseFailed().orElseThrow();
        assertEquals(19, aliceFailed.exitStatus());
        assertEquals("Failed to authenticate ourselves to peer", aliceFailed.failure().terminateReason());
        assertEquals(11, link.all(B).phaseFailed().orElseThrow().exitStatus());
        assertTrue(link.all(A).phaseSucceeded().isEmpty());
        assertFalse(link.timerRunning(A, Role.AUTHENTICATOR), "the other direction is stopped");
    }

    @Test
    void authPhase_peerFailsOurChallenge_exit11() {
        NegotiatedAuth gwSide = new NegotiatedAuth(Optional.empty(), Optional.of(AuthMethod.CHAP_MD5));
        NegotiatedAuth malloryside = new NegotiatedAuth(Optional.of(AuthMethod.CHAP_MD5), Optional.empty());
        AuthContext mallory = Fixtures.context(new AuthNames("mallory", "alice", Optional.empty()),
                AuthTimers.PPPD_DEFAULTS, Optional.of("guess"), new ScriptedRandom());
        BackToBack link = new BackToBack(BackToBack.Endpoint.of(AuthPhase.create(malloryside, mallory)),
                BackToBack.Endpoint.of(AuthPhase.create(gwSide, Fixtures.gw()))).start();
        AuthAction.PhaseFailed gwFailed = link.all(B).phaseFailed().orElseThrow();
        assertEquals(Role.EXIT_PEER_AUTH_FAILED, gwFailed.exitStatus());
        assertEquals("Authentication failed", gwFailed.failure().terminateReason());
        assertEquals(Role.EXIT_AUTH_TOPEER_FAILED, link.all(A).phaseFailed().orElseThrow().exitStatus());
    }

    @Test
    void authPhase_failedRechallengeAfterSuccess_failsThePhase() {
        AuthContext gwCtx = Fixtures.context(new AuthNames("gw", "gw", Optional.empty()), Fixtures.chapInterval(60),
                Optional.empty(), new ScriptedRandom());
        AuthPhase gw = AuthPhase.create(new NegotiatedAuth(Optional.empty(), Optional.of(AuthMethod.CHAP_MD5)), gwCtx);
        AuthPhase alice = AuthPhase.create(new NegotiatedAuth(Optional.of(AuthMethod.CHAP_MD5), Optional.empty()),
                Fixtures.alice());
        BackToBack link = new BackToBack(BackToBack.Endpoint.of(alice), BackToBack.Endpoint.of(gw)).start();
        assertTrue(gw.succeeded());
        assertTrue(link.timerRunning(B, Role.AUTHENTICATOR));
        link.dropping((to, send) -> to == B).fire(B, Role.AUTHENTICATOR);
        for (int i = 0; i < 10; i++) {
            link.fire(B, Role.AUTHENTICATOR);
        }
        assertTrue(gw.failed());
        assertEquals(11, link.all(B).phaseFailed().orElseThrow().exitStatus());
    }

    @Test
    void authPhase_packetForAProtocolNoDirectionUses_isDiscarded() {
        AuthPhase phase = AuthPhase.create(new NegotiatedAuth(Optional.of(AuthMethod.PAP), Optional.empty()),
                Fixtures.alice());
        phase.start();
        AuthResult r = phase.receive(PppProtocol.CHAP, new byte[] {1, 1, 0, 5, 0});
        assertTrue(r.actions().isEmpty());
        assertEquals(1, phase.discardedPackets());
    }

    @Test
    void authPhase_protocolReject_failsTheDirectionsUsingIt() {
        AuthPhase phase = AuthPhase.create(new NegotiatedAuth(Optional.of(AuthMethod.EAP), Optional.empty()),
                Fixtures.alice());
        phase.start();
        AuthResult r = phase.protocolRejected(PppProtocol.EAP);
        assertEquals(List.of("EAP authentication failed due to Protocol-Reject"), r.messages());
        assertEquals(19, r.phaseFailed().orElseThrow().exitStatus());
    }

    @Test
    void roleFor_routesRequestsAndResponsesToTheAuthenticator() {
        assertEquals(Role.AUTHENTICATOR, AuthPhase.roleFor(PppProtocol.PAP, new byte[] {1}));
        assertEquals(Role.AUTHENTICATEE, AuthPhase.roleFor(PppProtocol.PAP, new byte[] {2}));
        assertEquals(Role.AUTHENTICATOR, AuthPhase.roleFor(PppProtocol.CHAP, new byte[] {2}));
        assertEquals(Role.AUTHENTICATEE, AuthPhase.roleFor(PppProtocol.CHAP, new byte[] {1}));
        assertEquals(Role.AUTHENTICATOR, AuthPhase.roleFor(PppProtocol.EAP, new byte[] {2}));
        assertEquals(Role.AUTHENTICATEE, AuthPhase.roleFor(PppProtocol.EAP, new byte[] {3}));
        assertEquals(Role.AUTHENTICATEE, AuthPhase.roleFor(PppProtocol.EAP, new byte[0]));
    }

    @Test
    void negotiatedAuth_fromLcpOptions() {
        NegotiatedAuth n = NegotiatedAuth.fromLcp(Optional.of(LcpOption.AuthProtocol.chap(ChapAlgorithm.MS_CHAP_V2)),
                Optional.of(LcpOption.AuthProtocol.eap()));
        assertEquals(Optional.of(AuthMethod.MS_CHAP_V2), n.withPeer());
        assertEquals(Optional.of(AuthMethod.EAP), n.ofPeer());
        assertEquals(LcpOption.AuthProtocol.pap(), AuthMethod.PAP.toOption());
        assertEquals(Optional.empty(), AuthMethod.of(LcpOption.AuthProtocol.chap(new ChapAlgorithm(6))));
        assertThrows(IllegalArgumentException.class, () -> NegotiatedAuth.fromLcp(
                Optional.of(LcpOption.AuthProtocol.chap(new ChapAlgorithm(6))), Optional.empty()));
    }

    @Test
    void authNames_fromSettings_userDefaultsToName_domainOnlyOnHostName() {
        assertEquals(new AuthNames("host.example", "host.example", Optional.empty()),
                AuthNames.from(settings(Optional.empty(), Optional.empty(), Optional.of("example")), "host"));
        assertEquals(new AuthNames("gw", "alice", Optional.empty()),
                AuthNames.from(settings(Optional.of("gw"), Optional.of("alice"), Optional.of("example")), "host"));
    }

    private static org.jppp.protocol.config.AuthSettings settings(Optional<String> name, Optional<String> user,
            Optional<String> domain) {
        return new org.jppp.protocol.config.AuthSettings(false, java.util.Set.of(), java.util.Set.of(), name, user,
                Optional.of("pw"), Optional.empty(), false, domain, true, 0, 3, 10, 3, 10, 30);
    }
}
