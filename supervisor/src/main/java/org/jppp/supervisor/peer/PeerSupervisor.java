package org.jppp.supervisor.peer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.ActorInitializationException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Phase;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.UpDetails;
import org.jppp.protocol.wire.PppProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's supervisor: it dials {@link PeerSession} incarnations one after another through a
 * {@link SessionFactory} and decides, when one ends, whether to dial again, hold off first or give
 * up, as pppd's main loop does (main.c, with np_up and check_idle in auth.c). A link that ends is a
 * normal stop of its session, never an exception, so this decision is made here from the session's
 * {@link PeerSession.Finished} and not by a Pekko restart strategy (STYLE habit 8).
 *
 * <ul>
 * <li><b>persist, demand</b>: without either, the first ended session stops the supervisor with
 *     that session's exit status. demand implies persist and adds a {@link State#WAITING} state
 *     before every dial, pppd's Dormant phase: the supervisor asks its {@link TrafficTrigger}
 *     once, and dials ({@code Starting link}) when the data path says a packet worth dialling for
 *     is queued. A holdoff, when one applies, comes before the wait, as in pppd's main loop.</li>
 * <li><b>maxfail</b>: an attempt fails unless a network protocol came up on it (pppd counts
 *     {@code unsuccess} up on each pass and np_up zeroes it). After {@code maxfail} failures in a
 *     row the supervisor stops with the last failure's exit status; 0 never gives up. pppd logs
 *     nothing of its own then, and neither does {@link PppdLog}.</li>
 * <li><b>holdoff</b>: before redialling. pppd skips it only when its own idle check (exit 12) or
 *     traffic limit (exit 20) cut the link, which clear {@code need_holdoff}; a link cut by
 *     maxconnect (exit 13) or ended by the peer is held off. {@link Redial} differs from pppd's
 *     SIGHUP on purpose: it hangs up and dials at once, where pppd holds off after a SIGHUP unless a
 *     second one ends the holdoff; during a holdoff both end it. The jppp backoff and its jitter are
 *     described in {@link SupervisorSettings}.</li>
 * <li><b>maxconnect, idle</b>: counted from the first network protocol up, stopped when the last
 *     goes down (np_up, np_down). The idle check asks the {@link IdleProbe} first after {@code idle}
 *     seconds, then again when the link could first have been idle that long, as check_idle does
 *     (what counts as traffic: see {@link IdleProbe});
 *     the session is closed with pppd's reasons ({@code Link inactive}, {@code Connect time
 *     expired}) and the supervisor's own cause (12, 13) is the attempt's exit status, as pppd sets
 *     {@code status} when it calls lcp_close.</li>
 * <li><b>crashes</b>: a session that throws is stopped by Pekko's default for typed children; the
 *     supervisor watches it, counts the crash as a failed attempt (even after a network protocol
 *     came up) with exit status 1 (EXIT_FATAL_ERROR, what pppd exits with on a fatal error) and
 *     takes the same holdoff path, which makes it a restart with backoff that touches no other
 *     peer.</li>
 * </ul>
 *
 * <p>The first cause given for closing a session sticks, as in {@link PeerSession}. The pppd lines
 * for the signals behind {@link Redial} and {@link Stop} ({@code Hangup (SIGHUP)}, {@code
 * Terminating on signal 15}) name the signal, so whoever turns a signal into a command logs them.
 * After it stops, the supervisor stays to answer {@link Status}, ignoring {@link Redial}, until told
 * to {@link Stop} again.
 * One timer serves both the holdoff and the callouts of an up link.
 */
public final class PeerSupervisor extends AbstractBehavior<PeerSupervisor.Command> {

    public sealed interface Command { }

    /** Hang up now and dial again without holdoff, or end a holdoff early (SIGHUP, {@code poff -r}). */
    public record Redial() implements Command { }

    /** Close the link on the user's request and stop without redialling (SIGTERM): exit status 5. */
    public record Stop() implements Command { }

    /** Reply with a {@link Snapshot} (for {@code pppctl status}). */
    public record Status(ActorRef<Snapshot> replyTo) implements Command { }

    private record FromSession(PeerSession.Event event) implements Command { }

    private enum TimerFired implements Command { INSTANCE }

    /** The data path queued a packet worth dialling for, during waiting period {@code period}. */
    private record TrafficSeen(int period) implements Command { }

    /** What the supervisor's parent hears. */
    public sealed interface Report { }

    /** Whatever the current session reported, tagged with its attempt. */
    public record SessionEvent(int attempt, PeerSession.Event event) implements Report { }

    /** The supervisor holds off for {@code delay} before dialling attempt {@code nextAttempt}. */
    public record HoldingOff(int nextAttempt, Duration delay) implements Report { }

    /** The supervisor gave up, or was told to stop: exit with {@code exitStatus}. */
    public record Stopped(int exitStatus, String reason) implements Report { }

    public enum State { WAITING, DIALING, UP, HOLDOFF, STOPPED }

    /** How an attempt ended. */
    public record Exit(int status, String reason) { }

    /**
     * @param attempt             the current or last attempt, from 1
     * @param consecutiveFailures failed attempts since a network protocol last came up
     * @param reconnects          times the link came up again after having been up
     * @param up                  the network protocols up now
     * @param holdoff             the delay of the holdoff under way
     */
    public record Snapshot(State state, Phase phase, int attempt, int consecutiveFailures, int reconnects,
                           Optional<Exit> lastExit, Optional<Instant> upSince, List<UpDetails> up,
                           Optional<Duration> holdoff) {
        public Snapshot {
            up = List.copyOf(up);
        }
    }

    /** What the supervisor needs from outside; random and clock are injected for tests. */
    public record Wiring(SessionFactory sessions, IdleProbe idle, TrafficTrigger traffic, RandomGenerator random,
                         Clock clock) {
        /** Without demand dialling. */
        public Wiring(SessionFactory sessions, IdleProbe idle, RandomGenerator random, Clock clock) {
            this(sessions, idle, TrafficTrigger.NONE, random, clock);
        }

        public static Wiring of(SessionFactory sessions, IdleProbe idle) {
            return of(sessions, idle, TrafficTrigger.NONE);
        }

        public static Wiring of(SessionFactory sessions, IdleProbe idle, TrafficTrigger traffic) {
            return new Wiring(sessions, idle, traffic, new SplittableRandom(), Clock.systemUTC());
        }
    }

    /** What runs while the link is up. */
    private enum Callout { CONNECT_TIME, IDLE_CHECK, BACKOFF_RESET }

    private static final Logger LOG = LoggerFactory.getLogger(PeerSupervisor.class);
    private static final Object TIMER_KEY = "peer";
    private static final Exit USER_REQUEST = new Exit(ExitStatus.EXIT_USER_REQUEST, "User request");

    private final SupervisorSettings settings;
    private final Wiring wiring;
    private final ActorRef<Report> parent;
    private final TimerScheduler<Command> timers;
    private final ActorRef<PeerSession.Event> sessionEvents;
    private final Callouts<Callout> callouts = new Callouts<>(Callout.class);
    private final Map<PppProtocol, UpDetails> up = new LinkedHashMap<>();

    private State state = State.DIALING;
    private Phase phase = Phase.DEAD;
    private int attempt;
    private int failures;
    private int ups;
    private int holdoffStreak;
    private int waitingPeriod;
    private Optional<ActorRef<PeerSession.Command>> session = Optional.empty();
    private boolean reachedUp;
    private Optional<Exit> finished = Optional.empty();
    private Optional<Exit> closeCause = Optional.empty();
    private boolean redialNow;
    private boolean stopRequested;
    private Optional<Exit> lastExit = Optional.empty();
    private Optional<Instant> upSince = Optional.empty();
    private Optional<Duration> holdoff = Optional.empty();

    public static Behavior<Command> create(SupervisorSettings settings, Wiring wiring, ActorRef<Report> parent) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new PeerSupervisor(ctx, timers, settings, wiring,
                parent)));
    }

    private PeerSupervisor(ActorContext<Command> ctx, TimerScheduler<Command> timers, SupervisorSettings settings,
                           Wiring wiring, ActorRef<Report> parent) {
        super(ctx);
        this.timers = timers;
        this.settings = settings;
        this.wiring = wiring;
        this.parent = parent;
        this.sessionEvents = ctx.messageAdapter(PeerSession.Event.class, FromSession::new);
        next();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromSession.class, m -> onSessionEvent(m.event()))
                .onMessageEquals(TimerFired.INSTANCE, this::onTimer)
                .onMessage(TrafficSeen.class, this::onTraffic)
                .onMessage(Redial.class, m -> onRedial())
                .onMessage(Stop.class, m -> onStop())
                .onMessage(Status.class, this::onStatus)
                .onSignal(ChildFailed.class, s -> onSessionGone(s.getRef(), "session failed: " + cause(s.getCause())))
                .onSignal(Terminated.class, s -> onSessionGone(s.getRef(), "session stopped before finishing"))
                .build();
    }

    /** What went wrong, without Pekko's wrapper when the session failed while being built. */
    private static Throwable cause(Throwable failure) {
        return failure instanceof ActorInitializationException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    /** The next pass of pppd's main loop: with demand, wait for traffic first. */
    private Behavior<Command> next() {
        return settings.demand() ? await() : dial();
    }

    /** pppd's Dormant phase: one trigger armed per waiting period, so a late one is told apart. */
    private Behavior<Command> await() {
        enter(State.WAITING);
        holdoff = Optional.empty();
        int period = ++waitingPeriod;
        ActorRef<Command> self = getContext().getSelf();
        wiring.traffic().awaitTraffic(() -> self.tell(new TrafficSeen(period)));
        return this;
    }

    private Behavior<Command> onTraffic(TrafficSeen m) {
        if (state != State.WAITING || m.period() != waitingPeriod) {
            return this;
        }
        PppdLog.LOG.info("Starting link");
        return dial();
    }

    /** One pass of pppd's main loop: a fresh incarnation of the link. */
    private Behavior<Command> dial() {
        attempt++;
        int n = attempt;
        enter(State.DIALING);
        holdoff = Optional.empty();
        reachedUp = false;
        finished = Optional.empty();
        closeCause = Optional.empty();
        redialNow = false;
        // The factory may block while it dials (a later attempt's connect script or PPPoE
        // discovery): the session runs on Pekko's dispatcher for blocking work, so a redialling
        // peer never holds a thread of the default dispatcher that other peers' timers need.
        ActorRef<PeerSession.Command> s = getContext().spawn(
                Behaviors.setup(ctx -> wiring.sessions().create(n, sessionEvents)), "session-" + n,
                DispatcherSelector.blocking());
        getContext().watch(s);
        session = Optional.of(s);
        return this;
    }

    private void enter(State next) {
        if (state != next) {
            LOG.debug("peer {} -> {} (attempt {})", state, next, attempt);
            state = next;
        }
    }

    private Behavior<Command> onSessionEvent(PeerSession.Event event) {
        if (event instanceof PeerSession.PhaseChanged changed) {
            phase = changed.phase();
        } else if (event instanceof PeerSession.Passing passing) {
            // Not at Up: pppd's ipcp_up calls np_up only after the interface is configured and
            // passes datagrams (the session's Passing), so a status that says UP can be pinged.
            ncpUp(passing.details());
        } else if (event instanceof PeerSession.Down d) {
            ncpDown(d.ncp());
        } else if (event instanceof PeerSession.Finished f) {
            finished = Optional.of(new Exit(f.exitStatus(), f.reason()));
        }
        // After the timers are set, so that whoever reacts to the event sees them.
        parent.tell(new SessionEvent(attempt, event));
        return this;
    }

    /** pppd's np_up: the first network protocol up makes the attempt a success and starts the limits. */
    private void ncpUp(UpDetails details) {
        boolean first = up.isEmpty();
        up.put(details.ncp(), details);
        if (!first) {
            return;
        }
        enter(State.UP);
        reachedUp = true;
        failures = 0;
        ups++;
        upSince = Optional.of(wiring.clock().instant());
        callouts.clear();
        if (settings.maxconnect() > 0) {
            callouts.in(Callout.CONNECT_TIME, settings.maxconnect());
        }
        if (settings.idle() > 0) {
            callouts.in(Callout.IDLE_CHECK, settings.idle());
        }
        if (settings.backsOff()) {
            callouts.in(Callout.BACKOFF_RESET, settings.stableAfter());
        }
        scheduleCallout();
    }

    /** pppd's np_down: with the last network protocol down, the limits stop. */
    private void ncpDown(PppProtocol ncp) {
        if (up.remove(ncp) != null && up.isEmpty()) {
            enter(State.DIALING);
            upSince = Optional.empty();
            stopCallouts();
        }
    }

    private void scheduleCallout() {
        callouts.untilNext().ifPresentOrElse(
                seconds -> timers.startSingleTimer(TIMER_KEY, TimerFired.INSTANCE, Duration.ofSeconds(seconds)),
                () -> timers.cancel(TIMER_KEY));
    }

    private void stopCallouts() {
        callouts.clear();
        timers.cancel(TIMER_KEY);
    }

    private Behavior<Command> onTimer() {
        if (state == State.HOLDOFF) {
            return next();
        }
        if (state == State.UP) {
            callouts.advance().forEach(this::run);
            scheduleCallout();
        }
        return this;
    }

    private void run(Callout callout) {
        switch (callout) {
            case CONNECT_TIME -> {
                PppdLog.LOG.info("Connect time expired");
                closeSession(new Exit(ExitStatus.EXIT_CONNECT_TIME, "Connect time expired"));
            }
            case IDLE_CHECK -> checkIdle();
            case BACKOFF_RESET -> {
                LOG.debug("link up {} s: holdoff backoff starts over", settings.stableAfter());
                holdoffStreak = 0;
            }
        }
    }

    /** pppd's check_idle: cut the link once idle long enough, else look again when it could be. */
    private void checkIdle() {
        long left = settings.idle() - wiring.idle().idleSeconds();
        if (left > 0) {
            callouts.in(Callout.IDLE_CHECK, left);
        } else {
            PppdLog.LOG.info("Terminating connection due to lack of activity.");
            closeSession(new Exit(ExitStatus.EXIT_IDLE_TIMEOUT, "Link inactive"));
        }
    }

    /** pppd's lcp_close with {@code status} set alongside; the first cause sticks. */
    private void closeSession(Exit cause) {
        if (closeCause.isEmpty()) {
            closeCause = Optional.of(cause);
            session.ifPresent(s -> s.tell(new PeerSession.Close(cause.reason())));
        }
    }

    private Behavior<Command> onRedial() {
        if (state == State.HOLDOFF) {
            timers.cancel(TIMER_KEY);
            return next();
        }
        if (state == State.WAITING) {
            // pppd's SIGHUP in the Dormant phase: no link to hang up, and traffic decides the dial.
            LOG.debug("redial while waiting for traffic: nothing to hang up");
            return this;
        }
        if (state != State.STOPPED) {
            redialNow = true;
            closeSession(USER_REQUEST);
        }
        return this;
    }

    private Behavior<Command> onStop() {
        return switch (state) {
            case STOPPED -> Behaviors.stopped();
            case HOLDOFF, WAITING -> stop(USER_REQUEST);
            case DIALING, UP -> {
                stopRequested = true;
                closeSession(USER_REQUEST);
                yield this;
            }
        };
    }

    /**
     * The session is gone: the end of one pass of pppd's main loop. Our own cause explains the end
     * best, then what the session said; a session that said nothing crashed.
     */
    private Behavior<Command> onSessionGone(ActorRef<Void> ref, String crash) {
        if (session.isEmpty() || !session.get().equals(ref)) {
            return this;
        }
        session = Optional.empty();
        up.clear();
        upSince = Optional.empty();
        phase = Phase.DEAD;
        stopCallouts();
        boolean crashed = closeCause.isEmpty() && finished.isEmpty();
        if (crashed) {
            LOG.warn("attempt {}: {}", attempt, crash);
        }
        Exit exit = closeCause.or(() -> finished).orElse(new Exit(ExitStatus.EXIT_FATAL_ERROR, crash));
        lastExit = Optional.of(exit);
        // A crash counts even after an NCP came up, so that a session that always crashes once up
        // still meets maxfail.
        if (!reachedUp || crashed) {
            failures++;
        }
        if (settings.demand()) {
            wiring.traffic().discard();
        }
        if (stopRequested || !settings.redials()) {
            return stop(exit);
        }
        if (settings.maxfail() > 0 && failures >= settings.maxfail()) {
            LOG.info("maxfail {} reached: giving up", settings.maxfail());
            return stop(exit);
        }
        return redialNow || !holdsOff(exit.status()) ? next() : holdOff();
    }

    /** pppd clears need_holdoff only when it cut the link for idleness or for its traffic limit. */
    private static boolean holdsOff(int exitStatus) {
        return exitStatus != ExitStatus.EXIT_IDLE_TIMEOUT && exitStatus != ExitStatus.EXIT_TRAFFIC_LIMIT;
    }

    private Behavior<Command> holdOff() {
        Duration delay = settings.holdoffDelay(holdoffStreak++, wiring.random());
        if (delay.isZero()) {
            return next();
        }
        enter(State.HOLDOFF);
        holdoff = Optional.of(delay);
        timers.startSingleTimer(TIMER_KEY, TimerFired.INSTANCE, delay);
        parent.tell(new HoldingOff(attempt + 1, delay));
        return this;
    }

    private Behavior<Command> stop(Exit exit) {
        enter(State.STOPPED);
        phase = Phase.DEAD;
        holdoff = Optional.empty();
        lastExit = Optional.of(exit);
        timers.cancelAll();
        parent.tell(new Stopped(exit.status(), exit.reason()));
        return this;
    }

    private Behavior<Command> onStatus(Status request) {
        request.replyTo().tell(new Snapshot(state, phase, attempt, failures, Math.max(0, ups - 1), lastExit, upSince,
                List.copyOf(up.values()), holdoff));
        return this;
    }
}
