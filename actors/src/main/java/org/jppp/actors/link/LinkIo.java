package org.jppp.actors.link;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.Phase;
import org.jppp.actors.PppdLog;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.trace.PppTrace;

/**
 * Owns the stream graph of one link ({@link LinkGraph}) and is the only way control packets
 * enter or leave it. Received control frames are pulled one at a time from a bounded queue,
 * traced as pppd does ({@code rcvd [LCP ConfReq id=0x1 ...]}) and handed to the protocol's
 * registered receiver if the phase admits it (RFC 1661 §3.2-3.5, pppd's {@code get_input}):
 * LCP always; authentication protocols once LCP is Opened; everything else only in the Network
 * phase, where a protocol nobody registered is answered with a Protocol-Reject (§5.7). Packets
 * not admitted are silently discarded and counted. IP datagrams never come here.
 *
 * <p>pppd changes phase in the same step as the packet that opens LCP; here the phase and the
 * receivers arrive as messages a moment later, and the peer's first NCP or authentication
 * packet can overtake them. Packets of the protocols this session runs ({@code expected}) that
 * arrive in that moment are held, a few at most, and delivered once their phase and receiver
 * are there; the hold is dropped, and counted as discarded, when the phase falls back.
 */
public final class LinkIo extends AbstractBehavior<LinkIo.Command> {

    public sealed interface Command { }

    /** Deliver {@code protocol}'s packets to {@code receiver} from now on. */
    public record Register(PppProtocol protocol, ActorRef<Inbound> receiver) implements Command { }

    /** Stop delivering {@code protocol}'s packets, if {@code receiver} is still the one registered. */
    public record Unregister(PppProtocol protocol, ActorRef<Inbound> receiver) implements Command { }

    /** Send a control packet of {@code protocol} on the link. */
    public record Transmit(PppProtocol protocol, ControlPacket packet) implements Command { }

    public record SetPhase(Phase phase) implements Command { }

    /** Let the datagrams of {@code ip} (IPv4 or IPv6) pass, or stop them: their NCP opened or left Opened. */
    public record SetGate(PppProtocol ip, boolean open) implements Command { }

    /** LCP opened or went down: apply these parameters to the framing. */
    public record ApplyParameters(LinkParameters parameters) implements Command { }

    private record FrameReceived(ByteString frame) implements Command { }

    private record StreamEnded(Optional<String> failure) implements Command { }

    /** A control packet for a registered receiver. */
    public record Inbound(PppProtocol protocol, ControlPacket packet) { }

    /** What the owner hears. */
    public sealed interface Event { }

    /** The lower link's stream ended: the modem hung up, the pty closed, or it failed. */
    public record LowerLinkEnded(Optional<String> failure) implements Event { }

    private final LowerLink lower;
    private final LinkCounters counters;
    private final ActorRef<Event> owner;
    private final SharedKillSwitch killSwitch;
    private final LinkGraph.Ends ends;
    private static final int HOLD_LIMIT = 16;

    private final Set<PppProtocol> expected;
    private final Map<PppProtocol, ActorRef<Inbound>> receivers = new HashMap<>();
    private final Deque<Inbound> held = new ArrayDeque<>();
    private Phase phase = Phase.ESTABLISH;
    private int sendMru = LinkParameters.DEFAULT.sendMru();
    private int rejectIdentifier;
    private boolean pulling;

    /**
     * @param expected the control protocols this session runs; others are rejected or discarded
     *                 at once, these may be held until their phase and receiver are there
     */
    public static Behavior<Command> create(LowerLink lower, Flow<ByteString, ByteString, ?> ipSide,
                                           Set<PppProtocol> expected, LinkCounters counters,
                                           ActorRef<Event> owner) {
        return Behaviors.setup(ctx -> new LinkIo(ctx, lower, ipSide, expected, counters, owner));
    }

    private LinkIo(ActorContext<Command> ctx, LowerLink lower, Flow<ByteString, ByteString, ?> ipSide,
                   Set<PppProtocol> expected, LinkCounters counters, ActorRef<Event> owner) {
        super(ctx);
        this.expected = Set.copyOf(expected);
        this.lower = lower;
        this.counters = counters;
        this.owner = owner;
        this.killSwitch = KillSwitches.shared(ctx.getSelf().path().name());
        this.ends = LinkGraph.build(lower, ipSide, counters, killSwitch)
                .run(Materializer.matFromSystem(ctx.getSystem()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FrameReceived.class, this::onFrame)
                .onMessage(Transmit.class, this::onTransmit)
                .onMessage(Register.class, this::onRegister)
                .onMessage(Unregister.class, this::onUnregister)
                .onMessage(SetPhase.class, this::onSetPhase)
                .onMessage(SetGate.class, this::onSetGate)
                .onMessage(ApplyParameters.class, this::onApplyParameters)
                .onMessage(StreamEnded.class, this::onStreamEnded)
                .onSignal(PostStop.class, s -> onPostStop())
                .build();
    }

    /** One frame at a time: the bounded buffer in front of the queue absorbs bursts. */
    private void pullNext() {
        getContext().pipeToSelf(ends.fromLink().pull(), (frame, failure) -> {
            if (failure != null) {
                return new StreamEnded(Optional.of(failure.toString()));
            }
            return frame.<Command>map(FrameReceived::new).orElse(new StreamEnded(Optional.empty()));
        });
    }

    private Behavior<Command> onFrame(FrameReceived m) {
        ByteString frame = m.frame();
        if (frame.size() < 2) {
            counters.increment(LinkCounter.MALFORMED);
        } else {
            PppProtocol protocol = new PppProtocol((frame.apply(0) & 0xFF) << 8 | (frame.apply(1) & 0xFF));
            route(protocol, frame.drop(2));
        }
        pullNext();
        return this;
    }

    private void route(PppProtocol protocol, ByteString information) {
        byte[] info = information.toArray();
        if (PppdLog.LOG.isDebugEnabled()) {
            PppdLog.LOG.debug("rcvd {}", PppTrace.of(protocol, Octets.of(info)));
        }
        Optional<Inbound> packet = parse(protocol, info);
        if (packet.isEmpty()) {
            return;
        }
        if (deliverable(protocol)) {
            receivers.get(protocol).tell(packet.get());
        } else if (expected.contains(protocol)) {
            hold(packet.get());
        } else if (phase == Phase.NETWORK && !isAuthentication(protocol)) {
            protocolReject(protocol, info);
        } else {
            discard(protocol);
        }
    }

    private boolean deliverable(PppProtocol protocol) {
        return admitted(protocol) && receivers.containsKey(protocol);
    }

    private void hold(Inbound packet) {
        if (held.size() == HOLD_LIMIT) {
            discard(held.removeFirst().protocol());
        }
        held.addLast(packet);
    }

    /** Delivers what became deliverable, in arrival order; the rest stays held. */
    private void releaseHeld() {
        int n = held.size();
        for (int i = 0; i < n; i++) {
            Inbound packet = held.removeFirst();
            if (deliverable(packet.protocol())) {
                receivers.get(packet.protocol()).tell(packet);
            } else {
                held.addLast(packet);
            }
        }
    }

    /** RFC 1661 §3.2-3.5 with pppd's reading: before Network, only LCP and authentication pass. */
    private boolean admitted(PppProtocol protocol) {
        if (protocol.equals(PppProtocol.LCP)) {
            return true;
        }
        return switch (phase) {
            case AUTHENTICATE -> isAuthentication(protocol);
            case NETWORK -> true;
            case DEAD, ESTABLISH, TERMINATE -> false;
        };
    }

    private static boolean isAuthentication(PppProtocol protocol) {
        return protocol.equals(PppProtocol.PAP) || protocol.equals(PppProtocol.CHAP)
                || protocol.equals(PppProtocol.EAP);
    }

    private void discard(PppProtocol protocol) {
        counters.increment(LinkCounter.CONTROL_DISCARDED);
        getContext().getLog().debug("discarding {} in phase {}", protocol, phase);
    }

    private Optional<Inbound> parse(PppProtocol protocol, byte[] info) {
        try {
            return Optional.of(new Inbound(protocol, ControlPacket.parse(ByteBuffer.wrap(info), protocol.traceName())));
        } catch (MalformedPacketException e) {
            counters.increment(LinkCounter.MALFORMED);
            getContext().getLog().debug("discarding malformed packet: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** §5.7: the rejected protocol and information, truncated to fit the peer's MRU. */
    private void protocolReject(PppProtocol protocol, byte[] info) {
        PppdLog.LOG.debug("Unsupported protocol {} received", protocol);
        int room = Math.max(0, sendMru - ControlPacket.HEADER_LENGTH);
        byte[] data = LinkGraph.protocolField(protocol).concat(ByteString.fromArrayUnsafe(info)).toArray();
        byte[] rejected = data.length > room ? Arrays.copyOf(data, room) : data;
        rejectIdentifier = (rejectIdentifier + 1) & 0xFF;
        counters.increment(LinkCounter.PROTOCOL_REJECTS);
        transmit(PppProtocol.LCP, new ControlPacket(ControlCode.PROTOCOL_REJECT, rejectIdentifier, rejected));
    }

    private Behavior<Command> onTransmit(Transmit m) {
        transmit(m.protocol(), m.packet());
        return this;
    }

    private void transmit(PppProtocol protocol, ControlPacket packet) {
        byte[] bytes = packet.toBytes();
        if (PppdLog.LOG.isDebugEnabled()) {
            PppdLog.LOG.debug("sent {}", PppTrace.of(protocol, Octets.of(bytes)));
        }
        QueueOfferResult result = ends.toLink().offer(
                LinkGraph.protocolField(protocol).concat(ByteString.fromArrayUnsafe(bytes)));
        if (!(result instanceof QueueOfferResult.Enqueued$)) {
            getContext().getLog().debug("{} packet not sent: {}", protocol, result);
        }
    }

    /**
     * Frames are pulled from the link once the first receiver (LCP) listens, so that the peer's
     * first Configure-Request is never discarded for want of a receiver.
     */
    private Behavior<Command> onRegister(Register m) {
        receivers.put(m.protocol(), m.receiver());
        if (!pulling) {
            pulling = true;
            pullNext();
        }
        releaseHeld();
        return this;
    }

    private Behavior<Command> onUnregister(Unregister m) {
        receivers.remove(m.protocol(), m.receiver());
        return this;
    }

    private Behavior<Command> onSetPhase(SetPhase m) {
        boolean fallsBack = m.phase().ordinal() < phase.ordinal() || m.phase() == Phase.TERMINATE;
        phase = m.phase();
        if (fallsBack) {
            held.forEach(p -> discard(p.protocol()));
            held.clear();
            // LCP went down: what the authentication protocols receive from now on is for the
            // next LCP's authentication, never for the old one (which may still be handling what
            // came before, see PeerSession.drainAuth). Its own Unregister comes later and finds
            // nothing; the next one registers after this (the session spawns it after the phase change).
            receivers.keySet().removeIf(LinkIo::isAuthentication);
        }
        releaseHeld();
        return this;
    }

    private Behavior<Command> onSetGate(SetGate m) {
        counters.setOpen(m.ip(), m.open());
        return this;
    }

    private Behavior<Command> onApplyParameters(ApplyParameters m) {
        sendMru = m.parameters().sendMru();
        lower.tuner().accept(m.parameters());
        return this;
    }

    private Behavior<Command> onStreamEnded(StreamEnded m) {
        m.failure().ifPresent(f -> getContext().getLog().info("lower link failed: {}", f));
        owner.tell(new LowerLinkEnded(m.failure()));
        return this;
    }

    private Behavior<Command> onPostStop() {
        killSwitch.shutdown();
        return this;
    }
}
