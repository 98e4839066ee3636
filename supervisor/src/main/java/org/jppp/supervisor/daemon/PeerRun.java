package org.jppp.supervisor.daemon;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Mdc;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.SessionSettings;
import org.jppp.actors.session.UpDetails;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.demand.IpSwitch;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.supervisor.peer.PeerSupervisor;
import org.jppp.supervisor.peer.SupervisorSettings;
import org.jppp.supervisor.pppoe.PppoeConnection;
import org.jppp.supervisor.run.Attempt;
import org.jppp.supervisor.run.Attempts;
import org.jppp.supervisor.run.Connection;
import org.jppp.supervisor.run.LinkCounters;
import org.jppp.supervisor.run.LinkSetupException;
import org.jppp.supervisor.run.PppInterface;
import org.jppp.supervisor.run.RunGuardian;
import org.jppp.supervisor.run.SessionConfig;
import org.jppp.supervisor.run.TtyConnection;
import org.jppp.supervisor.run.UnitCache;
import org.slf4j.MDC;

/**
 * One peer of the daemon: what {@code pppd call NAME} does in its process, as a child of the
 * {@link Manager}. The first attempt (line, connect script or PPPoE discovery, interface) is
 * opened on the daemon's dialling threads, never on an actor's, and a failure there ends the peer
 * with pppd's exit status (7, 8, 9...) unless it redials ({@code persist}), in which case the
 * {@link PeerSupervisor} retries with its holdoff. Then a {@link RunGuardian} runs the supervisor
 * over the peer's {@link Attempts}, exactly as for {@code bin/pppd}; when it completes its exit
 * status the peer reports {@link Ended} and stops.
 *
 * <p>Everything the peer's actors log carries the MDC key {@link Mdc#PEER} (its name). PPPoE peers
 * dial on the daemon's shared {@link PppoeLines} with a Host-Uniq of the daemon's pid and the
 * peer's index, so each finds its own PADO and PADS among the others'.
 */
public final class PeerRun extends AbstractBehavior<PeerRun.Command> {
    public sealed interface Command { }

    /** Close with LCP Terminate-Request (and PADT), no redial: exit status 5. */
    public record Stop() implements Command { }

    /** Hang up and dial again now, or end a holdoff (SIGHUP, {@code poff -r}). */
    public record Redial() implements Command { }

    public record Status(ActorRef<PeerStatus> replyTo) implements Command { }

    /** To the manager: the peer's run is over (everything it opened is closed). */
    public record Ended(String name, int exitStatus, String reason) { }

    /** The first attempt is open (empty with demand: the interface is, and waits for traffic). */
    private record Opened(Optional<Attempt> first) implements Command { }

    private record OpenFailed(int exitStatus, String message) implements Command { }

    private record FromSupervisor(PeerSupervisor.Report report) implements Command { }

    private record Exited(int exitStatus) implements Command { }

    private record Closed(int exitStatus, String reason) implements Command { }

    private record Snapshot(PeerSupervisor.Snapshot snapshot, ActorRef<PeerStatus> replyTo) implements Command { }

    private static final Duration ASK = Duration.ofSeconds(2);

    /**
     * What every peer of the daemon shares; {@code units}: interfaces of stopped peers, kept for
     * reuse; {@code logFiles}: where the peers' own {@code logfile} options are written, if anywhere.
     */
    public record Shared(Path etcDir, EventLoop loop, PppoeLines lines, ExecutorService dialer, PeerDebug debug,
                         UnitCache<PppInterface.Unit> units, Optional<PeerLogFiles> logFiles) {
        /** Without per-peer log files: a peer's {@code logfile} is not applied. */
        public Shared(Path etcDir, EventLoop loop, PppoeLines lines, ExecutorService dialer, PeerDebug debug,
                UnitCache<PppInterface.Unit> units) {
            this(etcDir, loop, lines, dialer, debug, units, Optional.empty());
        }

        /** Without a unit cache: a stopped peer's interface is deleted. */
        public Shared(Path etcDir, EventLoop loop, PppoeLines lines, ExecutorService dialer, PeerDebug debug) {
            this(etcDir, loop, lines, dialer, debug, UnitCache.none());
        }
    }

    private final String name;
    private final Map<String, String> mdc;
    private final PppdSettings settings;
    private final Shared shared;
    private final ActorRef<Ended> ended;
    private final SupervisorSettings supervision;
    private final SessionSettings sessionSettings;
    private final Connection.Opener opener;
    /**
     * The peer's interface, kept across its redials (pppd keeps its unit); taken from the daemon's
     * unit cache if one there fits, and given back to it when the peer's run is over.
     */
    private final PppInterface iface;
    /** The peer's hold on its {@code logfile}, let go when its run is over. */
    private final Optional<PeerLogFiles.Registration> logFile;
    private Interruptible<Optional<Attempt>> opening;
    private Optional<ActorRef<RunGuardian.Command>> guardian = Optional.empty();
    private Optional<Attempts> attempts = Optional.empty();
    private boolean stopRequested;
    private Optional<String> ifname = Optional.empty();
    private Optional<PeerStatus.Exit> stopped = Optional.empty();

    /**
     * @param index tells this peer's PPPoE discovery from the others' (Host-Uniq)
     * @throws LinkSetupException when the options name no usable authentication secrets and such
     */
    public static Behavior<Command> create(String name, int index, PppdSettings settings, Shared shared,
            ActorRef<Ended> ended) throws LinkSetupException {
        Map<String, String> mdc = Map.of(Mdc.PEER, name);
        // Opened first, as pppd opens its log file while it reads the options: later lines go there.
        Optional<PeerLogFiles.Registration> logFile = shared.logFiles()
                .flatMap(f -> f.open(name, settings.logging()));
        SessionSettings session;
        try {
            session = withMdc(mdc, () -> SessionConfig.from(settings, shared.etcDir()));
        } catch (LinkSetupException | RuntimeException e) {
            logFile.ifPresent(PeerLogFiles.Registration::close);
            throw e;
        }
        return Mdc.with(mdc, Behaviors.setup(ctx -> new PeerRun(ctx, name, index, settings, session, shared, ended,
                logFile)));
    }

    private PeerRun(ActorContext<Command> ctx, String name, int index, PppdSettings settings,
            SessionSettings sessionSettings, Shared shared, ActorRef<Ended> ended,
            Optional<PeerLogFiles.Registration> logFile) {
        super(ctx);
        this.name = name;
        this.logFile = logFile;
        this.mdc = Map.of(Mdc.PEER, name);
        this.settings = settings;
        this.shared = shared;
        this.ended = ended;
        this.sessionSettings = sessionSettings;
        this.supervision = SupervisorSettings.from(settings.link());
        this.opener = opener(settings, shared.lines(), hostUniq(index));
        this.iface = new PppInterface(shared.loop(), settings, IpSwitch.DEFAULT_QUEUE_LIMIT, shared.units());
        opening = Interruptible.submit(shared.dialer(), mdc,
                () -> Attempt.openFirst(settings, shared.etcDir(), shared.loop(), opener, iface));
        ctx.pipeToSelf(opening.result(), (attempt, failure) -> attempt != null ? new Opened(attempt)
                : openFailed(failure));
    }

    private static Command openFailed(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof LinkSetupException e) {
            return new OpenFailed(e.exitStatus(), e.getMessage());
        }
        if (cause instanceof java.util.concurrent.CancellationException) {
            // Stopped before the dial started: nothing was opened, nothing to say.
            return new OpenFailed(ExitStatus.EXIT_USER_REQUEST, "");
        }
        return new OpenFailed(ExitStatus.EXIT_FATAL_ERROR, "Fatal error: " + cause);
    }

    /** A tty and its connect script, or a PPPoE session on the daemon's shared line for the nic. */
    private static Connection.Opener opener(PppdSettings settings, PppoeLines lines, ByteString hostUniq) {
        if (!settings.pppoe().enabled()) {
            return TtyConnection::open;
        }
        return (loop, s) -> {
            String nic = s.pppoe().nic().orElseThrow(() -> new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR,
                    "PPPoE: no Ethernet interface given (nic-IF or the interface name)"));
            return PppoeConnection.dial(lines.get(nic), s, hostUniq);
        };
    }

    /** pppd's Host-Uniq is its pid; the daemon's pid is shared by all peers, so the index follows it. */
    static ByteString hostUniq(int index) {
        return ByteString.fromArrayUnsafe(ByteBuffer.allocate(8).putInt((int) ProcessHandle.current().pid())
                .putInt(index).array());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Opened.class, this::onOpened)
                .onMessage(OpenFailed.class, this::onOpenFailed)
                .onMessage(FromSupervisor.class, m -> onReport(m.report()))
                .onMessage(Exited.class, this::onExited)
                .onMessage(Closed.class, m -> end(m.exitStatus(), m.reason()))
                .onMessage(Stop.class, m -> onStop())
                .onMessage(Redial.class, m -> onRedial())
                .onMessage(Status.class, this::onStatus)
                .onMessage(Snapshot.class, this::onSnapshot)
                // A crash of the peer's actors lets go of its log file too (end() does otherwise).
                .onSignal(PostStop.class, s -> {
                    logFile.ifPresent(PeerLogFiles.Registration::close);
                    return this;
                })
                .build();
    }

    private Behavior<Command> onOpened(Opened m) {
        opening = null;
        if (stopRequested) {
            closeThenEnd(CompletableFuture.runAsync(() -> {
                m.first().ifPresent(Attempt::close);
                iface.close();
            }, shared.dialer()), ExitStatus.EXIT_USER_REQUEST, "User request");
            return this;
        }
        return run(m.first().orElse(null));
    }

    private Behavior<Command> onOpenFailed(OpenFailed m) {
        opening = null;
        if (!m.message().isEmpty()) {
            PppdLog.LOG.error(m.message());
        }
        if (supervision.redials() && !stopRequested) {
            // persist: the supervisor dials again after its holdoff, as for a later attempt.
            return run(null);
        }
        int status = stopRequested ? ExitStatus.EXIT_USER_REQUEST : m.exitStatus();
        String reason = stopRequested ? "User request" : m.message().isEmpty() ? "connect failed" : m.message();
        closeThenEnd(CompletableFuture.runAsync(iface::close, shared.dialer()), status, reason);
        return this;
    }

    private Behavior<Command> run(Attempt first) {
        Attempts all = new Attempts(settings, shared.etcDir(), shared.loop(), sessionSettings, opener, iface, first, mdc);
        attempts = Optional.of(all);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        guardian = Optional.of(getContext().spawn(Mdc.with(mdc, RunGuardian.create(supervision, all, exit,
                getContext().messageAdapter(PeerSupervisor.Report.class, FromSupervisor::new), mdc)), "run"));
        getContext().pipeToSelf(exit, (status, failure) -> new Exited(status != null ? status
                : ExitStatus.EXIT_FATAL_ERROR));
        return this;
    }

    /** Whatever the guardian left open (after a failed interface configuration, say) is closed first. */
    private Behavior<Command> onExited(Exited m) {
        closeThenEnd(attempts.get().closeAll(), m.exitStatus(), stopped.map(PeerStatus.Exit::reason).orElse(""));
        return this;
    }

    private void closeThenEnd(CompletableFuture<Void> closing, int exitStatus, String reason) {
        getContext().pipeToSelf(closing, (ok, failure) -> new Closed(exitStatus, reason));
    }

    private Behavior<Command> onReport(PeerSupervisor.Report report) {
        if (report instanceof PeerSupervisor.SessionEvent e) {
            PeerSession.Event event = e.event();
            if (event instanceof PeerSession.Up up && up.details().ncp().equals(PppProtocol.IPCP)) {
                attempts.ifPresent(a -> ifname = Optional.of(a.ifname(e.attempt())));
            } else if (event instanceof PeerSession.Finished) {
                ifname = Optional.empty();
            }
        } else if (report instanceof PeerSupervisor.Stopped s) {
            stopped = Optional.of(new PeerStatus.Exit(s.exitStatus(), s.reason()));
        }
        return this;
    }

    private Behavior<Command> onStop() {
        stopRequested = true;
        if (opening != null) {
            // pppd: a terminating signal interrupts the connect step (exit 5).
            opening.cancel();
        }
        guardian.ifPresent(g -> g.tell(new RunGuardian.Forward(new PeerSupervisor.Stop())));
        return this;
    }

    private Behavior<Command> onRedial() {
        guardian.ifPresent(g -> g.tell(new RunGuardian.Forward(new PeerSupervisor.Redial())));
        return this;
    }

    private Behavior<Command> onStatus(Status m) {
        if (guardian.isEmpty()) {
            m.replyTo().tell(new PeerStatus(name, "DIALING", "DEAD", Optional.empty(), Optional.empty(),
                    Optional.empty(), java.util.List.of(), Optional.empty(), PeerStatus.Counters.NONE, 1, 0, 0,
                    Optional.empty(), Optional.empty(), shared.debug().isOn(name)));
            return this;
        }
        getContext().ask(PeerSupervisor.Snapshot.class, guardian.get(), ASK,
                ref -> new RunGuardian.Forward(new PeerSupervisor.Status(ref)),
                (snapshot, failure) -> new Snapshot(snapshot, m.replyTo()));
        return this;
    }

    private Behavior<Command> onSnapshot(Snapshot m) {
        PeerSupervisor.Snapshot s = m.snapshot();
        if (s == null) {
            // The supervisor did not answer in time (a session still dialling holds no thread of its).
            m.replyTo().tell(PeerStatus.stopped(name, stopped, shared.debug().isOn(name)).withState("DIALING"));
            return this;
        }
        Optional<UpDetails> ipcp = s.up().stream().filter(u -> u.ncp().equals(PppProtocol.IPCP)).findFirst();
        // A demand interface exists (with its made-up addresses) while the peer waits for traffic.
        Optional<String> iface = !s.up().isEmpty() ? ifname : supervision.demand() ? this.iface.created()
                : Optional.empty();
        m.replyTo().tell(new PeerStatus(name, s.state().name(), s.phase().name(), iface,
                ipcp.flatMap(UpDetails::local).map(a -> a.getHostAddress()),
                ipcp.flatMap(UpDetails::remote).map(a -> a.getHostAddress()),
                ipcp.map(u -> u.dns().stream().map(a -> a.getHostAddress()).toList()).orElse(java.util.List.of()),
                s.upSince().map(t -> Duration.between(t, Clock.systemUTC().instant()).toSeconds()),
                iface.map(n -> counters()).orElse(PeerStatus.Counters.NONE), s.attempt(), s.reconnects(),
                s.consecutiveFailures(), s.holdoff().map(Duration::toSeconds),
                s.lastExit().map(e -> new PeerStatus.Exit(e.status(), e.reason())), shared.debug().isOn(name)));
        return this;
    }

    /** The interface's counters since this peer took it (a reused unit's kernel counters are older). */
    private PeerStatus.Counters counters() {
        LinkCounters c = iface.counters();
        return new PeerStatus.Counters(c.rxBytes(), c.txBytes(), c.rxPackets(), c.txPackets());
    }

    private Behavior<Command> end(int exitStatus, String reason) {
        // Before the manager hears of it: a peer started again at once opens the file anew.
        logFile.ifPresent(PeerLogFiles.Registration::close);
        ended.tell(new Ended(name, exitStatus, reason));
        return Behaviors.stopped();
    }

    private interface Setup<T> {
        T get() throws LinkSetupException;
    }

    private static <T> T withMdc(Map<String, String> mdc, Setup<T> setup) throws LinkSetupException {
        Map<String, String> before = MDC.getCopyOfContextMap();
        MDC.setContextMap(mdc);
        try {
            return setup.get();
        } finally {
            MDC.setContextMap(before == null ? Map.of() : before);
        }
    }
}
