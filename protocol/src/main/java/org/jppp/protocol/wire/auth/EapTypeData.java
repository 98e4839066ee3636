package org.jppp.protocol.wire.auth;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.OptionFields;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PacketFields;
import org.jppp.protocol.wire.PppdText;

/**
 * The Type and Type-Data of an EAP Request or Response (RFC 3748 §5). Identity, Notification,
 * Nak and MD5-Challenge are decoded; any other type is kept raw as {@link Other}.
 */
public sealed interface EapTypeData {
    int IDENTITY = 1;
    int NOTIFICATION = 2;
    int NAK = 3;
    int MD5_CHALLENGE = 4;

    /** pppd's names for types 1..19 (null where it has none). */
    String[] TYPE_NAMES = {"Identity", "Notification", "Nak", "MD5-Challenge", "OTP", "Generic-Token", null, null,
        "RSA", "DSS", "KEA", "KEA-Validate", "TLS", "Defender", "Windows 2000", "Arcot", "Cisco", "Nokia", "SRP"};

    /** The Type field. */
    int type();

    /** The Type-Data field. */
    Octets typeData();

    /**
     * The pppd trace of the type and its data, after the code and identifier.
     *
     * @param request Identity prints as {@code <Message ...>} in a Request, {@code <Name ...>} in a Response
     */
    String trace(boolean request);

    /** Decodes Type and Type-Data from the rest of a Request or Response (at least the Type octet). */
    static EapTypeData decode(ByteBuffer b) throws MalformedPacketException {
        int type = b.get() & 0xFF;
        return switch (type) {
            case IDENTITY -> new Identity(Octets.readRemaining(b));
            case NOTIFICATION -> new Notification(Octets.readRemaining(b));
            case NAK -> Nak.decode(b);
            case MD5_CHALLENGE -> new Md5Challenge(PacketFields.lengthPrefixed(b, "EAP MD5-Challenge: Value"),
                    Octets.readRemaining(b));
            default -> new Other(type, Octets.readRemaining(b));
        };
    }

    /** pppd's name of a type, or {@code type=0x..}. */
    static String typeName(int type) {
        return type >= 1 && type <= TYPE_NAMES.length && TYPE_NAMES[type - 1] != null
                ? TYPE_NAMES[type - 1] : "type=" + PppdText.hex(type);
    }

    /** pppd's {@code <Message "...">} or {@code <No message>}. */
    private static String labelled(String label, Octets text, String none) {
        return text.isEmpty() ? " <" + none + ">" : " <" + label + " " + PppdText.quoted(text) + ">";
    }

    /** pppd dumps data it does not decode as hex, at most 8 octets and then {@code ...}. */
    private static String dump(Octets data) {
        return data.length() > 8 ? PppdText.spacedHex(data.slice(0, 8)) + "..." : PppdText.spacedHex(data);
    }

    /** Identity (RFC 3748 §5.1): a displayable prompt in a Request, the peer's identity in a Response. */
    record Identity(Octets text) implements EapTypeData {
        @Override public int type() {
            return IDENTITY;
        }

        @Override public Octets typeData() {
            return text;
        }

        @Override public String trace(boolean request) {
            if (request) {
                return " Identity" + labelled("Message", text, "No message");
            }
            return " Identity" + (text.isEmpty() ? "" : labelled("Name", text, ""));
        }
    }

    /** Notification (RFC 3748 §5.2): a displayable message; the Response carries none. */
    record Notification(Octets message) implements EapTypeData {
        @Override public int type() {
            return NOTIFICATION;
        }

        @Override public Octets typeData() {
            return message;
        }

        @Override public String trace(boolean request) {
            return " Notification" + (request ? labelled("Message", message, "No message") : dump(message));
        }
    }

    /**
     * Legacy Nak (RFC 3748 §5.3.1), only valid in a Response: the authentication types the peer
     * would accept instead, at least one (0 meaning none acceptable).
     */
    record Nak(List<Integer> desiredTypes) implements EapTypeData {
        public Nak {
            desiredTypes = List.copyOf(desiredTypes);
            if (desiredTypes.isEmpty()) {
                throw new IllegalArgumentException("a Nak names at least one desired type");
            }
            desiredTypes.forEach(t -> OptionFields.checkRange(t, 0xFF, "EAP type"));
        }

        static Nak decode(ByteBuffer b) throws MalformedPacketException {
            if (!b.hasRemaining()) {
                throw new MalformedPacketException("EAP Nak: no desired type");
            }
            List<Integer> types = new ArrayList<>();
            while (b.hasRemaining()) {
                types.add(b.get() & 0xFF);
            }
            return new Nak(types);
        }

        @Override public int type() {
            return NAK;
        }

        @Override public Octets typeData() {
            return Octets.ofUnsigned(desiredTypes.stream().mapToInt(Integer::intValue).toArray());
        }

        /** pppd names the first desired type and dumps the others as hex. */
        @Override public String trace(boolean request) {
            int first = desiredTypes.get(0);
            String name = first >= 1 && first < TYPE_NAMES.length && TYPE_NAMES[first - 1] != null
                    ? " (" + TYPE_NAMES[first - 1] + ")" : "";
            return " Nak <Suggested-type " + String.format("%02X", first) + name + ">"
                    + dump(typeData().slice(1, desiredTypes.size()));
        }
    }

    /**
     * MD5-Challenge (RFC 3748 §5.4): Value-Size, Value (the challenge in a Request, the MD5 hash in
     * a Response) and an optional Name to the end of the packet, as in CHAP (RFC 1994 §4.1).
     */
    record Md5Challenge(Octets value, Octets name) implements EapTypeData {
        public Md5Challenge {
            PacketFields.shortField(value, "Value");
        }

        @Override public int type() {
            return MD5_CHALLENGE;
        }

        @Override public Octets typeData() {
            ByteBuffer b = ByteBuffer.allocate(1 + value.length() + name.length());
            PacketFields.putLengthPrefixed(b, value);
            name.writeTo(b);
            return Octets.of(b.array());
        }

        @Override public String trace(boolean request) {
            return " MD5-Challenge <Value" + PppdText.spacedHex(value) + ">" + labelled("Name", name, "No name");
        }
    }

    /** Any other type (TLS, OTP, expanded types, ...), kept raw. */
    record Other(int type, Octets typeData) implements EapTypeData {
        public Other {
            OptionFields.checkRange(type, 0xFF, "EAP type");
        }

        @Override public String trace(boolean request) {
            return " " + typeName(type) + dump(typeData);
        }
    }
}
