package org.jppp.supervisor.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Phase;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.UpDetails;
import org.jppp.protocol.config.LinkControlSettings;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.supervisor.peer.FakeSessions.Closed;
import org.jppp.supervisor.peer.FakeSessions.Crash;
import org.jppp.supervisor.peer.FakeSessions.Emit;
import org.jppp.supervisor.peer.FakeSessions.End;
import org.jppp.supervisor.peer.FakeSessions.Spawned;
import org.jppp.supervisor.peer.PeerSupervisor.Exit;
import org.jppp.supervisor.peer.PeerSupervisor.HoldingOff;
import org.jppp.supervisor.peer.PeerSupervisor.Report;
import org.jppp.supervisor.peer.PeerSupervisor.SessionEvent;
import org.jppp.supervisor.peer.PeerSupervisor.Snapshot;
import org.jppp.supervisor.peer.PeerSupervisor.State;
import org.jppp.supervisor.peer.PeerSupervisor.Stopped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The peer supervisor over fake sessions, with time under {@link ManualTime}: pppd's persist,
 * holdoff, maxfail, idle and maxconnect rules, jppp's holdoff backoff, the commands, crashes and
 * the status snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({TestKitJUnit5Extension.class, LogCapturingExtension.class})
class PeerSupervisorTest {
    private static final Duration SHORT = Duration.ofMillis(100);
    private static final Duration MILLI = Duration.ofMillis(1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final UpDetails IPCP_UP = new UpDetails(PppProtocol.IPCP, Optional.of(Ipv4.parse("10.0.0.2")),
            Optional.of(Ipv4.parse("10.0.0.1")), List.of(), OptionalLong.empty(), OptionalLong.empty(), 1500, 1500,
            Optional.empty());
    private static final Exit USER_REQUEST = new Exit(ExitStatus.EXIT_USER_REQUEST, "User request");

    @JUnit5TestKit
    final ActorTestKit kit = new JUnit5TestKitBuilder()
            .withCustomConfig(ManualTime.config().withFallback(ActorTestKit.applicationTestConfig())).build();
    /** Where the fake sessions' Up events want their answer; the supervisor never answers. */
    final ActorRef<PeerSession.Configured> configured = kit.<PeerSession.Configured>createTestProbe().getRef();
    private final ManualTime time = ManualTime.get(kit.system());
    private final List<ActorRef<PeerSupervisor.Command>> running = new ArrayList<>();

    @AfterEach
    void stopPeers() {
        running.forEach(kit::stop);
        running.clear();
    }

    /** pppd's options as the options file gives them. */
    private static SupervisorSettings pppd(boolean persist, int holdoff, int maxfail, int idle, int maxconnect) {
        return SupervisorSettings.from(new LinkControlSettings(persist, holdoff, maxfail, false, idle, maxconnect));
    }

    private static SupervisorSettings persist(int holdoff, int maxfail) {
        return pppd(true, holdoff, maxfail, 0, 0);
    }

    /** One supervisor under test, its fake sessions, its parent and its idle probe. */
    private final class Peer {
        final FakeSessions fakes = new FakeSessions(kit);
        final TestProbe<Report> reports = kit.createTestProbe();
        final AtomicLong idleSeconds = new AtomicLong();
        /** The demand trigger armed last, and how many times one was armed. */
        final AtomicReference<Runnable> armed = new AtomicReference<>();
        final AtomicInteger arms = new AtomicInteger();
        final AtomicInteger discards = new AtomicInteger();
        final ActorRef<PeerSupervisor.Command> ref;

        Peer(SupervisorSettings settings) {
            this(settings, ScriptedRandom.forbidden());
        }

        Peer(SupervisorSettings settings, RandomGenerator random) {
            TrafficTrigger traffic = new TrafficTrigger() {
                @Override
                public void awaitTraffic(Runnable onTraffic) {
                    armed.set(onTraffic);
                    arms.incrementAndGet();
                }

                @Override
                public void discard() {
                    discards.incrementAndGet();
                }
            };
            ref = kit.spawn(PeerSupervisor.create(settings,
                    new PeerSupervisor.Wiring(fakes, idleSeconds::get, traffic, random, CLOCK), reports.getRef()));
            running.add(ref);
        }

        /** The data path reports traffic through the trigger armed {@code nth} (from 1). */
        void traffic(int nth) {
            awaitWaiting(nth);
            armed.get().run();
        }

        /** Waiting period {@code nth} has begun (a session's end reaches the supervisor asynchronously). */
        void awaitWaiting(int nth) {
            for (int i = 0; i < 100 && arms.get() < nth; i++) {
                fakes.spawned.expectNoMessage(Duration.ofMillis(20));
            }
            assertEquals(State.WAITING, status().state());
            assertEquals(nth, arms.get(), "waiting periods");
        }

        Session session(int attempt) {
            Spawned spawned = fakes.spawned.receiveMessage();
            assertEquals(attempt, spawned.attempt(), "attempt");
            return new Session(spawned);
        }

        Snapshot status() {
            TestProbe<Snapshot> reply = kit.createTestProbe();
            ref.tell(new PeerSupervisor.Status(reply.getRef()));
            return reply.receiveMessage();
        }

        /** The next report that {@code wanted} accepts; only session events may come before it. */
        Report await(Predicate<Report> wanted) {
            while (true) {
                Report report = reports.receiveMessage();
                if (wanted.test(report)) {
                    return report;
                }
                assertInstanceOf(SessionEvent.class, report, "unexpected report");
            }
        }

        Duration holdingOff(int nextAttempt) {
            HoldingOff h = (HoldingOff) await(HoldingOff.class::isInstance);
            assertEquals(nextAttempt, h.nextAttempt(), "next attempt");
            return h.delay();
        }

        Stopped stopped() {
            return (Stopped) await(Stopped.class::isInstance);
        }

        /** Time passes by {@code d} and no session is dialled. */
        void noDialFor(Duration d) {
            time.timePasses(d);
            fakes.spawned.expectNoMessage(SHORT);
        }

        /** The holdoff lasts exactly {@code delay}: nothing a millisecond before, attempt {@code next} at it. */
        Session dialsAfter(Duration delay, int next) {
            noDialFor(delay.minus(MILLI));
            time.timePasses(MILLI);
            return session(next);
        }

        void tell(PeerSupervisor.Command command) {
            ref.tell(command);
        }

        final class Session {
            final int attempt;
            final ActorRef<Object> fake;

            Session(Spawned spawned) {
                attempt = spawned.attempt();
                fake = spawned.ref();
            }

            /** The session reports {@code event}; returns once the supervisor has handled it. */
            void emit(PeerSession.Event event) {
                fake.tell(new Emit(event));
                await(new SessionEvent(attempt, event)::equals);
            }

            void up() {
                emit(new PeerSession.PhaseChanged(Phase.NETWORK));
                emit(new PeerSession.Up(IPCP_UP, 1, configured));
                emit(new PeerSession.Passing(IPCP_UP));
            }

            void end(int exitStatus, String reason) {
                fake.tell(new End(exitStatus, reason));
            }

            void fail() {
                end(ExitStatus.EXIT_NEGOTIATION_FAILED, "negotiation failed");
            }

            void crash() {
                fake.tell(new Crash("boom"));
            }

            void expectClosed(String reason) {
                assertEquals(new Closed(attempt, reason), fakes.closed.receiveMessage());
            }
        }
    }

    // ---- persist ----

    @Test
    void nopersist_stopsWithTheSessionsExitStatus() {
        Peer p = new Peer(pppd(false, 30, 10, 0, 0));
        p.session(1).end(ExitStatus.EXIT_HANGUP, "Modem hangup");
        assertEquals(new Stopped(ExitStatus.EXIT_HANGUP, "Modem hangup"), p.stopped());
        p.noDialFor(Duration.ofMinutes(5));
        assertEquals(State.STOPPED, p.status().state());
    }

    // ---- demand ----

    private static SupervisorSettings demand(int holdoff, int idle) {
        return SupervisorSettings.from(new LinkControlSettings(false, holdoff, 10, true, idle, 0));
    }

    @Test
    void demand_waitsForTrafficBeforeTheFirstDial() {
        Peer p = new Peer(demand(5, 0));
        p.noDialFor(Duration.ofMinutes(10));
        Snapshot waiting = p.status();
        assertEquals(State.WAITING, waiting.state());
        assertEquals(0, waiting.attempt());
        assertEquals(1, p.arms.get(), "one trigger per waiting period, not one per packet");
        LoggingTestKit.info("Starting link").withLoggerName(PppdLog.NAME)
                .expect(kit.system(), () -> {
                    p.traffic(1);
                    return null;
                });
        p.session(1);
        assertEquals(State.DIALING, p.status().state());
    }

    @Test
    void demandWithoutPersist_holdsOffThenWaitsForTrafficAgain() {
        Peer p = new Peer(demand(5, 0));
        p.traffic(1);
        p.session(1).fail();
        assertEquals(Duration.ofSeconds(5), p.holdingOff(2));
        assertEquals(State.HOLDOFF, p.status().state());
        assertEquals(1, p.discards.get(), "the queue is discarded before the holdoff");
        assertEquals(1, p.arms.get(), "no wait during the holdoff");
        p.noDialFor(Duration.ofSeconds(5));
        p.traffic(2);
        p.session(2);
    }

    @Test
    void demand_idleTimeoutWaitsAgainWithoutHoldoff() {
        Peer p = new Peer(demand(30, 5));
        p.traffic(1);
        Peer.Session s = p.session(1);
        s.up();
        p.idleSeconds.set(5);
        time.timePasses(Duration.ofSeconds(5));
        s.expectClosed("Link inactive");
        p.noDialFor(Duration.ofMinutes(1));
        Snapshot waiting = p.status();
        assertEquals(State.WAITING, waiting.state());
        assertEquals(new Exit(ExitStatus.EXIT_IDLE_TIMEOUT, "Link inactive"), waiting.lastExit().orElseThrow());
        assertEquals(Optional.empty(), waiting.holdoff());
        p.traffic(2);
        p.session(2);
    }

    @Test
    void demand_staleTriggerOfAnEarlierWaitDialsNothing() {
        Peer p = new Peer(demand(0, 0));
        p.traffic(1);
        Runnable first = p.armed.get();
        p.session(1).fail();
        p.awaitWaiting(2);
        first.run();
        p.noDialFor(Duration.ofSeconds(1));
        p.traffic(2);
        p.session(2);
    }

    @Test
    void demand_redialWhileWaitingDoesNothingAndStopEndsWithUserRequest() {
        Peer p = new Peer(demand(5, 0));
        p.tell(new PeerSupervisor.Redial());
        p.noDialFor(Duration.ofSeconds(1));
        assertEquals(State.WAITING, p.status().state());
        p.tell(new PeerSupervisor.Stop());
        assertEquals(new Stopped(ExitStatus.EXIT_USER_REQUEST, "User request"), p.stopped());
    }

    @Test
    void demand_redialOfAnUpLinkHangsUpAndWaitsWithoutHoldoff() {
        Peer p = new Peer(demand(30, 0));
        p.traffic(1);
        Peer.Session s = p.session(1);
        s.up();
        p.tell(new PeerSupervisor.Redial());
        s.expectClosed("User request");
        p.noDialFor(Duration.ofSeconds(1));
        p.traffic(2);
        p.session(2);
    }

    // ---- holdoff (pppd) ----

    @Test
    void persist_holdsOffThirtySecondsEveryTimeWithPppdDefaults() {
        Peer p = new Peer(SupervisorSettings.from(new LinkControlSettings(true, 30, 10, false, 0, 0)));
        Peer.Session s = p.session(1);
        for (int next = 2; next <= 5; next++) {
            s.fail();
            assertEquals(Duration.ofSeconds(30), p.holdingOff(next));
            s = p.dialsAfter(Duration.ofSeconds(30), next);
        }
    }

    @Test
    void peerEndedLink_holdsOffAfterHavingBeenUp() {
        Peer p = new Peer(persist(30, 10));
        Peer.Session s = p.session(1);
        s.up();
        s.end(ExitStatus.EXIT_OK, "");
        assertEquals(Duration.ofSeconds(30), p.holdingOff(2));
        p.dialsAfter(Duration.ofSeconds(30), 2);
    }

    @Test
    void holdoffZero_dialsAtOnce() {
        Peer p = new Peer(persist(0, 10));
        p.session(1).fail();
        p.session(2);
        assertEquals(State.DIALING, p.status().state());
    }

    // ---- holdoff backoff (jppp) ----

    @Test
    void backoff_growsByFactorWithinTwentyPercentJitter_cappedAtHoldoffMax() {
        // u = 0 gives -20 %, u near 1 gives +20 %, u = 0.5 no jitter.
        ScriptedRandom random = new ScriptedRandom(0.0, 0.99999, 0.5, 0.0, 0.99999, 0.5, 0.0);
        SupervisorSettings settings = SupervisorSettings.from(
                new LinkControlSettings(true, 10, 0, false, 0, 0), 60, 2.0);
        Peer p = new Peer(settings, random);
        long[] expectedMillis = {8_000, 24_000, 40_000, 48_000, 60_000, 60_000, 48_000};
        Peer.Session s = p.session(1);
        for (int k = 0; k < expectedMillis.length; k++) {
            s.fail();
            Duration delay = p.holdingOff(k + 2);
            double base = Math.min(10 * Math.pow(2, k), 60);
            assertTrue(delay.toMillis() >= Math.round(base * 800) && delay.toMillis() <= Math.min(base * 1200, 60_000),
                    "holdoff " + k + " = " + delay + " outside 20 % of " + base + " s or above holdoff-max");
            assertEquals(expectedMillis[k], delay.toMillis(), "holdoff " + k);
            s = p.dialsAfter(delay, k + 2);
        }
        assertEquals(expectedMillis.length, random.draws(), "one draw per holdoff");
    }

    /** Holdoff 10 s, factor 2, max 60 s, no jitter (u = 0.5): 10, 20, then 40 or back to 10. */
    private Peer backoffPeer() {
        return new Peer(SupervisorSettings.from(new LinkControlSettings(true, 10, 0, false, 0, 0),
                60, 2.0), new ScriptedRandom(0.5));
    }

    /** Two failures in a row, then attempt 3 comes up and ends after {@code upFor}. */
    private Duration holdoffAfterTwoFailuresAndLinkUpFor(Duration upFor) {
        Peer p = backoffPeer();
        p.session(1).fail();
        assertEquals(Duration.ofSeconds(10), p.holdingOff(2));
        p.dialsAfter(Duration.ofSeconds(10), 2).fail();
        assertEquals(Duration.ofSeconds(20), p.holdingOff(3));
        Peer.Session s = p.dialsAfter(Duration.ofSeconds(20), 3);
        s.up();
        time.timePasses(upFor);
        s.end(ExitStatus.EXIT_OK, "");
        return p.holdingOff(4);
    }

    @Test
    void backoff_startsOverAfterLinkStayedUpSixtySeconds() {
        assertEquals(Duration.ofSeconds(10), holdoffAfterTwoFailuresAndLinkUpFor(Duration.ofSeconds(60)));
    }

    @Test
    void backoff_keepsGrowingWhenLinkDropsBeforeSixtySeconds() {
        assertEquals(Duration.ofSeconds(40), holdoffAfterTwoFailuresAndLinkUpFor(Duration.ofSeconds(59)));
    }

    // ---- maxfail ----

    @Test
    void maxfail_givesUpAfterConsecutiveFailuresWithTheLastFailuresStatus() {
        Peer p = new Peer(persist(0, 3));
        p.session(1).end(ExitStatus.EXIT_NEGOTIATION_FAILED, "negotiation failed");
        p.session(2).end(ExitStatus.EXIT_HANGUP, "Modem hangup");
        p.session(3).end(ExitStatus.EXIT_PEER_DEAD, "Peer not responding");
        assertEquals(new Stopped(ExitStatus.EXIT_PEER_DEAD, "Peer not responding"), p.stopped());
        Snapshot s = p.status();
        assertEquals(State.STOPPED, s.state());
        assertEquals(3, s.attempt());
        assertEquals(3, s.consecutiveFailures());
        p.noDialFor(Duration.ofMinutes(1));
    }

    @Test
    void maxfail_countResetsWhenAnNcpComesUp() {
        Peer p = new Peer(persist(0, 2));
        p.session(1).fail();
        Peer.Session s2 = p.session(2);
        assertEquals(1, p.status().consecutiveFailures());
        s2.up();
        assertEquals(0, p.status().consecutiveFailures(), "np_up zeroes unsuccess");
        s2.end(ExitStatus.EXIT_OK, "");
        p.session(3).fail();
        p.session(4).fail();
        assertEquals(new Stopped(ExitStatus.EXIT_NEGOTIATION_FAILED, "negotiation failed"), p.stopped());
        assertEquals(2, p.status().consecutiveFailures());
    }

    @Test
    void maxfailZero_redialsForever() {
        Peer p = new Peer(persist(30, 0));
        Peer.Session s = p.session(1);
        for (int next = 2; next <= 51; next++) {
            s.fail();
            assertEquals(Duration.ofSeconds(30), p.holdingOff(next));
            time.timePasses(Duration.ofSeconds(30));
            s = p.session(next);
        }
        assertEquals(50, p.status().consecutiveFailures());
    }

    // ---- maxconnect and idle ----

    @Test
    void maxconnect_closesAtNSecondsFromFirstUpWithExit13() {
        Peer p = new Peer(pppd(false, 30, 10, 0, 100));
        Peer.Session s = p.session(1);
        time.timePasses(Duration.ofSeconds(50));
        s.up();
        time.timePasses(Duration.ofSeconds(100).minus(MILLI));
        p.fakes.closed.expectNoMessage(SHORT);
        LoggingTestKit.info("Connect time expired").withLoggerName(PppdLog.NAME).expect(kit.system(), () -> {
            time.timePasses(MILLI);
            return null;
        });
        s.expectClosed("Connect time expired");
        assertEquals(new Stopped(ExitStatus.EXIT_CONNECT_TIME, "Connect time expired"), p.stopped());
    }

    @Test
    void maxconnect_endIsHeldOffAsInPppd() {
        Peer p = new Peer(pppd(true, 30, 10, 0, 100));
        Peer.Session s = p.session(1);
        s.up();
        time.timePasses(Duration.ofSeconds(100));
        s.expectClosed("Connect time expired");
        assertEquals(Duration.ofSeconds(30), p.holdingOff(2));
        assertEquals(Optional.of(new Exit(ExitStatus.EXIT_CONNECT_TIME, "Connect time expired")),
                p.status().lastExit());
        p.dialsAfter(Duration.ofSeconds(30), 2);
    }

    @Test
    void maxconnect_stopsCountingWhenTheLastNcpGoesDown() {
        Peer p = new Peer(pppd(false, 30, 10, 0, 100));
        Peer.Session s = p.session(1);
        s.up();
        time.timePasses(Duration.ofSeconds(90));
        s.emit(new PeerSession.Down(PppProtocol.IPCP));
        assertEquals(State.DIALING, p.status().state());
        time.timePasses(Duration.ofSeconds(60));
        p.fakes.closed.expectNoMessage(SHORT);
        s.emit(new PeerSession.Up(IPCP_UP, 1, configured));
        s.emit(new PeerSession.Passing(IPCP_UP));
        time.timePasses(Duration.ofSeconds(100));
        s.expectClosed("Connect time expired");
    }

    @Test
    void idle_closesWith12OnlyWhenTheProbeReportsTheLimit() {
        Peer p = new Peer(pppd(false, 30, 10, 10, 0));
        Peer.Session s = p.session(1);
        s.up();
        p.idleSeconds.set(3);
        time.timePasses(Duration.ofSeconds(10));
        p.fakes.closed.expectNoMessage(SHORT);
        // Next look when the link could first have been idle 10 s: 7 s later.
        p.idleSeconds.set(9);
        time.timePasses(Duration.ofSeconds(7).minus(MILLI));
        p.fakes.closed.expectNoMessage(SHORT);
        time.timePasses(MILLI);
        p.fakes.closed.expectNoMessage(SHORT);
        p.idleSeconds.set(10);
        LoggingTestKit.info("Terminating connection due to lack of activity.").withLoggerName(PppdLog.NAME)
                .expect(kit.system(), () -> {
                    time.timePasses(Duration.ofSeconds(1));
                    return null;
                });
        s.expectClosed("Link inactive");
        assertEquals(new Stopped(ExitStatus.EXIT_IDLE_TIMEOUT, "Link inactive"), p.stopped());
    }

    @Test
    void idleTimeout_redialsWithoutHoldoff() {
        Peer p = new Peer(pppd(true, 30, 10, 10, 0));
        Peer.Session s = p.session(1);
        s.up();
        p.idleSeconds.set(10);
        time.timePasses(Duration.ofSeconds(10));
        s.expectClosed("Link inactive");
        p.session(2);
        Snapshot status = p.status();
        assertEquals(State.DIALING, status.state());
        assertEquals(Optional.of(new Exit(ExitStatus.EXIT_IDLE_TIMEOUT, "Link inactive")), status.lastExit());
        assertEquals(Optional.empty(), status.holdoff());
    }

    @Test
    void trafficLimitEnd_redialsWithoutHoldoff() {
        Peer p = new Peer(persist(30, 10));
        Peer.Session s = p.session(1);
        s.up();
        s.end(ExitStatus.EXIT_TRAFFIC_LIMIT, "Traffic limit");
        p.session(2);
    }

    // ---- commands ----

    @Test
    void redial_whileUp_hangsUpAndDialsWithoutHoldoff() {
        Peer p = new Peer(persist(30, 10));
        Peer.Session s = p.session(1);
        s.up();
        p.tell(new PeerSupervisor.Redial());
        s.expectClosed("User request");
        p.await(new SessionEvent(1, new PeerSession.Finished(ExitStatus.EXIT_USER_REQUEST, "User request"))::equals);
        p.session(2);
        p.reports.expectNoMessage(SHORT);
        assertEquals(Optional.of(USER_REQUEST), p.status().lastExit());
    }

    @Test
    void redial_duringHoldoff_dialsAtOnce() {
        Peer p = new Peer(persist(30, 10));
        p.session(1).fail();
        p.holdingOff(2);
        time.timePasses(Duration.ofSeconds(5));
        p.tell(new PeerSupervisor.Redial());
        p.session(2);
        assertEquals(State.DIALING, p.status().state());
        p.noDialFor(Duration.ofSeconds(30));
    }

    @Test
    void stop_whileUp_closesWithUserRequestAndNeverRedials() {
        Peer p = new Peer(persist(30, 10));
        Peer.Session s = p.session(1);
        s.up();
        p.tell(new PeerSupervisor.Stop());
        s.expectClosed("User request");
        assertEquals(new Stopped(ExitStatus.EXIT_USER_REQUEST, "User request"), p.stopped());
        p.noDialFor(Duration.ofMinutes(5));
    }

    @Test
    void stop_duringHoldoff_stopsAtOnceWithExit5() {
        Peer p = new Peer(persist(30, 10));
        p.session(1).fail();
        p.holdingOff(2);
        p.tell(new PeerSupervisor.Stop());
        assertEquals(new Stopped(ExitStatus.EXIT_USER_REQUEST, "User request"), p.stopped());
        p.noDialFor(Duration.ofMinutes(1));
    }

    // ---- crashes ----

    @Test
    void crashingSession_isDialledAgainAfterHoldoff_otherPeerUntouched() {
        Peer a = new Peer(persist(30, 10));
        Peer b = new Peer(persist(30, 10));
        Peer.Session sa = a.session(1);
        Peer.Session sb = b.session(1);
        sa.up();
        sb.up();
        sa.crash();
        assertEquals(Duration.ofSeconds(30), a.holdingOff(2));
        Snapshot crashed = a.status();
        assertEquals(new Exit(ExitStatus.EXIT_FATAL_ERROR,
                "session failed: java.lang.IllegalStateException: boom"), crashed.lastExit().orElseThrow());
        assertEquals(1, crashed.consecutiveFailures(), "a crash is a failed attempt even after an NCP came up");
        a.dialsAfter(Duration.ofSeconds(30), 2);

        Snapshot other = b.status();
        assertEquals(State.UP, other.state());
        assertEquals(1, other.attempt());
        sb.emit(new PeerSession.PhaseChanged(Phase.NETWORK));
        b.fakes.spawned.expectNoMessage(SHORT);
        b.reports.expectNoMessage(SHORT);
    }

    @Test
    void crashWithoutPersist_stopsWithFatalError() {
        Peer p = new Peer(pppd(false, 30, 10, 0, 0));
        p.session(1).crash();
        assertEquals(new Stopped(ExitStatus.EXIT_FATAL_ERROR, "session failed: java.lang.IllegalStateException: boom"),
                p.stopped());
    }

    @Test
    void factoryThatThrows_isACrashedAttempt() {
        TestProbe<Report> reports = kit.createTestProbe();
        SessionFactory broken = (attempt, parent) -> {
            throw new IllegalStateException("no such device");
        };
        ActorRef<PeerSupervisor.Command> ref = kit.spawn(PeerSupervisor.create(pppd(false, 30, 10, 0, 0),
                new PeerSupervisor.Wiring(broken, () -> 0, ScriptedRandom.forbidden(), CLOCK), reports.getRef()));
        running.add(ref);
        assertEquals(new Stopped(ExitStatus.EXIT_FATAL_ERROR,
                "session failed: java.lang.IllegalStateException: no such device"), reports.receiveMessage());
    }

    // ---- status ----

    @Test
    void status_followsDialingUpHoldoffAndStopped() {
        Peer p = new Peer(persist(30, 10));
        Peer.Session s1 = p.session(1);
        assertEquals(new Snapshot(State.DIALING, Phase.DEAD, 1, 0, 0, Optional.empty(), Optional.empty(), List.of(),
                Optional.empty()), p.status());

        s1.emit(new PeerSession.PhaseChanged(Phase.ESTABLISH));
        assertEquals(Phase.ESTABLISH, p.status().phase());

        // pppd's np_up comes after ipcp_up configured the interface: Up alone (the parent still
        // configuring, datagrams not passing yet) is not UP, Passing is.
        s1.emit(new PeerSession.PhaseChanged(Phase.NETWORK));
        s1.emit(new PeerSession.Up(IPCP_UP, 1, configured));
        assertEquals(new Snapshot(State.DIALING, Phase.NETWORK, 1, 0, 0, Optional.empty(), Optional.empty(),
                List.of(), Optional.empty()), p.status());
        s1.emit(new PeerSession.Passing(IPCP_UP));
        assertEquals(new Snapshot(State.UP, Phase.NETWORK, 1, 0, 0, Optional.empty(), Optional.of(CLOCK.instant()),
                List.of(IPCP_UP), Optional.empty()), p.status());

        s1.end(ExitStatus.EXIT_OK, "");
        p.holdingOff(2);
        assertEquals(new Snapshot(State.HOLDOFF, Phase.DEAD, 1, 0, 0, Optional.of(new Exit(ExitStatus.EXIT_OK, "")),
                Optional.empty(), List.of(), Optional.of(Duration.ofSeconds(30))), p.status());

        Peer.Session s2 = p.dialsAfter(Duration.ofSeconds(30), 2);
        Snapshot dialing = p.status();
        assertEquals(State.DIALING, dialing.state());
        assertEquals(2, dialing.attempt());
        assertEquals(Optional.empty(), dialing.holdoff());

        s2.up();
        assertEquals(1, p.status().reconnects());

        p.tell(new PeerSupervisor.Stop());
        p.stopped();
        assertEquals(new Snapshot(State.STOPPED, Phase.DEAD, 2, 0, 1, Optional.of(USER_REQUEST), Optional.empty(),
                List.of(), Optional.empty()), p.status());

        TestProbe<Object> watcher = kit.createTestProbe();
        p.tell(new PeerSupervisor.Stop());
        watcher.expectTerminated(p.ref);
        running.remove(p.ref);
    }
}
