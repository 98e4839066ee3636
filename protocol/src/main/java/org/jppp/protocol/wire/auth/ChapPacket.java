package org.jppp.protocol.wire.auth;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.CodedPacket;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PacketFields;
import org.jppp.protocol.wire.PppdText;
import org.jppp.protocol.wire.RawCodedPacket;

/**
 * Typed view of a CHAP packet (RFC 1994 §4). The Value of a Response is algorithm-specific: 16
 * octets of MD5 digest, or the 49-octet {@link MsChapV1Response}/{@link MsChapV2Response} forms.
 */
public sealed interface ChapPacket extends CodedPacket {
    int CHALLENGE = 1;
    int RESPONSE = 2;
    int SUCCESS = 3;
    int FAILURE = 4;

    /** The Code field. */
    int code();

    /** pppd's trace, e.g. {@code [CHAP Challenge id=0x1 <0102...>, name = "server"]}. */
    String trace();

    /** Parses the fields of a raw CHAP packet; an unknown code is kept as {@link UnknownCode}. */
    static ChapPacket parse(ControlPacket p) throws MalformedPacketException {
        ByteBuffer data = p.dataBuffer();
        int id = p.identifier();
        return switch (p.code().value()) {
            case CHALLENGE -> new Challenge(id, ValueAndName.value(data, "CHAP Challenge"), Octets.readRemaining(data));
            case RESPONSE -> new Response(id, ValueAndName.value(data, "CHAP Response"), Octets.readRemaining(data));
            case SUCCESS -> new Success(id, Octets.readRemaining(data));
            case FAILURE -> new Failure(id, Octets.readRemaining(data));
            default -> new UnknownCode(p.code().value(), id, Octets.readRemaining(data));
        };
    }

    /** Parses Code, Identifier, Length and the fields of a CHAP packet from the buffer. */
    static ChapPacket parse(ByteBuffer buf) throws MalformedPacketException {
        return parse(ControlPacket.parse(buf, "CHAP"));
    }

    /**
     * Challenge and Response (RFC 1994 §4.1): Value-Size, Value (one or more octets), then the
     * Name up to the end of the packet.
     */
    sealed interface ValueAndName extends ChapPacket {
        Octets value();

        Octets name();

        private static Octets value(ByteBuffer data, String packetName) throws MalformedPacketException {
            Octets value = PacketFields.lengthPrefixed(data, packetName + ": Value");
            if (value.isEmpty()) {
                throw new MalformedPacketException(packetName + ": Value-Size 0 (expected at least 1)");
            }
            return value;
        }

        @Override default ControlPacket toControlPacket() {
            ByteBuffer b = ByteBuffer.allocate(1 + value().length() + name().length());
            PacketFields.putLengthPrefixed(b, value());
            name().writeTo(b);
            return new ControlPacket(new ControlCode(code()), identifier(), b.array());
        }

        @Override default String trace() {
            String codeName = code() == CHALLENGE ? "Challenge" : "Response";
            return "[CHAP" + PppdText.codeAndId(codeName, code(), identifier()) + " <" + value().hex()
                    + ">, name = " + PppdText.quoted(name()) + "]";
        }
    }

    /** Challenge: a fresh random value and the authenticator's name. */
    record Challenge(int identifier, Octets value, Octets name) implements ValueAndName {
        public Challenge {
            PacketFields.identifier(identifier);
            PacketFields.shortField(value, "Value");
        }

        @Override public int code() {
            return CHALLENGE;
        }
    }

    /** Response: the hash (or MS-CHAP response block) and the peer's name. */
    record Response(int identifier, Octets value, Octets name) implements ValueAndName {
        public Response {
            PacketFields.identifier(identifier);
            PacketFields.shortField(value, "Value");
        }

        @Override public int code() {
            return RESPONSE;
        }
    }

    /** Success and Failure (RFC 1994 §4.2): an implementation-dependent message, to the end of the packet. */
    sealed interface Outcome extends ChapPacket {
        Octets message();

        @Override default ControlPacket toControlPacket() {
            return new ControlPacket(new ControlCode(code()), identifier(), message().toByteArray());
        }

        @Override default String trace() {
            String codeName = code() == SUCCESS ? "Success" : "Failure";
            return "[CHAP" + PppdText.codeAndId(codeName, code(), identifier()) + " " + PppdText.quoted(message()) + "]";
        }
    }

    record Success(int identifier, Octets message) implements Outcome {
        public Success {
            PacketFields.identifier(identifier);
        }

        @Override public int code() {
            return SUCCESS;
        }
    }

    record Failure(int identifier, Octets message) implements Outcome {
        public Failure {
            PacketFields.identifier(identifier);
        }

        @Override public int code() {
            return FAILURE;
        }
    }

    /** A code CHAP does not define; it is dropped. */
    record UnknownCode(int code, int identifier, Octets data) implements ChapPacket, RawCodedPacket {
        public UnknownCode {
            PacketFields.identifier(identifier);
        }

        @Override public String trace() {
            return traceAs("CHAP");
        }
    }
}
