package org.jppp.actors.link;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    private final Map<PppProtocol, ActorRef<Inbound>> receivers = new HashMap<>();
    private Phase phase = Phase.ESTABLISH;
    private int sendMru = LinkParameters.DEFAULT.sendMru();
    private int rejectIdentifier;
    private boolean pulling;

    public static Behavior<Command> create(LowerLink lower, Flow<ByteString, ByteString, ?> ipSide,
                                           LinkCounters counters, ActorRef<Event> owner) {
        return Behaviors.setup(ctx -> new LinkIo(ctx, lower, ipSide, counters, owner));
    }

    private LinkIo(ActorContext<Command> ctx, LowerLink lower, Flow<ByteString, ByteString, ?> ipSide,
                   LinkCounters counters, ActorRef<Event> owner) {
        super(ctx);
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
            counters.malformed.incrementAndGet();
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
        ActorRef<Inbound> receiver = receivers.get(protocol);
        if (!admitted(protocol)) {
            discard(protocol);
        } else if (receiver != null) {
            deliver(protocol, info, receiver);
        } else if (phase == Phase.NETWORK && !isAuthentication(protocol)) {
            protocolReject(protocol, info);
        } else {
            discard(protocol);
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
        counters.controlDiscarded.incrementAndGet();
        getContext().getLog().debug("discarding {} in phase {}", protocol, phase);
    }

    private void deliver(PppProtocol protocol, byte[] info, ActorRef<Inbound> receiver) {
        try {
            receiver.tell(new Inbound(protocol, ControlPacket.parse(ByteBuffer.wrap(info), protocol.traceName())));
        } catch (MalformedPacketException e) {
            counters.malformed.incrementAndGet();
            getContext().getLog().debug("discarding malformed packet: {}", e.getMessage());
        }
    }

    /** §5.7: the rejected protocol and information, truncated to fit the peer's MRU. */
    private void protocolReject(PppProtocol protocol, byte[] info) {
        PppdLog.LOG.debug("Unsupported protocol {} received", protocol);
        int room = Math.max(0, sendMru - ControlPacket.HEADER_LENGTH);
        byte[] data = LinkGraph.protocolField(protocol).concat(ByteString.fromArrayUnsafe(info)).toArray();
        byte[] rejected = data.length > room ? Arrays.copyOf(data, room) : data;
        rejectIdentifier = (rejectIdentifier + 1) & 0xFF;
        counters.protocolRejects.incrementAndGet();
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
        return this;
    }

    private Behavior<Command> onUnregister(Unregister m) {
        receivers.remove(m.protocol(), m.receiver());
        return this;
    }

    private Behavior<Command> onSetPhase(SetPhase m) {
        phase = m.phase();
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
