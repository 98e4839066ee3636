package org.jppp.protocol.wire;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * The length checks, field reads and builders that the typed option views of LCP, IPCP and IPv6CP
 * share. Lengths in messages are the option's Length field (Type and Length included), as the RFCs
 * state them, e.g. {@code LCP option MRU: length 3 (expected 4)}.
 */
public final class OptionFields {
    private OptionFields() {
    }

    /** Throws unless the option's Length is exactly {@code expected}. */
    public static void requireLength(ConfigOption o, String name, int expected) throws MalformedPacketException {
        if (o.encodedLength() != expected) {
            throw new MalformedPacketException(
                    name + ": length " + o.encodedLength() + " (expected " + expected + ")");
        }
    }

    /** Throws unless the option's Length is at least {@code min}. */
    public static void requireMinLength(ConfigOption o, String name, int min) throws MalformedPacketException {
        if (o.encodedLength() < min) {
            throw new MalformedPacketException(
                    name + ": length " + o.encodedLength() + " (expected at least " + min + ")");
        }
    }

    /**
     * Checks type and exact Length in one go and returns the option, so a decode method is one
     * expression.
     */
    public static ConfigOption exact(ConfigOption o, int type, String name, int length)
            throws MalformedPacketException {
        requireType(o, type, name);
        requireLength(o, name, length);
        return o;
    }

    /** Checks type and minimum Length and returns the option. */
    public static ConfigOption atLeast(ConfigOption o, int type, String name, int minLength)
            throws MalformedPacketException {
        requireType(o, type, name);
        requireMinLength(o, name, minLength);
        return o;
    }

    /** Guards a decode method against being handed another type: a programming error, not bad input. */
    public static void requireType(ConfigOption o, int type, String name) {
        if (o.type() != type) {
            throw new IllegalArgumentException(name + " has type " + type + ", not " + o.type());
        }
    }

    /** The first two value octets, big-endian, unsigned. */
    public static int u16(ConfigOption o) {
        return o.valueBuffer().getShort() & 0xFFFF;
    }

    /** The first four value octets, big-endian (callers treat the int as unsigned). */
    public static int u32(ConfigOption o) {
        return o.valueBuffer().getInt();
    }

    /** Four value octets starting at {@code offset} as an IPv4 address. */
    public static Inet4Address ipv4(ConfigOption o, int offset) {
        byte[] b = new byte[4];
        o.valueBuffer().get(offset, b);
        return Ipv4.fromBytes(b);
    }

    /** The value octets from {@code offset} on. */
    public static Octets tail(ConfigOption o, int offset) {
        ByteBuffer b = o.valueBuffer().position(offset);
        return Octets.readRemaining(b);
    }

    public static ConfigOption empty(int type) {
        return new ConfigOption(type, new byte[0]);
    }

    public static ConfigOption ofU16(int type, int value) {
        return new ConfigOption(type, ByteBuffer.allocate(2).putShort((short) value).array());
    }

    public static ConfigOption ofU32(int type, int value) {
        return new ConfigOption(type, ByteBuffer.allocate(4).putInt(value).array());
    }

    public static ConfigOption ofAddresses(int type, Inet4Address... addresses) {
        ByteBuffer b = ByteBuffer.allocate(4 * addresses.length);
        for (Inet4Address a : addresses) {
            b.put(a.getAddress());
        }
        return new ConfigOption(type, b.array());
    }

    /** A 2-octet protocol number followed by protocol-specific data (Auth, Quality, Compression). */
    public static ConfigOption ofProtocol(int type, int protocol, Octets data) {
        ByteBuffer b = ByteBuffer.allocate(2 + data.length()).putShort((short) protocol);
        data.writeTo(b);
        return new ConfigOption(type, b.array());
    }

    /** Range check for record constructors. */
    public static int checkRange(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " out of range 0.." + max + ": " + value);
        }
        return value;
    }
}
