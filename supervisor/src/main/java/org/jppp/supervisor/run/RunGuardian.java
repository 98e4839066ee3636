package org.jppp.supervisor.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.Materializer;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Mdc;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.supervisor.peer.PeerSupervisor;
import org.jppp.supervisor.peer.SessionFactory;
import org.jppp.supervisor.peer.SupervisorSettings;
import org.slf4j.MDC;
import org.jppp.supervisor.peer.TrafficTrigger;

/**
 * The guardian of a run's actor system: runs the {@link PeerSupervisor} (persist, holdoff, maxfail,
 * maxconnect, idle, demand) over the run's {@link Attempts}, which also give it the idle time and
 * the demand trigger from the peer's interface; configures the interface when IPCP comes up, closes an attempt when its session finished, turns signals into the supervisor's Stop or
 * Redial, and completes {@code exit} with the supervisor's pppd exit status once everything is
 * closed.
 */
public final class RunGuardian extends AbstractBehavior<RunGuardian.Command> {
    public sealed interface Command {}

    /** A command for the supervisor (Redial, Stop, Status), from a parent that runs many peers. */
    public record Forward(PeerSupervisor.Command command) implements Command {}

    /** A terminating signal arrived (pppd's got_sigterm / got_sighup); {@link Signals} logged it. */
    record Terminate(Signals.Received signal) implements Command {}

    private record FromSupervisor(PeerSupervisor.Report report) implements Command {}

    private final Attempts attempts;
    /** The attempt that last sent systemd READY=1 ({@code up_sdnotify}): once per link. */
    private int notifiedAttempt = -1;
    private final boolean redials;
    private final CompletableFuture<Integer> exit;
    private final ActorRef<PeerSupervisor.Command> supervisor;
    private final Optional<ActorRef<PeerSupervisor.Report>> observer;

    static Behavior<Command> create(SupervisorSettings supervision, Attempts attempts, CompletableFuture<Integer> exit) {
        return Behaviors.setup(ctx -> new RunGuardian(ctx, supervision, attempts, exit, Optional.empty(), Map.of()));
    }

    /**
     * One peer among many ({@code jpppd}): {@code observer} also hears every report of the
     * supervisor (for the status), and each session logs with {@code mdc} (the peer's name).
     */
    public static Behavior<Command> create(SupervisorSettings supervision, Attempts attempts,
            CompletableFuture<Integer> exit, ActorRef<PeerSupervisor.Report> observer, Map<String, String> mdc) {
        return Behaviors.setup(ctx -> new RunGuardian(ctx, supervision, attempts, exit, Optional.of(observer), mdc));
    }

    private RunGuardian(ActorContext<Command> ctx, SupervisorSettings supervision, Attempts attempts,
            CompletableFuture<Integer> exit, Optional<ActorRef<PeerSupervisor.Report>> observer,
            Map<String, String> mdc) {
        super(ctx);
        this.attempts = attempts;
        this.redials = supervision.redials();
        this.exit = exit;
        this.observer = observer;
        SessionFactory sessions = mdc.isEmpty() ? attempts : (attempt, parent) -> {
            // The session is set up on a thread of its own: the dial it may do logs for the peer too.
            MDC.setContextMap(mdc);
            try {
                return Mdc.with(mdc, attempts.create(attempt, parent));
            } finally {
                MDC.clear();
            }
        };
        attempts.start(Materializer.matFromSystem(ctx.getSystem()));
        PeerSupervisor.Wiring wiring = PeerSupervisor.Wiring.of(sessions, attempts,
                supervision.demand() ? attempts : TrafficTrigger.NONE);
        this.supervisor = ctx.spawn(Mdc.with(mdc, PeerSupervisor.create(supervision, wiring,
                ctx.messageAdapter(PeerSupervisor.Report.class, FromSupervisor::new))), "peer");
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromSupervisor.class, m -> onReport(m.report()))
                .onMessage(Terminate.class, this::onTerminate)
                .onMessage(Forward.class, m -> {
                    supervisor.tell(m.command());
                    return this;
                })
                .build();
    }

    /** pppd: SIGHUP hangs up and, with persist, dials again; SIGTERM and SIGINT end the run. */
    private Behavior<Command> onTerminate(Terminate m) {
        supervisor.tell(m.signal().isHangup() && redials ? new PeerSupervisor.Redial() : new PeerSupervisor.Stop());
        return this;
    }

    private Behavior<Command> onReport(PeerSupervisor.Report report) {
        observer.ifPresent(o -> o.tell(report));
        if (report instanceof PeerSupervisor.SessionEvent e) {
            onSession(e.attempt(), e.event());
        } else if (report instanceof PeerSupervisor.Stopped stopped) {
            attempts.closeAll().whenComplete((ok, failure) -> exit.complete(stopped.exitStatus()));
        }
        return this;
    }

    private void onSession(int attempt, PeerSession.Event event) {
        if (event instanceof PeerSession.Up up) {
            try {
                attempts.up(attempt, up.details());
                // pppd's ipcp_up logs the addresses once the interface is configured: the session waits.
                up.configured();
            } catch (RuntimeException e) {
                // An interface that cannot be configured ends the run, as pppd's failing sifaddr does.
                PppdLog.LOG.error("Couldn't configure {}: {}", attempts.ifname(attempt), e.getMessage());
                up.failed(e.getMessage());
                supervisor.tell(new PeerSupervisor.Stop());
                exit.complete(ExitStatus.EXIT_FATAL_ERROR);
            }
        } else if (event instanceof PeerSession.Passing passing) {
            // pppd's np_up, after ipcp_up logged the addresses: updetach leaves the terminal here.
            LogSetup.networkUp(attempts.logging());
            if (attempts.upSdnotify() && notifiedAttempt != attempt) {
                notifiedAttempt = attempt;
                SystemdReady.linkUp(attempts.ifname(attempt), passing.details());
            }
        } else if (event instanceof PeerSession.Down down) {
            attempts.down(attempt, down.ncp());
        } else if (event instanceof PeerSession.PeerAuthenticated auth) {
            attempts.peerAuthenticated(attempt, auth.peerName());
        } else if (event instanceof PeerSession.LinkDown) {
            attempts.linkDown(attempt);
        } else if (event instanceof PeerSession.Finished) {
            attempts.finished(attempt);
        }
    }
}
