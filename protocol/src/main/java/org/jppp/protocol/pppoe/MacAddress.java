package org.jppp.protocol.pppoe;

import java.nio.ByteBuffer;

/**
 * A 48-bit IEEE 802 MAC address, held as the low 48 bits of a {@code long} so that it is a
 * cheap, immutable value with natural equality.
 *
 * @param value the address, most significant octet first (the first octet on the wire)
 */
public record MacAddress(long value) {
    public static final int LENGTH = 6;
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    public MacAddress {
        if ((value & ~0xFFFF_FFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits: 0x" + Long.toHexString(value));
        }
    }

    /**
     * Parses the colon form pppd logs, e.g. {@code a0:f3:e4:4f:e3:b0} (either case). This reads
     * configuration, not the wire, so a bad string is an {@link IllegalArgumentException}.
     */
    public static MacAddress parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != LENGTH) {
            throw new IllegalArgumentException("MAC address '" + text + "': " + parts.length
                    + " colon-separated parts (expected 6)");
        }
        long v = 0;
        for (String part : parts) {
            if (part.length() != 2 || Character.digit(part.charAt(0), 16) < 0 || Character.digit(part.charAt(1), 16) < 0) {
                throw new IllegalArgumentException("MAC address '" + text + "': '" + part
                        + "' is not two hex digits");
            }
            v = (v << 8) | Integer.parseInt(part, 16);
        }
        return new MacAddress(v);
    }

    public static MacAddress of(byte[] octets) {
        if (octets.length != LENGTH) {
            throw new IllegalArgumentException("MAC address: " + octets.length + " octets (expected 6)");
        }
        return read(ByteBuffer.wrap(octets));
    }

    /** Reads six octets; the caller has checked that they are there. */
    static MacAddress read(ByteBuffer buf) {
        long v = 0;
        for (int i = 0; i < LENGTH; i++) {
            v = (v << 8) | (buf.get() & 0xFF);
        }
        return new MacAddress(v);
    }

    public void write(ByteBuffer out) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            out.put((byte) (value >>> shift));
        }
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        write(b);
        return b.array();
    }

    /** The group bit (least significant bit of the first octet), set for broadcast and multicast. */
    public boolean isMulticast() {
        return (value & 0x0100_0000_0000L) != 0;
    }

    public boolean isBroadcast() {
        return equals(BROADCAST);
    }

    /** Lower-case colon form, as pppd logs it ({@code a0:f3:e4:4f:e3:b0}). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            int octet = (int) (value >>> shift) & 0xFF;
            sb.append(Character.forDigit(octet >> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
        }
        return sb.toString();
    }
}
