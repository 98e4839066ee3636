package org.jppp.protocol.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The packet format shared by LCP, IPCP, IPv6CP and CCP (RFC 1661 §5): Code, Identifier, Length,
 * Data. The data is kept raw; the option lists of Configure-* packets are read with
 * {@link ConfigOption#parseList}, the other codes' fields by the protocol's own views.
 *
 * @param code       the Code field, open
 * @param identifier 0..255
 * @param data       the octets after the 4-octet header, up to Length (never null; copied)
 */
public record ControlPacket(ControlCode code, int identifier, byte[] data) {
    public static final int HEADER_LENGTH = 4;

    public ControlPacket {
        if (identifier < 0 || identifier > 0xFF) {
            throw new IllegalArgumentException("identifier out of range: " + identifier);
        }
        data = data.clone();
        if (data.length + HEADER_LENGTH > 0xFFFF) {
            throw new IllegalArgumentException("control packet too long: " + data.length);
        }
    }

    /**
     * Parses one packet from the buffer's remaining octets. Octets past Length are padding
     * (RFC 1661 §5: "Octets outside the range of the Length field are treated as padding").
     *
     * @param protocolName used in error messages, e.g. {@code "LCP"}
     */
    public static ControlPacket parse(ByteBuffer buf, String protocolName) throws MalformedPacketException {
        if (buf.remaining() < HEADER_LENGTH) {
            throw new MalformedPacketException(protocolName + " packet: " + buf.remaining()
                    + " octets (expected at least " + HEADER_LENGTH + ")");
        }
        int start = buf.position();
        int code = buf.get(start) & 0xFF;
        int id = buf.get(start + 1) & 0xFF;
        int length = buf.getShort(start + 2) & 0xFFFF;
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException(protocolName + " packet: length " + length
                    + " (expected at least " + HEADER_LENGTH + ")");
        }
        if (length > buf.remaining()) {
            throw new MalformedPacketException(protocolName + " packet: length " + length
                    + " exceeds the " + buf.remaining() + " octets received");
        }
        byte[] data = new byte[length - HEADER_LENGTH];
        buf.get(start + HEADER_LENGTH, data);
        buf.position(buf.limit());
        return new ControlPacket(new ControlCode(code), id, data);
    }

    public int encodedLength() {
        return HEADER_LENGTH + data.length;
    }

    public void emit(ByteBuffer out) {
        out.put((byte) code.value());
        out.put((byte) identifier);
        out.putShort((short) encodedLength());
        out.put(data);
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(encodedLength());
        emit(b);
        return b.array();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data as a read-only big-endian view, for parsing without a copy. */
    public ByteBuffer dataBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlPacket p && p.code.equals(code) && p.identifier == identifier
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * code.hashCode() + identifier) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return code + " id=0x" + Integer.toHexString(identifier) + " data=" + HexFormat.of().formatHex(data);
    }
}
