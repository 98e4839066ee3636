package org.jppp.supervisor.run;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.jppp.actors.Phase;
import org.jppp.actors.PppdLog;
import org.jppp.actors.link.LowerLink;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.SessionSettings;
import org.jppp.actors.session.UpDetails;
import org.jppp.protocol.wire.PppProtocol;

/**
 * The guardian of a run's actor system: spawns the one {@link PeerSession}, configures the
 * interface when IPCP comes up (before anything else, so the peer's first datagrams find it up),
 * hands the rest to {@link NetworkHooks}, turns a signal into the session's Close, and completes
 * {@code exit} with the session's pppd exit status.
 */
public final class RunGuardian extends AbstractBehavior<RunGuardian.Command> {
    public sealed interface Command {}

    /** A terminating signal arrived (pppd's got_sigterm / got_sighup); {@link Signals} logged it. */
    record Terminate(Signals.Received signal) implements Command {}

    /** Ends the link from our side (an access concentrator shutting down): LCP Terminate-Request. */
    public record Hangup(String reason) implements Command {}

    private record FromSession(PeerSession.Event event) implements Command {}

    private final PppInterface iface;
    private final NetworkHooks hooks;
    private final CompletableFuture<Integer> exit;
    private final ActorRef<PeerSession.Command> session;
    private final Optional<String> callingNumber;

    static Behavior<Command> create(SessionSettings settings, LowerLink lower, PppInterface iface,
            NetworkHooks hooks, CompletableFuture<Integer> exit) {
        return create(settings, lower, iface, hooks, exit, Optional.empty());
    }

    /**
     * A session whose peer has a calling number (pppd's {@code remotenumber}, which pppoe-server
     * sets to the host's MAC address), logged when the peer is authorized.
     */
    public static Behavior<Command> create(SessionSettings settings, LowerLink lower, PppInterface iface,
            NetworkHooks hooks, CompletableFuture<Integer> exit, Optional<String> callingNumber) {
        return Behaviors.setup(ctx -> new RunGuardian(ctx, settings, lower, iface, hooks, exit, callingNumber));
    }

    private RunGuardian(ActorContext<Command> ctx, SessionSettings settings, LowerLink lower, PppInterface iface,
            NetworkHooks hooks, CompletableFuture<Integer> exit, Optional<String> callingNumber) {
        super(ctx);
        this.callingNumber = callingNumber;
        this.iface = iface;
        this.hooks = hooks;
        this.exit = exit;
        this.session = ctx.spawn(PeerSession.create(settings, lower, iface.tun().flow(),
                ctx.messageAdapter(PeerSession.Event.class, FromSession::new)), "session");
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromSession.class, m -> onSession(m.event()))
                .onMessage(Terminate.class, this::onTerminate)
                .onMessage(Hangup.class, m -> close(m.reason()))
                .build();
    }

    private Behavior<Command> onTerminate(Terminate m) {
        return close("User request");
    }

    private Behavior<Command> close(String reason) {
        session.tell(new PeerSession.Close(reason));
        return this;
    }

    private Behavior<Command> onSession(PeerSession.Event event) {
        if (event instanceof PeerSession.PhaseChanged changed && changed.phase() == Phase.NETWORK) {
            // pppd's network_phase: the calling number of an authorized peer.
            callingNumber.ifPresent(n -> PppdLog.LOG.info("peer from calling number {} authorized", n));
        } else if (event instanceof PeerSession.Up up) {
            onUp(up.details());
        } else if (event instanceof PeerSession.Down down && down.ncp().equals(PppProtocol.IPCP)) {
            iface.down();
            hooks.ipcpDown();
        } else if (event instanceof PeerSession.Finished finished) {
            exit.complete(finished.exitStatus());
            return Behaviors.stopped();
        }
        return this;
    }

    /** An interface that cannot be configured ends the link, as pppd's failing sifaddr does. */
    private void onUp(UpDetails up) {
        try {
            if (up.ncp().equals(PppProtocol.IPCP) && up.local().isPresent() && up.remote().isPresent()) {
                iface.configure(up.local().get(), up.remote().get(), up.mtu());
                hooks.ipcpUp(up);
            } else if (up.ncp().equals(PppProtocol.IPV6CP) && up.localInterfaceId().isPresent()) {
                iface.tun().setUp(true);
                iface.tun().addIpv6LinkLocal(up.localInterfaceId().getAsLong());
            }
        } catch (RuntimeException e) {
            PppdLog.LOG.error("Couldn't configure {}: {}", iface.name(), e.getMessage());
            session.tell(new PeerSession.Close("Interface configuration failed"));
        }
    }
}
