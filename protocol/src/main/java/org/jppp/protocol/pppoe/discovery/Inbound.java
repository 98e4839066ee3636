package org.jppp.protocol.pppoe.discovery;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.wire.MalformedPacketException;

/** A received discovery frame: its Ethernet header and its parsed packet. */
record Inbound(EthernetHeader header, PppoeDiscovery packet) {

    MacAddress source() {
        return header.source();
    }

    MacAddress destination() {
        return header.destination();
    }

    /**
     * Parses a whole frame. A frame that is not PPPoE Discovery or does not parse is bad peer
     * input, not an error: it is logged at debug level and the caller counts it.
     */
    static Optional<Inbound> parse(ByteBuffer frame, DiscoveryResult.Builder out) {
        try {
            EthernetHeader header = EthernetHeader.parse(frame);
            if (header.etherType() != PppoeConstants.ETHERTYPE_DISCOVERY) {
                out.debug(String.format("Ignoring frame with EtherType 0x%04x", header.etherType()));
                return Optional.empty();
            }
            return Optional.of(new Inbound(header, PppoeDiscovery.parse(frame)));
        } catch (MalformedPacketException e) {
            out.debug("Ignoring malformed frame: " + e.getMessage());
            return Optional.empty();
        }
    }
}
