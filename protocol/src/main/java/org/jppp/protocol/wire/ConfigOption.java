package org.jppp.protocol.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One raw configuration option, Type-Length-Value (RFC 1661 §6). Each protocol has a typed view
 * over it (LCP, IPCP, IPv6CP option records); the raw form is what the automaton and the
 * Configure-Reject path carry, so unknown options are echoed byte for byte.
 *
 * @param type  0..255
 * @param value the octets after Type and Length (copied)
 */
public record ConfigOption(int type, byte[] value) {

    public ConfigOption {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("option type out of range: " + type);
        }
        value = value.clone();
        if (value.length + 2 > 0xFF) {
            throw new IllegalArgumentException("option too long: " + (value.length + 2));
        }
    }

    /**
     * Parses the option list of a Configure-Request/Ack/Nak/Reject from the buffer's remaining
     * octets. A Length below 2 or running past the end is malformed (RFC 1661 §6).
     */
    public static List<ConfigOption> parseList(ByteBuffer buf, String protocolName) throws MalformedPacketException {
        List<ConfigOption> out = new ArrayList<>();
        while (buf.hasRemaining()) {
            int offset = buf.position();
            if (buf.remaining() < 2) {
                throw new MalformedPacketException(protocolName + " option at offset " + offset
                        + ": 1 octet left (expected type and length)");
            }
            int type = buf.get() & 0xFF;
            int length = buf.get() & 0xFF;
            if (length < 2) {
                throw new MalformedPacketException(protocolName + " option type " + type
                        + ": length " + length + " (expected at least 2)");
            }
            if (length - 2 > buf.remaining()) {
                throw new MalformedPacketException(protocolName + " option type " + type
                        + ": length " + length + " exceeds the " + (buf.remaining() + 2) + " octets left");
            }
            byte[] value = new byte[length - 2];
            buf.get(value);
            out.add(new ConfigOption(type, value));
        }
        return List.copyOf(out);
    }

    public static byte[] emitList(List<ConfigOption> options) {
        int len = options.stream().mapToInt(ConfigOption::encodedLength).sum();
        ByteBuffer b = ByteBuffer.allocate(len);
        options.forEach(o -> o.emit(b));
        return b.array();
    }

    public int encodedLength() {
        return 2 + value.length;
    }

    public void emit(ByteBuffer out) {
        out.put((byte) type);
        out.put((byte) encodedLength());
        out.put(value);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value as a read-only big-endian view. */
    public ByteBuffer valueBuffer() {
        return ByteBuffer.wrap(value).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigOption c && c.type == type && Arrays.equals(c.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "option " + type + " [" + HexFormat.of().formatHex(value) + "]";
    }
}
