package org.jppp.actors.link;

import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RunnableGraph;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.wire.PppProtocol;

/**
 * The stream graph of one link: IP packets go straight between the lower link and the IP side
 * through a gate per NCP; every other frame leaves the stream for {@link LinkIo} through a
 * bounded queue, and LinkIo's control packets join the frames to the lower link.
 *
 * <pre>
 *  IP side out ──▶ gate + Protocol field ──▶ merge ◀── control queue (LinkIo)
 *                                              └──▶ kill switch ──▶ lower link in
 *  IP side in  ◀── gate, strip Protocol ◀── divert non-IP ──▶ bounded buffer ──▶ control sink (LinkIo)
 *                                              ▲── count ◀── kill switch ◀── lower link out
 * </pre>
 *
 * IP packets are raw datagrams on the IP side (a TUN without packet information), told apart
 * by their version nibble. The control buffer drops its oldest frame when LinkIo falls behind,
 * so a control flood can never stall IP; lost control packets are retransmitted by their
 * protocols (RFC 1661 §4.6).
 */
final class LinkGraph {
    static final int CONTROL_BUFFER = 64;
    private static final int PROTOCOL_OCTETS = 2;

    private LinkGraph() {
    }

    /** The queue LinkIo transmits into and the queue it pulls received control frames from. */
    record Ends(BoundedSourceQueue<ByteString> toLink, SinkQueueWithCancel<ByteString> fromLink) { }

    static RunnableGraph<Ends> build(LowerLink lower, Flow<ByteString, ByteString, ?> ipSide,
                                     LinkCounters counters, SharedKillSwitch killSwitch) {
        Flow<ByteString, ByteString, BoundedSourceQueue<ByteString>> toLink = Flow.of(ByteString.class)
                .mapConcat(packet -> fromIpSide(packet, counters))
                .mergeMat(Source.<ByteString>queue(CONTROL_BUFFER), Keep.right())
                .via(killSwitch.flow());
        Flow<ByteString, ByteString, SinkQueueWithCancel<ByteString>> fromLink = Flow.of(ByteString.class)
                .via(killSwitch.flow())
                .map(frame -> {
                    counters.increment(LinkCounter.FRAMES_IN);
                    return frame;
                })
                .divertToMat(Flow.of(ByteString.class)
                                .buffer(CONTROL_BUFFER, OverflowStrategy.dropHead())
                                .toMat(Sink.queue(), Keep.right()),
                        frame -> protocolOf(frame) == null, Keep.right())
                .mapConcat(frame -> toIpSide(frame, counters));
        BidiFlow<ByteString, ByteString, ByteString, ByteString, Ends> mux =
                BidiFlow.fromFlowsMat(toLink, fromLink, Ends::new);
        Flow<ByteString, ByteString, NotUsed> lowerFrames = lower.frames().mapMaterializedValue(m -> NotUsed.notUsed());
        return ipSide.joinMat(mux.join(lowerFrames, Keep.left()), (ip, ends) -> ends);
    }

    /** IPv4 or IPv6 by the frame's Protocol field; null for any other frame. */
    static PppProtocol protocolOf(ByteString frame) {
        if (frame.size() < PROTOCOL_OCTETS) {
            return null;
        }
        int number = (frame.apply(0) & 0xFF) << 8 | (frame.apply(1) & 0xFF);
        if (number == PppProtocol.IPV4.number()) {
            return PppProtocol.IPV4;
        }
        return number == PppProtocol.IPV6.number() ? PppProtocol.IPV6 : null;
    }

    /** RFC 1661 §3.5: datagrams pass only while their NCP is Opened; others are dropped. */
    private static List<ByteString> toIpSide(ByteString frame, LinkCounters counters) {
        if (!counters.isOpen(protocolOf(frame))) {
            counters.increment(LinkCounter.IP_DROPPED);
            return List.of();
        }
        counters.increment(LinkCounter.IP_IN);
        return List.of(frame.drop(PROTOCOL_OCTETS));
    }

    private static List<ByteString> fromIpSide(ByteString packet, LinkCounters counters) {
        PppProtocol protocol = packet.isEmpty() ? null : switch ((packet.apply(0) & 0xF0) >> 4) {
            case 4 -> PppProtocol.IPV4;
            case 6 -> PppProtocol.IPV6;
            default -> null;
        };
        if (protocol == null || !counters.isOpen(protocol)) {
            counters.increment(LinkCounter.IP_DROPPED);
            return List.of();
        }
        counters.increment(LinkCounter.IP_OUT);
        return List.of(protocolField(protocol).concat(packet));
    }

    static ByteString protocolField(PppProtocol protocol) {
        return ByteString.fromArrayUnsafe(new byte[] {(byte) (protocol.number() >> 8), (byte) protocol.number()});
    }
}
