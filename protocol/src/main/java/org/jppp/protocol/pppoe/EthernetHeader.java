package org.jppp.protocol.pppoe;

import java.nio.ByteBuffer;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.wire.MalformedPacketException;

/**
 * The Ethernet II header that carries PPPoE (RFC 2516 §4): destination MAC, source MAC and
 * EtherType, 14 octets. 802.1Q tags are not understood here: an AF_PACKET socket bound to the
 * PPPoE EtherTypes receives frames with the VLAN tag already removed by the kernel.
 *
 * @param destination the destination MAC address
 * @param source      the source MAC address
 * @param etherType   0..0xFFFF, e.g. {@link PppoeConstants#ETHERTYPE_DISCOVERY}
 */
public record EthernetHeader(MacAddress destination, MacAddress source, int etherType) implements Emittable {
    public static final int LENGTH = 14;

    public EthernetHeader {
        if (etherType < 0 || etherType > 0xFFFF) {
            throw new IllegalArgumentException("EtherType out of range: " + etherType);
        }
    }

    /** Reads the 14-octet header and leaves the buffer at the first payload octet. */
    public static EthernetHeader parse(ByteBuffer buf) throws MalformedPacketException {
        if (buf.remaining() < LENGTH) {
            throw new MalformedPacketException("Ethernet header: " + buf.remaining()
                    + " octets (expected at least " + LENGTH + ")");
        }
        MacAddress dst = MacAddress.read(buf);
        MacAddress src = MacAddress.read(buf);
        return new EthernetHeader(dst, src, buf.getShort() & 0xFFFF);
    }

    @Override
    public int encodedLength() {
        return LENGTH;
    }

    @Override
    public void emit(ByteBuffer out) {
        destination.write(out);
        source.write(out);
        out.putShort((short) etherType);
    }

    /** This header followed by {@code payload}: a whole frame as handed to an AF_PACKET socket (no FCS, no padding). */
    public ByteString frame(Emittable payload) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH + payload.encodedLength());
        emit(b);
        payload.emit(b);
        return ByteString.fromArrayUnsafe(b.array());
    }
}
