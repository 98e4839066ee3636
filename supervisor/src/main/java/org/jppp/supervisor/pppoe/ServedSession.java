package org.jppp.supervisor.pppoe;

import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.jppp.actors.Phase;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.SessionSettings;
import org.jppp.supervisor.run.Attempt;

/**
 * One session over an {@link Attempt}, as a pppd pppoe-server starts for each session (also the
 * sessions of a process that dials many): runs a {@link PeerSession} over the attempt's channel, configures the attempt's interface as
 * network protocols come up and go down, and stops when the session finished. pppoe-server gives
 * its pppd the host's MAC address as remote number, so the authorized peer is logged with it.
 * Closing the attempt is the owner's business.
 */
public final class ServedSession extends AbstractBehavior<ServedSession.Command> {
    public sealed interface Command { }

    /** Ends the link from our side: LCP Terminate-Request with {@code reason}. */
    public record Hangup(String reason) implements Command { }

    private record FromSession(PeerSession.Event event) implements Command { }

    private final Attempt attempt;
    private final Optional<String> callingNumber;
    private final ActorRef<PeerSession.Command> session;

    /**
     * @param callingNumber the peer's calling number (pppd's {@code remotenumber}), logged when the
     *                      peer is authorized
     */
    public static Behavior<Command> create(Attempt attempt, SessionSettings settings, Optional<String> callingNumber) {
        return Behaviors.setup(ctx -> new ServedSession(ctx, attempt, settings, callingNumber));
    }

    private ServedSession(ActorContext<Command> ctx, Attempt attempt, SessionSettings settings,
            Optional<String> callingNumber) {
        super(ctx);
        this.attempt = attempt;
        this.callingNumber = callingNumber;
        this.session = ctx.spawn(attempt.session(settings,
                ctx.messageAdapter(PeerSession.Event.class, FromSession::new)), "ppp");
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromSession.class, m -> onSession(m.event()))
                .onMessage(Hangup.class, m -> close(m.reason()))
                .build();
    }

    private Behavior<Command> close(String reason) {
        session.tell(new PeerSession.Close(reason));
        return this;
    }

    private Behavior<Command> onSession(PeerSession.Event event) {
        if (event instanceof PeerSession.PhaseChanged changed && changed.phase() == Phase.NETWORK) {
            // pppd's network_phase: the calling number of the authorized peer.
            callingNumber.ifPresent(n -> PppdLog.LOG.info("peer from calling number {} authorized", n));
        } else if (event instanceof PeerSession.Up up) {
            try {
                attempt.up(up.details());
                up.configured();
            } catch (RuntimeException e) {
                PppdLog.LOG.error("Couldn't configure {}: {}", attempt.ifname(), e.getMessage());
                up.failed(e.getMessage());
                return close("Interface configuration failed");
            }
        } else if (event instanceof PeerSession.Down down) {
            attempt.down(down.ncp());
        } else if (event instanceof PeerSession.Finished) {
            return Behaviors.stopped();
        }
        return this;
    }
}
