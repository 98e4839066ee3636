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
 * Open: a type we do not know is kept as {@link Unknown} with its bytes, since RFC 2516 §5 tells
 * the receiver to ignore tags it does not understand, not to reject the packet.
 *
 * <p>Values are kept as raw octets ({@link ByteString}, immutable) so that a tag is echoed byte
 * for byte (a Host-Uniq or AC-Cookie must come back unchanged; a Service-Name that is not valid
 * UTF-8 still matches itself). Text tags decode UTF-8 on demand through {@link TextTag#text()}.
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
            case SERVICE_NAME -> new ServiceName(value);
            case AC_NAME -> new AcName(value);
            case HOST_UNIQ -> new HostUniq(value);
            case AC_COOKIE -> new AcCookie(value);
            case VENDOR_SPECIFIC -> {
                requireLength(type, value, 4, "at least ");
                yield new VendorSpecific(value.asByteBuffer().getInt(), value.drop(4));
            }
            case RELAY_SESSION_ID -> new RelaySessionId(value);
            case PPP_MAX_PAYLOAD -> {
                requireLength(type, value, 2, "");
                yield new PppMaxPayload(value.asByteBuffer().getShort() & 0xFFFF);
            }
            case SERVICE_NAME_ERROR -> new ServiceNameError(value);
            case AC_SYSTEM_ERROR -> new AcSystemError(value);
            case GENERIC_ERROR -> new GenericError(value);
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

    static ServiceName serviceName(String name) {
        return new ServiceName(utf8(name));
    }

    static AcName acName(String name) {
        return new AcName(utf8(name));
    }

    static HostUniq hostUniq(byte[] value) {
        return new HostUniq(ByteString.fromArray(value));
    }

    static AcCookie acCookie(byte[] value) {
        return new AcCookie(ByteString.fromArray(value));
    }

    /** A tag whose value is a UTF-8 string, not NUL-terminated (RFC 2516 appendix A). */
    sealed interface TextTag extends PppoeTag {
        /** The value decoded as UTF-8; invalid sequences become U+FFFD. */
        default String text() {
            return value().decodeString(StandardCharsets.UTF_8);
        }
    }

    /** One of the three error tags; pppd logs their text and gives up on that access concentrator. */
    sealed interface ErrorTag extends TextTag {
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

    /** The service requested or offered; empty means "any service". */
    record ServiceName(ByteString value) implements TextTag {
        public int type() {
            return SERVICE_NAME;
        }
    }

    /** The access concentrator's name, unique per AC (pppd prints it on connect). */
    record AcName(ByteString value) implements TextTag {
        public int type() {
            return AC_NAME;
        }
    }

    /** Opaque host data the AC must echo, to match replies to requests. */
    record HostUniq(ByteString value) implements PppoeTag {
        public int type() {
            return HOST_UNIQ;
        }
    }

    /** Opaque AC data the host must echo in its PADR (DoS protection). */
    record AcCookie(ByteString value) implements PppoeTag {
        public int type() {
            return AC_COOKIE;
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

    /** Added by a relay agent; opaque, echoed by host and AC. */
    record RelaySessionId(ByteString value) implements PppoeTag {
        public int type() {
            return RELAY_SESSION_ID;
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

    /** The requested Service-Name cannot be honoured. */
    record ServiceNameError(ByteString value) implements ErrorTag {
        public int type() {
            return SERVICE_NAME_ERROR;
        }
    }

    /** The AC had an error performing the request, e.g. out of resources. */
    record AcSystemError(ByteString value) implements ErrorTag {
        public int type() {
            return AC_SYSTEM_ERROR;
        }
    }

    /** Any other error; may appear in a PADT. */
    record GenericError(ByteString value) implements ErrorTag {
        public int type() {
            return GENERIC_ERROR;
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
