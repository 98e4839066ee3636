package org.jppp.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Phase;
import org.jppp.actors.PppdLog;
import org.jppp.actors.link.LowerLink;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.cp.Ipv6cpSettings;
import org.jppp.protocol.fsm.FsmConfig;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.PppProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two whole sessions back to back over an in-memory serial line with HDLC framing on both
 * sides, re-chunked and optionally lossy: LCP, IPCP and IPv6CP open, IP passes both ways, and
 * both ends finish with pppd's statuses. Real time with a 200 ms Restart timer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogCapturingExtension.class)
class PeerSessionTest {
    /**
     * Lost frames are sent again after 200 ms, but an automaton gives up only after 50 tries
     * (10 s, as pppd's 10 x 3 s would be 30 s): 10 x 200 ms would end a link on a CI machine
     * that stalls for 2 s.
     */
    static final FsmConfig FAST = FsmConfig.DEFAULT.withRestartTimer(Duration.ofMillis(200)).withMaxConfigure(50);
    /** {@code noipdefault usepeerdns +ipv6}. */
    static final SessionSettings CLIENT = SessionSettings.CLIENT.withFsm(FAST)
            .withIpv6cp(Optional.of(Ipv6cpSettings.RANDOM));
    /** {@code 10.78.0.1:10.78.0.2 ms-dns 10.78.0.53 +ipv6}. */
    static final SessionSettings SERVER = CLIENT.withIpcp(Optional.of(IpcpSettings.server(
            Ipv4.parse("10.78.0.1"), Ipv4.parse("10.78.0.2"), List.of(Ipv4.parse("10.78.0.53")))));

    private final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    void shutdown() {
        kit.shutdownTestKit();
    }

    private void reachNetworkAndPassTraffic(End client, End server) {
        UpDetails c = client.up(PppProtocol.IPCP);
        assertEquals(Optional.of(Ipv4.parse("10.78.0.2")), c.local());
        assertEquals(Optional.of(Ipv4.parse("10.78.0.1")), c.remote());
        assertEquals(List.of(Ipv4.parse("10.78.0.53")), c.dns());
        assertEquals(1500, c.mtu());
        UpDetails s = server.up(PppProtocol.IPCP);
        assertEquals(Optional.of(Ipv4.parse("10.78.0.1")), s.local());
        assertEquals(Optional.of(Ipv4.parse("10.78.0.2")), s.remote());
        UpDetails c6 = client.up(PppProtocol.IPV6CP);
        UpDetails s6 = server.up(PppProtocol.IPV6CP);
        assertEquals(c6.localInterfaceId(), s6.remoteInterfaceId());
        client.passesTo(server, 4);
        server.passesTo(client, 4);
        client.passesTo(server, 6);
        server.passesTo(client, 6);
    }

    @Test
    void backToBack_overHdlc_networkPhase_ipBothWays_userCloseFinishesBoth() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 11);
        End[] ends = new End[2];
        LoggingTestKit.info("local  IP address 10.78.0.2").expect(kit.system(), () ->
                LoggingTestKit.info("primary   DNS address 10.78.0.53").expect(kit.system(), () -> {
                    ends[0] = new End(kit, CLIENT, line.endA());
                    ends[1] = new End(kit, SERVER, line.endB());
                    ends[0].await(PeerSession.PhaseChanged.class, p -> p.phase() == Phase.NETWORK);
                    return ends[0].up(PppProtocol.IPCP);
                }));
        End client = ends[0];
        End server = ends[1];
        client.passesTo(server, 4);
        server.passesTo(client, 4);

        LoggingTestKit.info("LCP terminated by peer (User request)").expect(kit.system(), () -> {
            client.session.tell(new PeerSession.Close("User request"));
            return null;
        });
        assertEquals(new PeerSession.Finished(ExitStatus.EXIT_USER_REQUEST, "User request"), client.finished());
        assertEquals(ExitStatus.EXIT_HANGUP, server.finished().exitStatus());
    }

    /**
     * pppd's ipcp_up configures the interface before it logs the addresses and lets datagrams
     * through: the session waits for its parent's answer to Up.
     */
    @Test
    void ipcpUp_addressesLoggedAndDatagramsPassOnlyOnceTheParentConfigured() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 7);
        End client = new End(kit, CLIENT.withIpv6cp(Optional.empty()), line.endA());
        client.autoConfigure = false;
        End server = new End(kit, SERVER.withIpv6cp(Optional.empty()), line.endB());
        PeerSession.Up[] up = new PeerSession.Up[1];
        LoggingTestKit.info("local  IP address 10.78.0.2").withOccurrences(0).expect(kit.system(), () -> {
            up[0] = client.await(PeerSession.Up.class, u -> u.details().ncp().equals(PppProtocol.IPCP));
            server.up(PppProtocol.IPCP);
            server.host.offer(End.datagram(4, 1));
            client.delivered.expectNoMessage(Duration.ofMillis(500));
            return null;
        });
        assertTrue(client.backlog.stream().noneMatch(PeerSession.Passing.class::isInstance));
        LoggingTestKit.info("local  IP address 10.78.0.2").expect(kit.system(), () -> {
            up[0].configured();
            return null;
        });
        assertEquals(up[0].details(), client.await(PeerSession.Passing.class, p -> true).details());
        server.passesTo(client, 4);
        server.closeByUser(client);
    }

    /**
     * pppd's ipcp_up sets NPMODE_PASS before it logs the addresses, so whoever reads "remote IP
     * address" may send at once (the integration tests ping then): once both ends reported
     * Passing, which follows the log, the very first datagram each way goes through, no retry.
     */
    @Test
    void ipcpUp_onceLoggedAndPassing_theFirstDatagramEachWayPasses() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 13);
        End client = new End(kit, CLIENT.withIpv6cp(Optional.empty()), line.endA());
        End server = new End(kit, SERVER.withIpv6cp(Optional.empty()), line.endB());
        client.await(PeerSession.Passing.class, p -> p.details().ncp().equals(PppProtocol.IPCP));
        server.await(PeerSession.Passing.class, p -> p.details().ncp().equals(PppProtocol.IPCP));
        client.host.offer(End.datagram(4, 1));
        server.host.offer(End.datagram(4, 2));
        assertEquals(End.datagram(4, 1), server.delivered.receiveMessage(End.WAIT));
        assertEquals(End.datagram(4, 2), client.delivered.receiveMessage(End.WAIT));
        client.closeByUser(server);
    }

    /** pppd's ipcp_up when sifaddr fails: IPCP closes, and with no other network protocol the link ends. */
    @Test
    void ipcpUp_parentCouldNotConfigure_ipcpClosesAndTheLinkEnds() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 7);
        End client = new End(kit, CLIENT.withIpv6cp(Optional.empty()), line.endA());
        client.autoConfigure = false;
        End server = new End(kit, SERVER.withIpv6cp(Optional.empty()), line.endB());
        PeerSession.Up up = client.await(PeerSession.Up.class, u -> u.details().ncp().equals(PppProtocol.IPCP));
        LoggingTestKit.info("local  IP address 10.78.0.2").withOccurrences(0).expect(kit.system(), () -> {
            up.failed("No such device");
            assertEquals(ExitStatus.EXIT_NEGOTIATION_FAILED, client.finished().exitStatus());
            return null;
        });
        assertTrue(client.backlog.stream().noneMatch(PeerSession.Passing.class::isInstance));
        server.finished();
    }

    /**
     * A parent that never answers Up (an interface configuration hung): past the deadline the
     * session logs it, tells the parent Down so that it undoes a late configuration, and closes
     * IPCP as pppd does when sifaddr fails; no address line, no datagram.
     */
    @Test
    void ipcpUp_parentNeverAnswers_timesOut_downToldAndTheLinkEnds() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 7);
        End[] client = new End[1];
        End server = LoggingTestKit.error("IPCP: interface configuration timed out").expect(kit.system(), () -> {
            client[0] = new End(kit, CLIENT.withIpv6cp(Optional.empty()), line.endA(), Duration.ofMillis(300));
            client[0].autoConfigure = false;
            End s = new End(kit, SERVER.withIpv6cp(Optional.empty()), line.endB());
            client[0].await(PeerSession.Up.class, u -> u.details().ncp().equals(PppProtocol.IPCP));
            client[0].await(PeerSession.Down.class, d -> d.ncp().equals(PppProtocol.IPCP));
            return s;
        });
        assertEquals(ExitStatus.EXIT_NEGOTIATION_FAILED, client[0].finished().exitStatus());
        assertTrue(client[0].backlog.stream().noneMatch(PeerSession.Passing.class::isInstance));
        client[0].delivered.expectNoMessage(Duration.ofMillis(100));
        server.finished();
    }

    @Test
    void backToBack_ipv4AndIpv6_negotiatedValuesAndFraming() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 5);
        End client = new End(kit, CLIENT, line.endA());
        End server = new End(kit, SERVER, line.endB());
        reachNetworkAndPassTraffic(client, server);
        // Both asked for ACCM 0 (pppd's default asyncmap): each end now escapes no control characters.
        assertEquals(0, client.hdlc.settings().sendAccm() | server.hdlc.settings().sendAccm());
        server.closeByUser(client);
    }

    @Test
    void backToBack_controlFramesLost_stillReachesNetwork() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(1, 2, 4, 7), Set.of(1, 3, 6), 3);
        End client = new End(kit, CLIENT, line.endA());
        End server = new End(kit, SERVER, line.endB());
        reachNetworkAndPassTraffic(client, server);
        client.closeByUser(server);
    }

    @Test
    void peerWithoutIpv6_protocolRejectsIpv6cp_ipcpCarriesOn() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 8);
        End[] ends = new End[2];
        LoggingTestKit.debug("sent [LCP ProtRej id=0x1 80 57").withLoggerName(PppdLog.NAME).expect(kit.system(), () -> {
            ends[0] = new End(kit, CLIENT.withIpv6cp(Optional.empty()), line.endA());
            ends[1] = new End(kit, SERVER, line.endB());
            return ends[1].up(PppProtocol.IPCP);
        });
        End client = ends[0];
        End server = ends[1];
        client.passesTo(server, 4);
        // The server's IPv6CP was Protocol-Rejected (RFC 1661 §5.7) and stopped: no Up for it,
        // IPv6 stays gated, and the link stays up on IPCP alone.
        server.host.offer(End.datagram(6, 1));
        client.delivered.expectNoMessage(Duration.ofMillis(300));
        server.await(PeerSession.Passing.class, p -> p.details().ncp().equals(PppProtocol.IPCP));
        server.parent.expectNoMessage(Duration.ofMillis(300));
        client.closeByUser(server);
    }

    @Test
    void lineGoesSilent_echoRequestsUnanswered_peerDeadExit15() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 9);
        // Echoes every 500 ms, 4 unanswered end the link: a stall of a loaded machine before the cut
        // (which would end it before IPCP is up) has to last 2 s, not 0.4 s.
        End client = new End(kit, CLIENT.withEcho(Duration.ofMillis(500), 4, false), line.endA());
        End server = new End(kit, SERVER, line.endB());
        client.up(PppProtocol.IPCP);
        line.cut();
        LoggingTestKit.info("Serial link appears to be disconnected.").expect(kit.system(), () -> {
            assertEquals(Phase.TERMINATE, client.await(PeerSession.PhaseChanged.class,
                    p -> p.phase() == Phase.TERMINATE).phase());
            return null;
        });
        assertEquals(new PeerSession.Finished(ExitStatus.EXIT_PEER_DEAD, "Peer not responding"), client.finished());
        kit.stop(server.session);
    }

    @Test
    void lowerLinkEnds_modemHangupExit16() {
        Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> modem =
                Source.<ByteString>queue(16).preMaterialize(kit.system());
        End end = new End(kit, CLIENT, LowerLink.of(Flow.fromSinkAndSourceCoupled(Sink.ignore(), modem.second())));
        end.await(PeerSession.PhaseChanged.class, p -> p.phase() == Phase.ESTABLISH);
        LoggingTestKit.info("Modem hangup").expect(kit.system(), () -> {
            modem.first().complete();
            return null;
        });
        assertEquals(new PeerSession.Finished(ExitStatus.EXIT_HANGUP, "Modem hangup"), end.finished());
    }

    @Test
    void silentPeer_maxConfigureExhausted_negotiationFailedExit10() {
        SessionSettings impatient = CLIENT.withFsm(FAST.withMaxConfigure(2).withRestartTimer(Duration.ofMillis(50)));
        End end = new End(kit, impatient, LowerLink.of(Flow.fromSinkAndSourceCoupled(Sink.ignore(), Source.never())));
        PeerSession.Finished finished = end.finished();
        assertEquals(ExitStatus.EXIT_NEGOTIATION_FAILED, finished.exitStatus());
    }
}
