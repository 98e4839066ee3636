package org.jppp.actors.auth;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.jppp.actors.PppdLog;
import org.jppp.actors.link.LinkIo;
import org.jppp.protocol.authn.AuthAction;
import org.jppp.protocol.authn.AuthContext;
import org.jppp.protocol.authn.AuthPhase;
import org.jppp.protocol.authn.AuthResult;
import org.jppp.protocol.authn.AuthSuccess;
import org.jppp.protocol.authn.NegotiatedAuth;
import org.jppp.protocol.authn.Role;
import org.jppp.protocol.config.SecretsEntry;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.PppProtocol;

/**
 * The Authentication phase of one link (RFC 1661 §3.5): the pure {@link AuthPhase} with a machine
 * per direction LCP negotiated, and this actor doing what it asks — packets to {@link LinkIo},
 * one timer per direction (each direction is its own automaton, keyed by its {@link Role}),
 * pppd's log lines, and the verdict to the session. It keeps running after success so that
 * CHAP rechallenges are answered and checked; a later failure still ends the link.
 */
public final class Auth extends AbstractBehavior<Auth.Command> {

    public sealed interface Command { }

    /** The peer Protocol-Rejected {@code protocol} (RFC 1661 §5.7). */
    public record ProtocolRejected(PppProtocol protocol) implements Command { }

    /**
     * From the session, once it registered this actor with the link: the machines start
     * (challenge, request). An actor superseded before that never sends anything.
     */
    public record Start() implements Command { }

    /**
     * LCP went down: handle what already came (a Failure the peer sent just before its
     * Terminate-Request), then say {@link Drained} and stop.
     */
    public record Drain() implements Command { }

    private record Received(LinkIo.Inbound inbound) implements Command { }

    private record Timeout(Role role) implements Command { }

    /** What the session hears. */
    public sealed interface Report { }

    /**
     * Every negotiated direction succeeded: go on to the Network phase. {@code peerEntry} is the
     * secrets entry that vouched for the peer when we authenticated it (its address list binds IPCP).
     * {@code from} tells a success of the current authentication from one a drained actor of an
     * earlier LCP negotiation reports late (see {@link Drain}), which opens nothing.
     */
    public record Succeeded(ActorRef<Command> from, Optional<String> peerName, Optional<SecretsEntry> peerEntry)
            implements Report { }

    /** A direction failed: close LCP with {@code terminateReason}; pppd exits with {@code exitStatus} (19 or 11). */
    public record Failed(int exitStatus, String terminateReason, String reason) implements Report { }

    /** Answer to {@link Drain}: every report of this actor came before this one; it stops now. */
    public record Drained() implements Report { }

    /**
     * This actor receives {@code protocols} at {@code inbound}: the session registers it with the
     * link and tells it to {@link Start} if it is still the session's current authentication
     * ({@code from}). The session, not this actor, tells the link, so that the registration is
     * ordered with the session's own messages to it: an actor that starts late, after LCP went
     * down again and a newer one was spawned, never takes the newer one's packets.
     */
    public record Registering(ActorRef<Command> from, Set<PppProtocol> protocols, ActorRef<LinkIo.Inbound> inbound)
            implements Report { }

    private final AuthPhase phase;
    private final ActorRef<LinkIo.Command> link;
    private final ActorRef<Report> parent;
    private final TimerScheduler<Command> timers;
    private final ActorRef<LinkIo.Inbound> inbound;
    private final Set<PppProtocol> protocols = new LinkedHashSet<>();

    public static Behavior<Command> create(NegotiatedAuth negotiated, AuthContext context,
                                           ActorRef<LinkIo.Command> link, ActorRef<Report> parent) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new Auth(ctx, timers, AuthPhase.create(negotiated, context), link, parent)));
    }

    private Auth(ActorContext<Command> ctx, TimerScheduler<Command> timers, AuthPhase phase,
                 ActorRef<LinkIo.Command> link, ActorRef<Report> parent) {
        super(ctx);
        this.phase = phase;
        this.link = link;
        this.parent = parent;
        this.timers = timers;
        this.inbound = ctx.messageAdapter(LinkIo.Inbound.class, Received::new);
        for (Role role : Role.values()) {
            phase.negotiated().method(role).ifPresent(m -> protocols.add(m.protocol()));
        }
        parent.tell(new Registering(ctx.getSelf(), Set.copyOf(protocols), inbound));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Received.class, m -> perform(phase.receive(m.inbound().protocol(), m.inbound().packet().toBytes())))
                .onMessage(Timeout.class, m -> perform(phase.timeout(m.role())))
                .onMessage(ProtocolRejected.class, m -> perform(phase.protocolRejected(m.protocol())))
                .onMessage(Start.class, m -> perform(phase.start()))
                .onMessage(Drain.class, m -> {
                    parent.tell(new Drained());
                    return Behaviors.stopped();
                })
                .onSignal(PostStop.class, s -> onPostStop())
                .build();
    }

    private Behavior<Command> perform(AuthResult result) {
        result.log().forEach(PppdLog::write);
        for (AuthAction action : result.actions()) {
            if (action instanceof AuthAction.Send s) {
                link.tell(new LinkIo.Transmit(s.protocol(), controlPacket(s.bytes())));
            } else if (action instanceof AuthAction.StartTimer t) {
                timers.startSingleTimer(t.role(), new Timeout(t.role()), t.after());
            } else if (action instanceof AuthAction.StopTimer t) {
                timers.cancel(t.role());
            } else if (action instanceof AuthAction.PhaseSucceeded s) {
                parent.tell(new Succeeded(getContext().getSelf(), s.ofPeer().map(AuthSuccess::name),
                        s.ofPeer().flatMap(AuthSuccess::entry)));
            } else if (action instanceof AuthAction.PhaseFailed f) {
                parent.tell(new Failed(f.exitStatus(), f.failure().terminateReason(), f.failure().reason()));
            }
        }
        return this;
    }

    /** PAP, CHAP and EAP share the Code/Identifier/Length header of RFC 1661 §5, which LinkIo sends. */
    private static ControlPacket controlPacket(byte[] bytes) {
        byte[] data = new byte[bytes.length - ControlPacket.HEADER_LENGTH];
        System.arraycopy(bytes, ControlPacket.HEADER_LENGTH, data, 0, data.length);
        return new ControlPacket(new ControlCode(bytes[0] & 0xFF), bytes[1] & 0xFF, data);
    }

    private Behavior<Command> onPostStop() {
        perform(phase.lowerDown());
        protocols.forEach(p -> link.tell(new LinkIo.Unregister(p, inbound)));
        return this;
    }
}
