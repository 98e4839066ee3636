package org.jppp.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of octets. Wire records hold their variable-length fields as {@code Octets}
 * rather than {@code byte[]} so that the records' generated {@code equals}, {@code hashCode} and
 * immutability hold without per-record boilerplate.
 */
public final class Octets {
    public static final Octets EMPTY = new Octets(new byte[0]);

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static Octets of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
    }

    /** Octets given as unsigned values 0..255, handy for tests and constants. */
    public static Octets ofUnsigned(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFF) {
                throw new IllegalArgumentException("octet out of range: " + values[i]);
            }
            b[i] = (byte) values[i];
        }
        return new Octets(b);
    }

    /** The UTF-8 encoding of {@code text} (PPP messages and names are octets; UTF-8 is our choice). */
    public static Octets utf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code n} octets; the caller has checked that they are there. */
    public static Octets read(ByteBuffer buf, int n) {
        byte[] b = new byte[n];
        buf.get(b);
        return new Octets(b);
    }

    /** Reads every remaining octet of {@code buf}. */
    public static Octets readRemaining(ByteBuffer buf) {
        return read(buf, buf.remaining());
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The octet at {@code index} as an unsigned value. */
    public int get(int index) {
        return bytes[index] & 0xFF;
    }

    public Octets slice(int from, int to) {
        return new Octets(Arrays.copyOfRange(bytes, from, to));
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** A read-only big-endian view, for parsing without a copy. */
    public ByteBuffer asBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    public void writeTo(ByteBuffer out) {
        out.put(bytes);
    }

    /** Lower-case hex without separators, e.g. {@code 0f01}. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The octets decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "[" + hex() + "]";
    }
}
