package org.jppp.protocol.pppoe.discovery;

import java.time.Duration;
import java.util.Objects;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeDiscovery;

/**
 * What a discovery machine asks its owner to do (RFC 2516 §5). The owner performs the actions in
 * list order: it transmits frames on the Discovery EtherType, runs the client's one timer and
 * binds or unbinds PPP sessions. The machines do no I/O and read no clock.
 */
public sealed interface DiscoveryAction {

    /**
     * Transmit this packet in an Ethernet frame: {@code header} holds the destination (broadcast
     * for a PADI, the peer's unicast address otherwise), our source address and EtherType 0x8863.
     */
    record Send(EthernetHeader header, PppoeDiscovery packet) implements DiscoveryAction {
        public Send {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(packet, "packet");
        }

        public MacAddress destination() {
            return header.destination();
        }

        /** The whole frame as an AF_PACKET socket takes it: header, PPPoE header and tags. */
        public ByteString frame() {
            return header.frame(packet);
        }
    }

    /** (Re)start the client's discovery timer; when it fires, call {@link DiscoveryClient#timeout()}. */
    record StartTimer(Duration after) implements DiscoveryAction {
        public StartTimer {
            if (after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException("timer duration must be positive: " + after);
            }
        }
    }

    /** Cancel the client's discovery timer. */
    record StopTimer() implements DiscoveryAction { }

    /** The client received a valid PADS (RFC 2516 §5.4): bind the PPP session and start LCP. */
    record Established(ClientSession session) implements DiscoveryAction {
        public Established {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * Discovery failed for good: pppd's connect hook returns -1, so pppd ends this attempt with
     * {@code exitStatus} (EXIT_CONNECT_FAILED).
     */
    record Failed(String reason, int exitStatus) implements DiscoveryAction {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The access concentrator ended our session with a PADT (RFC 2516 §5.5): the link is down. */
    record PeerTerminated(int sessionId) implements DiscoveryAction { }

    /** The access concentrator accepted a PADR and sent its PADS: start PPP for this session. */
    record SessionOpened(ServerSession session) implements DiscoveryAction {
        public SessionOpened {
            Objects.requireNonNull(session, "session");
        }
    }

    /** The host ended a session with a PADT (RFC 2516 §5.5): stop its PPP; the id is free again. */
    record SessionTerminated(int sessionId, MacAddress client) implements DiscoveryAction {
        public SessionTerminated {
            Objects.requireNonNull(client, "client");
        }
    }
}
