package org.jppp.protocol.framing;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.PppoeSession;
import org.jppp.protocol.wire.MalformedPacketException;

/**
 * PPPoE session encapsulation (RFC 2516 §6, §7) as one protocol layer.
 *
 * <pre>
 *          PPP frames (protocol + information: no address/control, no FCS)
 *     top:    in1 ──▶ encapsulate ──▶ out1   (Ethernet frames: header, PPPoE header, payload)
 *     bottom: out2 ◀── decapsulate ◀── in2   (Ethernet frames from the session socket)
 * </pre>
 *
 * Frames at the bottom carry no Ethernet FCS and no padding on the way out; on the way in any
 * octets past the PPPoE LENGTH (NIC padding to 60 octets) are ignored. Discovery frames
 * (EtherType 0x8863, PADT included) belong to the discovery socket; if one reaches this layer it
 * is counted as {@link PppoeCounter#WRONG_ETHERTYPE}.
 *
 * <p>The MRU cap of RFC 2516 §7 (1492, or more per RFC 4638, see
 * {@link PppoeConstants#maxMru}) is LCP's business; this layer only drops, and counts, outgoing
 * frames that cannot fit {@link Endpoint#ethernetMtu()}.
 */
public final class PppoeSessionFraming {
    private PppoeSessionFraming() {
    }

    /**
     * The two ends of one session as learned in discovery.
     *
     * @param local       our MAC address
     * @param peer        the other end's MAC address (the AC's, on a client)
     * @param sessionId   the SESSION_ID from the PADS
     * @param ethernetMtu the Ethernet payload limit, 1500 normally; PPP frames longer than this
     *                    minus the 6-octet PPPoE header are dropped
     */
    public record Endpoint(MacAddress local, MacAddress peer, int sessionId, int ethernetMtu) {
        public Endpoint {
            if (sessionId < 0 || sessionId > 0xFFFF) {
                throw new IllegalArgumentException("PPPoE session id out of range: " + sessionId);
            }
        }

        public Endpoint(MacAddress local, MacAddress peer, int sessionId) {
            this(local, peer, sessionId, 1500);
        }

        /** The same session seen from the other end. */
        public Endpoint mirror() {
            return new Endpoint(peer, local, sessionId, ethernetMtu);
        }
    }

    public static BidiFlow<ByteString, ByteString, ByteString, ByteString, NotUsed> create(
            Endpoint endpoint, Counters<PppoeCounter> counters) {
        return BidiFlow.fromFlows(
                Flow.of(ByteString.class).mapConcat(f -> encapsulate(endpoint, counters, f)),
                Flow.of(ByteString.class).mapConcat(f -> decapsulate(endpoint, counters, f)));
    }

    /** The Ethernet frame carrying {@code pppFrame} in the session, or nothing if it is too long. */
    static List<ByteString> encapsulate(Endpoint endpoint, Counters<PppoeCounter> counters, ByteString pppFrame) {
        if (pppFrame.size() > endpoint.ethernetMtu() - PppoeConstants.HEADER_LENGTH) {
            counters.increment(PppoeCounter.OVERSIZE_OUT);
            return List.of();
        }
        EthernetHeader header = new EthernetHeader(endpoint.peer(), endpoint.local(), PppoeConstants.ETHERTYPE_SESSION);
        counters.increment(PppoeCounter.FRAMES_OUT);
        return List.of(header.frame(new PppoeSession(endpoint.sessionId(), pppFrame)));
    }

    /** The PPP frame of our session carried by {@code ethernetFrame}, or nothing (counted). */
    static List<ByteString> decapsulate(Endpoint endpoint, Counters<PppoeCounter> counters, ByteString ethernetFrame) {
        PppoeCounter verdict;
        ByteString payload = ByteString.emptyByteString();
        try {
            ByteBuffer buf = ethernetFrame.asByteBuffer();
            EthernetHeader eth = EthernetHeader.parse(buf);
            if (eth.etherType() != PppoeConstants.ETHERTYPE_SESSION) {
                verdict = PppoeCounter.WRONG_ETHERTYPE;
            } else if (!eth.source().equals(endpoint.peer()) || !eth.destination().equals(endpoint.local())) {
                verdict = PppoeCounter.OTHER_MAC;
            } else {
                PppoeSession session = PppoeSession.parse(buf);
                payload = session.payload();
                verdict = session.sessionId() != endpoint.sessionId() ? PppoeCounter.OTHER_SESSION
                        : payload.isEmpty() ? PppoeCounter.MALFORMED : PppoeCounter.FRAMES_IN;
            }
        } catch (MalformedPacketException e) {
            verdict = PppoeCounter.MALFORMED;
        }
        counters.increment(verdict);
        return verdict == PppoeCounter.FRAMES_IN ? List.of(payload) : List.of();
    }
}
