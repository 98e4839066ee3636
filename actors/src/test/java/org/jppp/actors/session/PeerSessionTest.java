package org.jppp.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.FishingOutcome;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Phase;
import org.jppp.actors.link.HdlcLink;
import org.jppp.actors.link.LowerLink;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.cp.Ipv6cpSettings;
import org.jppp.protocol.framing.Counters;
import org.jppp.protocol.framing.HdlcSettings;
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
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FsmConfig FAST = FsmConfig.DEFAULT.withRestartTimer(Duration.ofMillis(200));
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

    /** One end: a session over HDLC on its end of the line, its parent, and its IP side. */
    final class End {
        final TestProbe<PeerSession.Event> parent = kit.createTestProbe();
        final TestProbe<ByteString> delivered = kit.createTestProbe();
        final BoundedSourceQueue<ByteString> host;
        final List<PeerSession.Event> backlog = new ArrayList<>();
        final HdlcLink hdlc;
        final ActorRef<PeerSession.Command> session;

        End(SessionSettings settings, Flow<ByteString, ByteString, NotUsed> line) {
            this(settings, new HdlcLink(new HdlcSettings(), Counters.hdlc()), line);
        }

        private End(SessionSettings settings, HdlcLink hdlc, Flow<ByteString, ByteString, NotUsed> line) {
            this(settings, hdlc.over(line), hdlc);
        }

        End(SessionSettings settings, LowerLink lower) {
            this(settings, lower, null);
        }

        private End(SessionSettings settings, LowerLink lower, HdlcLink hdlc) {
            this.hdlc = hdlc;
            Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> fromHost =
                    Source.<ByteString>queue(256).preMaterialize(kit.system());
            host = fromHost.first();
            Flow<ByteString, ByteString, NotUsed> ip =
                    Flow.fromSinkAndSource(Sink.foreach(delivered.getRef()::tell), fromHost.second());
            session = kit.spawn(PeerSession.create(settings, lower, ip, parent.getRef()));
        }

        /** The first event of this kind, including those seen while waiting for others. */
        <T extends PeerSession.Event> T await(Class<T> kind, Predicate<T> which) {
            Predicate<PeerSession.Event> wanted = m -> kind.isInstance(m) && which.test(kind.cast(m));
            if (backlog.stream().noneMatch(wanted)) {
                backlog.addAll(parent.fishForMessage(WAIT, m -> outcome(wanted.test(m))));
            }
            PeerSession.Event found = backlog.stream().filter(wanted).findFirst().orElseThrow();
            backlog.remove(found);
            return kind.cast(found);
        }

        UpDetails up(PppProtocol ncp) {
            return await(PeerSession.Up.class, u -> u.details().ncp().equals(ncp)).details();
        }

        PeerSession.Finished finished() {
            return await(PeerSession.Finished.class, f -> true);
        }
    }

    private static FishingOutcome outcome(boolean done) {
        return done ? FishingOutcomes.complete() : FishingOutcomes.continueAndCollect();
    }

    /** IP datagrams of {@code version} sent at one end come out at the other, in order. */
    private static void passes(End from, End to, int version) {
        // The gates open a moment after Up is reported, as pppd's interface does: wait for them.
        ByteString first = datagram(version, 0);
        boolean open = false;
        for (int i = 0; i < 50 && !open; i++) {
            from.host.offer(first);
            open = !to.delivered.receiveSeveralMessages(0).isEmpty() || poll(to, first);
        }
        assertTrue(open, "IPv" + version + " gate never opened");
        for (int n = 1; n <= 20; n++) {
            from.host.offer(datagram(version, n));
        }
        for (int n = 1; n <= 20; n++) {
            assertEquals(datagram(version, n), to.delivered.receiveMessage(WAIT));
        }
    }

    private static boolean poll(End to, ByteString expected) {
        try {
            return to.delivered.receiveMessage(Duration.ofMillis(100)).equals(expected);
        } catch (AssertionError timeout) {
            return false;
        }
    }

    private static ByteString datagram(int version, int n) {
        return ByteString.fromArray(new byte[] {(byte) (version << 4 | 5), 0, 0, 24, (byte) n, 1, 2, 3});
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
        passes(client, server, 4);
        passes(server, client, 4);
        passes(client, server, 6);
        passes(server, client, 6);
    }

    @Test
    void backToBack_overHdlc_networkPhase_ipBothWays_userCloseFinishesBoth() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 11);
        End[] ends = new End[2];
        LoggingTestKit.info("local  IP address 10.78.0.2").expect(kit.system(), () ->
                LoggingTestKit.info("primary   DNS address 10.78.0.53").expect(kit.system(), () -> {
                    ends[0] = new End(CLIENT, line.endA());
                    ends[1] = new End(SERVER, line.endB());
                    ends[0].await(PeerSession.PhaseChanged.class, p -> p.phase() == Phase.NETWORK);
                    return ends[0].up(PppProtocol.IPCP);
                }));
        End client = ends[0];
        End server = ends[1];
        passes(client, server, 4);
        passes(server, client, 4);

        LoggingTestKit.info("LCP terminated by peer (User request)").expect(kit.system(), () -> {
            client.session.tell(new PeerSession.Close("User request"));
            return null;
        });
        assertEquals(new PeerSession.Finished(ExitStatus.EXIT_USER_REQUEST, "User request"), client.finished());
        assertEquals(ExitStatus.EXIT_HANGUP, server.finished().exitStatus());
    }

    @Test
    void backToBack_ipv4AndIpv6_negotiatedValuesAndFraming() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), 5);
        End client = new End(CLIENT, line.endA());
        End server = new End(SERVER, line.endB());
        reachNetworkAndPassTraffic(client, server);
        // Both asked for ACCM 0 (pppd's default asyncmap): each end now escapes no control characters.
        assertEquals(0, client.hdlc.settings().sendAccm() | server.hdlc.settings().sendAccm());
        server.session.tell(new PeerSession.Close("User request"));
        assertEquals(ExitStatus.EXIT_USER_REQUEST, server.finished().exitStatus());
        assertEquals(ExitStatus.EXIT_HANGUP, client.finished().exitStatus());
    }

    @Test
    void backToBack_controlFramesLost_stillReachesNetwork() {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(1, 2, 4, 7), Set.of(1, 3, 6), 3);
        End client = new End(CLIENT, line.endA());
        End server = new End(SERVER, line.endB());
        reachNetworkAndPassTraffic(client, server);
        client.session.tell(new PeerSession.Close("User request"));
        assertEquals(ExitStatus.EXIT_USER_REQUEST, client.finished().exitStatus());
        assertEquals(ExitStatus.EXIT_HANGUP, server.finished().exitStatus());
    }

    @Test
    void lowerLinkEnds_modemHangupExit16() {
        Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> modem =
                Source.<ByteString>queue(16).preMaterialize(kit.system());
        End end = new End(CLIENT, LowerLink.of(Flow.fromSinkAndSourceCoupled(Sink.ignore(), modem.second())));
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
        End end = new End(impatient, LowerLink.of(Flow.fromSinkAndSourceCoupled(Sink.ignore(), Source.never())));
        PeerSession.Finished finished = end.finished();
        assertEquals(ExitStatus.EXIT_NEGOTIATION_FAILED, finished.exitStatus());
    }
}
