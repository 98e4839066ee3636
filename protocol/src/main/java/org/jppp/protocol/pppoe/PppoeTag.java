package org.jppp.protocol.pppoe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.wire.MalformedPacketException;

/**
 * One TAG of a PPPoE discovery packet (RFC 2516 appendix A): TAG_TYPE, TAG_LENGTH, TAG_VALUE.
 * Open: a type we do not know is kept as {@link Unknown} with its bytes, since RFC 2516
 * appendix A says unknown TAG_TYPEs are ignored, not that the packet is rejected.
 *
 * <p>Values are kept as raw octets ({@link ByteString}, immutable) so that a tag is echoed byte
 * for byte (a Host-Uniq or AC-Cookie must come back unchanged; a Service-Name that is not valid
 * UTF-8 still matches itself). Text tags decode UTF-8 on demand through {@link Text#text()}.
 */
public sealed interface PppoeTag {
    int END_OF_LIST = 0x0000;
    int SERVICE_NAME = 0x0101;
    int AC_NAME = 0x0102;
    int HOST_UNIQ = 0x0103;
    int AC_COOKIE = 0x0104;
    int VENDOR_SPECIFIC = 0x0105;
    int RELAY_SESSION_ID = 0x0110;
    /** RFC 4638 §4. */
    int PPP_MAX_PAYLOAD = 0x0120;
    int SERVICE_NAME_ERROR = 0x0201;
    int AC_SYSTEM_ERROR = 0x0202;
    int GENERIC_ERROR = 0x0203;

    /** The TAG_TYPE field. */
    int type();

    /** The TAG_VALUE octets. */
    ByteString value();

    default int encodedLength() {
        return 4 + value().size();
    }

    default void emit(ByteBuffer out) {
        out.putShort((short) type());
        out.putShort((short) value().size());
        out.put(value().asByteBuffer());
    }

    /** The RFC's name of a tag type ({@code Host-Uniq}), or {@code tag 0x0abc}. */
    static String name(int type) {
        return switch (type) {
            case END_OF_LIST -> "End-Of-List";
            case SERVICE_NAME -> "Service-Name";
            case AC_NAME -> "AC-Name";
            case HOST_UNIQ -> "Host-Uniq";
            case AC_COOKIE -> "AC-Cookie";
            case VENDOR_SPECIFIC -> "Vendor-Specific";
            case RELAY_SESSION_ID -> "Relay-Session-Id";
            case PPP_MAX_PAYLOAD -> "PPP-Max-Payload";
            case SERVICE_NAME_ERROR -> "Service-Name-Error";
            case AC_SYSTEM_ERROR -> "AC-System-Error";
            case GENERIC_ERROR -> "Generic-Error";
            default -> String.format("tag 0x%04x", type);
        };
    }

    static boolean isKnown(int type) {
        return !name(type).startsWith("tag ");
    }

    /**
     * Parses the tag list filling the buffer's remaining octets (the slice of a discovery packet
     * up to its LENGTH). Parsing stops after an End-Of-List tag: RFC 2516 appendix A says no tags
     * follow it, so any octets after it are ignored.
     */
    static List<PppoeTag> parseList(ByteBuffer buf) throws MalformedPacketException {
        List<PppoeTag> tags = new ArrayList<>();
        int start = buf.position();
        while (buf.hasRemaining()) {
            if (buf.remaining() < 4) {
                throw new MalformedPacketException("PPPoE tag at offset " + (buf.position() - start) + ": "
                        + buf.remaining() + " octets left (expected at least 4)");
            }
            int type = buf.getShort() & 0xFFFF;
            int length = buf.getShort() & 0xFFFF;
            if (length > buf.remaining()) {
                throw new MalformedPacketException("PPPoE tag " + name(type) + ": length " + length
                        + " exceeds the " + buf.remaining() + " octets left");
            }
            ByteString value = ByteString.fromByteBuffer(buf.slice(buf.position(), length));
            buf.position(buf.position() + length);
            PppoeTag tag = of(type, value);
            tags.add(tag);
            if (tag instanceof EndOfList) {
                break;
            }
        }
        return List.copyOf(tags);
    }

    /** The typed tag for a TAG_TYPE and TAG_VALUE, checking the lengths the RFCs fix. */
    static PppoeTag of(int type, ByteString value) throws MalformedPacketException {
        return switch (type) {
            case END_OF_LIST -> {
                requireLength(type, value, 0, "");
                yield new EndOfList();
            }
            case SERVICE_NAME, AC_NAME, SERVICE_NAME_ERROR, AC_SYSTEM_ERROR, GENERIC_ERROR -> new Text(type, value);
            case HOST_UNIQ, AC_COOKIE, RELAY_SESSION_ID -> new Opaque(type, value);
            case VENDOR_SPECIFIC -> {
                requireLength(type, value, 4, "at least ");
                yield new VendorSpecific(value.asByteBuffer().getInt(), value.drop(4));
            }
            case PPP_MAX_PAYLOAD -> {
                requireLength(type, value, 2, "");
                yield new PppMaxPayload(value.asByteBuffer().getShort() & 0xFFFF);
            }
            default -> new Unknown(type, value);
        };
    }

    private static void requireLength(int type, ByteString value, int expected, String qualifier)
            throws MalformedPacketException {
        boolean ok = qualifier.isEmpty() ? value.size() == expected : value.size() >= expected;
        if (!ok) {
            throw new MalformedPacketException("PPPoE tag " + name(type) + ": length " + value.size()
                    + " (expected " + qualifier + expected + ")");
        }
    }

    static ByteString utf8(String text) {
        return ByteString.fromString(text, StandardCharsets.UTF_8);
    }

    static Text serviceName(String name) {
        return new Text(SERVICE_NAME, utf8(name));
    }

    static Text acName(String name) {
        return new Text(AC_NAME, utf8(name));
    }

    static Text text(int type, String text) {
        return new Text(type, utf8(text));
    }

    static Opaque hostUniq(byte[] value) {
        return new Opaque(HOST_UNIQ, ByteString.fromArray(value));
    }

    static Opaque acCookie(byte[] value) {
        return new Opaque(AC_COOKIE, ByteString.fromArray(value));
    }

    /**
     * Service-Name, AC-Name, Service-Name-Error, AC-System-Error or Generic-Error: a UTF-8 string,
     * not NUL-terminated (RFC 2516 appendix A). An empty Service-Name means "any service"; the
     * three error types make pppd log the text and give up on that access concentrator.
     *
     * @param type  one of the five text tag types
     * @param value the raw octets, kept even if they are not valid UTF-8
     */
    record Text(int type, ByteString value) implements PppoeTag {
        public Text {
            requireType(type, SERVICE_NAME, AC_NAME, SERVICE_NAME_ERROR, AC_SYSTEM_ERROR, GENERIC_ERROR);
        }

        /** The value decoded as UTF-8; invalid sequences become U+FFFD. */
        public String text() {
            return value.decodeString(StandardCharsets.UTF_8);
        }

        public boolean isError() {
            return type == SERVICE_NAME_ERROR || type == AC_SYSTEM_ERROR || type == GENERIC_ERROR;
        }
    }

    /**
     * Host-Uniq (host data the AC echoes, to match replies to requests), AC-Cookie (AC data the
     * host echoes in its PADR) or Relay-Session-Id (added by a relay agent, echoed by both): opaque
     * octets that must come back unchanged.
     *
     * @param type  one of the three opaque tag types
     * @param value the octets
     */
    record Opaque(int type, ByteString value) implements PppoeTag {
        public Opaque {
            requireType(type, HOST_UNIQ, AC_COOKIE, RELAY_SESSION_ID);
        }
    }

    private static void requireType(int type, int... allowed) {
        for (int a : allowed) {
            if (a == type) {
                return;
            }
        }
        throw new IllegalArgumentException("wrong record for tag " + name(type));
    }

    /** No further tags (RFC 2516 appendix A); TAG_LENGTH is always 0. */
    record EndOfList() implements PppoeTag {
        public int type() {
            return END_OF_LIST;
        }

        public ByteString value() {
            return ByteString.emptyByteString();
        }
    }

    /**
     * Vendor data (RFC 2516 appendix A): a 4-octet vendor id whose first octet is 0 and whose
     * other three are the IANA enterprise number, then the vendor's data. A non-zero first octet
     * is kept as received rather than rejected: the tag is informational.
     *
     * @param vendorId the first four octets, unsigned in an {@code int}
     * @param data     the octets after the vendor id
     */
    record VendorSpecific(int vendorId, ByteString data) implements PppoeTag {
        public int type() {
            return VENDOR_SPECIFIC;
        }

        public ByteString value() {
            ByteBuffer id = ByteBuffer.allocate(4).putInt(0, vendorId);
            return ByteString.fromByteBuffer(id).concat(data);
        }
    }

    /**
     * The largest PPP payload the sender can carry (RFC 4638 §4), two octets; allows an MRU above
     * 1492 when both sides announce it.
     */
    record PppMaxPayload(int maxPayload) implements PppoeTag {
        public PppMaxPayload {
            if (maxPayload < 0 || maxPayload > 0xFFFF) {
                throw new IllegalArgumentException("PPP-Max-Payload out of range: " + maxPayload);
            }
        }

        public int type() {
            return PPP_MAX_PAYLOAD;
        }

        public ByteString value() {
            return ByteString.fromArrayUnsafe(new byte[] {(byte) (maxPayload >> 8), (byte) maxPayload});
        }
    }

    /**
     * A tag type this code does not know, kept with its bytes. Known types are refused here so
     * that each tag has exactly one representation.
     */
    record Unknown(int type, ByteString value) implements PppoeTag {
        public Unknown {
            if (type < 0 || type > 0xFFFF || isKnown(type)) {
                throw new IllegalArgumentException("not an unknown tag type: " + name(type));
            }
        }

        @Override
        public String toString() {
            return name(type) + " [" + HexFormat.of().formatHex(value.toArray()) + "]";
        }
    }
}
