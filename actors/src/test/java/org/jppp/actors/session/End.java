package org.jppp.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.FishingOutcome;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.link.HdlcLink;
import org.jppp.actors.link.LowerLink;
import org.jppp.protocol.framing.Counters;
import org.jppp.protocol.framing.HdlcSettings;
import org.jppp.protocol.wire.PppProtocol;

/** One end of a test link: a session over HDLC on its end of the line, its parent, and its IP side. */
final class End {
    static final Duration WAIT = Duration.ofSeconds(10);

    final TestProbe<PeerSession.Event> parent;
    final TestProbe<ByteString> delivered;
    final BoundedSourceQueue<ByteString> host;
    final List<PeerSession.Event> backlog = new ArrayList<>();
    final HdlcLink hdlc;
    final ActorRef<PeerSession.Command> session;

    End(ActorTestKit kit, SessionSettings settings, Flow<ByteString, ByteString, NotUsed> line) {
        this(kit, settings, line, PeerSession.CONFIGURE_TIMEOUT);
    }

    /** With the time the session gives its parent to configure the interface. */
    End(ActorTestKit kit, SessionSettings settings, Flow<ByteString, ByteString, NotUsed> line,
        Duration configureTimeout) {
        this(kit, settings, new HdlcLink(new HdlcSettings(), Counters.hdlc()), line, configureTimeout);
    }

    private End(ActorTestKit kit, SessionSettings settings, HdlcLink hdlc, Flow<ByteString, ByteString, NotUsed> line,
                Duration configureTimeout) {
        this(kit, settings, hdlc.over(line), hdlc, configureTimeout);
    }

    End(ActorTestKit kit, SessionSettings settings, LowerLink lower) {
        this(kit, settings, lower, null, PeerSession.CONFIGURE_TIMEOUT);
    }

    private End(ActorTestKit kit, SessionSettings settings, LowerLink lower, HdlcLink hdlc, Duration configureTimeout) {
        this.hdlc = hdlc;
        this.parent = kit.createTestProbe();
        this.delivered = kit.createTestProbe();
        Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> fromHost =
                Source.<ByteString>queue(256).preMaterialize(kit.system());
        host = fromHost.first();
        Flow<ByteString, ByteString, NotUsed> ip =
                Flow.fromSinkAndSource(Sink.foreach(delivered.getRef()::tell), fromHost.second());
        session = kit.spawn(PeerSession.create(settings, lower, ip, kit.spawn(configuring(parent.getRef())),
                configureTimeout));
    }

    /** Whether the parent answers Up at once; a test that wants to answer itself clears it first. */
    volatile boolean autoConfigure = true;

    /** The parent's part: it configures (nothing here) and answers Up, then the probe sees the event. */
    private Behavior<PeerSession.Event> configuring(ActorRef<PeerSession.Event> probe) {
        return Behaviors.receiveMessage(event -> {
            if (autoConfigure && event instanceof PeerSession.Up up) {
                up.configured();
            }
            probe.tell(event);
            return Behaviors.same();
        });
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

    private static FishingOutcome outcome(boolean done) {
        return done ? FishingOutcomes.complete() : FishingOutcomes.continueAndCollect();
    }

    /** The user closes this end: it exits 5, and the peer, whose link was ended under it, 16. */
    void closeByUser(End peer) {
        session.tell(new PeerSession.Close("User request"));
        assertEquals(ExitStatus.EXIT_USER_REQUEST, finished().exitStatus());
        assertEquals(ExitStatus.EXIT_HANGUP, peer.finished().exitStatus());
    }

    /** IP datagrams of {@code version} sent at this end come out at the other, in order. */
    void passesTo(End to, int version) {
        // The gates open a moment after Up is reported, as pppd's interface does: wait for them.
        ByteString first = datagram(version, 0);
        boolean open = false;
        for (int i = 0; i < 200 && !open; i++) {
            host.offer(first);
            open = poll(to, first);
        }
        assertTrue(open, "IPv" + version + " gate never opened");
        for (int n = 1; n <= 20; n++) {
            host.offer(datagram(version, n));
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

    static ByteString datagram(int version, int n) {
        return ByteString.fromArray(new byte[] {(byte) (version << 4 | 5), 0, 0, 24, (byte) n, 1, 2, 3});
    }
}
