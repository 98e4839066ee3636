package org.jppp.actors.pppoe;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.jppp.actors.PppdLog;
import org.jppp.io.packet.DiscoveryFrame;
import org.jppp.io.packet.EthernetEndpoint;
import org.jppp.io.packet.SessionChannel;
import org.jppp.io.packet.UnknownSession;
import org.jppp.protocol.pppoe.discovery.DiscoveryAction;
import org.jppp.protocol.pppoe.discovery.DiscoveryResult;
import org.jppp.protocol.pppoe.discovery.DiscoveryServer;
import org.jppp.protocol.pppoe.discovery.ServerConfig;
import org.jppp.protocol.pppoe.discovery.ServerSession;
import org.jppp.protocol.pppoe.discovery.SessionSlots;

/**
 * The access concentrator's discovery on one Ethernet interface (RFC 2516 §5), as rp-pppoe's
 * pppoe-server: drives a {@link DiscoveryServer} with the endpoint's discovery packets, registers
 * each session it grants and hands the channel to the parent ({@link Opened}), which runs PPP on
 * it. A host's PADT closes that channel (the session's PPP sees its link end); {@link End} ends a
 * session from our side with a PADT, or just frees its id when the host already ended it.
 */
public final class AccessConcentrator extends AbstractBehavior<AccessConcentrator.Command> {
    public sealed interface Command { }

    /** The session's PPP ended: PADT with {@code reason} if it is still bound, and the id is free. */
    public record End(int sessionId, String reason) implements Command { }

    private record Received(DiscoveryFrame frame) implements Command { }

    private record Unknown(UnknownSession frame) implements Command { }

    /** What the parent hears. */
    public sealed interface Event { }

    /** A PADS went out: run PPP over {@code channel}. */
    public record Opened(String ifname, ServerSession session, SessionChannel channel) implements Event { }

    private final EthernetEndpoint endpoint;
    private final DiscoveryServer discovery;
    private final ActorRef<Event> parent;
    private final Map<Integer, SessionChannel> channels = new HashMap<>();
    private final SessionSlots slots;

    /** An AC alone: {@code config}'s {@code -N} bounds its sessions. */
    public static Behavior<Command> create(EthernetEndpoint endpoint, ServerConfig config, ActorRef<Event> parent) {
        return create(endpoint, config, new SessionSlots(config.maxSessions()), parent);
    }

    /** One AC of several (pppoe-server's {@code -I}, repeated): {@code slots} is their common {@code -N}. */
    public static Behavior<Command> create(EthernetEndpoint endpoint, ServerConfig config, SessionSlots slots,
            ActorRef<Event> parent) {
        return Behaviors.setup(ctx -> new AccessConcentrator(ctx, endpoint, config, slots, parent));
    }

    private AccessConcentrator(ActorContext<Command> ctx, EthernetEndpoint endpoint, ServerConfig config,
            SessionSlots slots, ActorRef<Event> parent) {
        super(ctx);
        this.endpoint = endpoint;
        this.parent = parent;
        this.slots = slots;
        this.discovery = new DiscoveryServer(config, new SplittableRandom(), slots);
        ActorRef<Command> self = ctx.getSelf();
        Materializer materializer = Materializer.matFromSystem(ctx.getSystem());
        endpoint.discovery().runWith(Sink.foreach(f -> self.tell(new Received(f))), materializer);
        endpoint.unknownSessions().runWith(Sink.foreach(u -> self.tell(new Unknown(u))), materializer);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Received.class, m -> perform(discovery.receive(Instant.now(), m.frame().ethernet(),
                        m.frame().packet())))
                .onMessage(Unknown.class, m -> perform(discovery.unknownSession(Instant.now(), m.frame().peer(),
                        m.frame().sessionId())))
                .onMessage(End.class, this::onEnd)
                .onSignal(PostStop.class, s -> onStop())
                .build();
    }

    private Behavior<Command> onEnd(End m) {
        Optional.ofNullable(channels.remove(m.sessionId())).ifPresent(SessionChannel::close);
        perform(discovery.terminate(m.sessionId(), m.reason()));
        logIfIdle();
        return this;
    }

    /** Once the last session of the whole server is gone (a line the tests and operators look for). */
    private void logIfIdle() {
        if (slots.used() == 0) {
            PppdLog.LOG.info("pppoe-server: no sessions in use");
        }
    }

    /**
     * Carries out the discovery machine's actions in order, except that a granted session is
     * registered on the endpoint before anything is sent: the host may answer the PADS with its
     * first LCP packet at once, and a frame for an id not registered yet would be dropped and
     * even answered with a PADT ({@link DiscoveryServer#unknownSession}).
     */
    private Behavior<Command> perform(DiscoveryResult result) {
        result.log().forEach(PppdLog::write);
        Map<Integer, SessionChannel> registered = new HashMap<>();
        for (DiscoveryAction action : result.actions()) {
            if (action instanceof DiscoveryAction.SessionOpened opened) {
                register(opened.session()).ifPresent(c -> registered.put(opened.session().sessionId(), c));
            }
        }
        for (DiscoveryAction action : result.actions()) {
            if (action instanceof DiscoveryAction.Send send) {
                endpoint.sendDiscovery(send.header(), send.packet());
            } else if (action instanceof DiscoveryAction.SessionOpened opened) {
                opened(opened.session(), Optional.ofNullable(registered.get(opened.session().sessionId())));
            } else if (action instanceof DiscoveryAction.SessionTerminated terminated) {
                // The host's PADT: the session's PPP sees its link end and reports back with End.
                Optional.ofNullable(channels.remove(terminated.sessionId())).ifPresent(SessionChannel::close);
                logIfIdle();
            }
        }
        return this;
    }

    private Optional<SessionChannel> register(ServerSession session) {
        try {
            return Optional.of(endpoint.register(session.client(), session.sessionId()));
        } catch (IllegalStateException e) {
            PppdLog.LOG.error("{}: {}", endpoint.ifname(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The PADS went out: PPP starts on the channel, or the session ends if it could not be registered. */
    private void opened(ServerSession session, Optional<SessionChannel> channel) {
        if (channel.isPresent()) {
            channels.put(session.sessionId(), channel.get());
            parent.tell(new Opened(endpoint.ifname(), session, channel.get()));
        } else {
            perform(discovery.terminate(session.sessionId(), "RP-PPPoE: System call error"));
        }
    }

    private Behavior<Command> onStop() {
        channels.values().forEach(SessionChannel::close);
        return this;
    }
}
