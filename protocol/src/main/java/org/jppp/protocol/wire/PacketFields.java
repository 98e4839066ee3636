package org.jppp.protocol.wire;

import java.nio.ByteBuffer;

/**
 * Field checks and builders shared by the typed views of coded packets (LCP, NCP, PAP, CHAP,
 * EAP). Lengths in messages are the packet's Length field, header included, as the RFCs give them.
 */
public final class PacketFields {
    private PacketFields() {
    }

    /** Range check of an Identifier for record constructors. */
    public static int identifier(int identifier) {
        return OptionFields.checkRange(identifier, 0xFF, "identifier");
    }

    /** Throws unless the packet's Length is at least {@code min}. */
    public static void requireMinLength(ControlPacket p, String name, int min) throws MalformedPacketException {
        if (p.encodedLength() < min) {
            throw new MalformedPacketException(
                    name + ": length " + p.encodedLength() + " (expected at least " + min + ")");
        }
    }

    /**
     * Reads a field preceded by a one-octet length (PAP's Peer-ID and Password, CHAP's and EAP
     * MD5-Challenge's Value).
     *
     * @param what e.g. {@code "PAP Authenticate-Request: Peer-ID"}
     */
    public static Octets lengthPrefixed(ByteBuffer b, String what) throws MalformedPacketException {
        if (!b.hasRemaining()) {
            throw new MalformedPacketException(what + " length missing");
        }
        int n = b.get() & 0xFF;
        if (n > b.remaining()) {
            throw new MalformedPacketException(
                    what + " length " + n + " exceeds the " + b.remaining() + " octets left");
        }
        return Octets.read(b, n);
    }

    /** Writes a field preceded by its one-octet length. */
    public static void putLengthPrefixed(ByteBuffer b, Octets field) {
        b.put((byte) field.length());
        field.writeTo(b);
    }

    /** Checks that a field fits a one-octet length, for record constructors. */
    public static Octets shortField(Octets field, String what) {
        if (field.length() > 0xFF) {
            throw new IllegalArgumentException(what + " longer than 255 octets: " + field.length());
        }
        return field;
    }
}
