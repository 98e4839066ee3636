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
 * Typed view of a PAP packet (RFC 1334 §2.2): Code, Identifier, Length, then the code's fields.
 * Traces never show the password, as pppd prints {@code password=<hidden>}.
 */
public sealed interface PapPacket extends CodedPacket {
    int AUTHENTICATE_REQUEST = 1;
    int AUTHENTICATE_ACK = 2;
    int AUTHENTICATE_NAK = 3;

    /** The Code field. */
    int code();

    /** pppd's trace, e.g. {@code [PAP AuthReq id=0x1 user="bob" password=<hidden>]}. */
    String trace();

    /** Parses the fields of a raw PAP packet; an unknown code is kept as {@link UnknownCode}. */
    static PapPacket parse(ControlPacket p) throws MalformedPacketException {
        ByteBuffer data = p.dataBuffer();
        int id = p.identifier();
        return switch (p.code().value()) {
            case AUTHENTICATE_REQUEST -> new AuthenticateRequest(id,
                    PacketFields.lengthPrefixed(data, "PAP Authenticate-Request: Peer-ID"),
                    PacketFields.lengthPrefixed(data, "PAP Authenticate-Request: Password"));
            case AUTHENTICATE_ACK -> new AuthenticateAck(id, Reply.message(data, "PAP Authenticate-Ack"));
            case AUTHENTICATE_NAK -> new AuthenticateNak(id, Reply.message(data, "PAP Authenticate-Nak"));
            default -> new UnknownCode(p.code().value(), id, Octets.readRemaining(data));
        };
    }

    /** Parses Code, Identifier, Length and the fields of a PAP packet from the buffer. */
    static PapPacket parse(ByteBuffer buf) throws MalformedPacketException {
        return parse(ControlPacket.parse(buf, "PAP"));
    }

    /**
     * Authenticate-Request (RFC 1334 §2.2.1): Peer-ID and Password, each after a one-octet
     * length. Octets after the password, inside Length, are ignored.
     */
    record AuthenticateRequest(int identifier, Octets peerId, Octets password) implements PapPacket {
        public AuthenticateRequest {
            PacketFields.identifier(identifier);
            PacketFields.shortField(peerId, "Peer-ID");
            PacketFields.shortField(password, "Password");
        }

        @Override public int code() {
            return AUTHENTICATE_REQUEST;
        }

        @Override public ControlPacket toControlPacket() {
            ByteBuffer b = ByteBuffer.allocate(2 + peerId.length() + password.length());
            PacketFields.putLengthPrefixed(b, peerId);
            PacketFields.putLengthPrefixed(b, password);
            return new ControlPacket(new ControlCode(code()), identifier, b.array());
        }

        @Override public String trace() {
            return "[PAP" + PppdText.codeAndId("AuthReq", code(), identifier)
                    + " user=" + PppdText.quoted(peerId) + " password=<hidden>]";
        }

        /** Keeps the password out of logs and exception messages. */
        @Override public String toString() {
            return "AuthenticateRequest[identifier=" + identifier + ", peerId=" + PppdText.quoted(peerId)
                    + ", password=<hidden>]";
        }
    }

    /** Authenticate-Ack and -Nak (RFC 1334 §2.2.2): a message after a one-octet length. */
    sealed interface Reply extends PapPacket {
        Octets message();

        /**
         * Reads Msg-Length and Message. A packet with no data at all is read as an empty message:
         * some peers send a bare 4-octet Ack, and pppd accepts it.
         */
        private static Octets message(ByteBuffer data, String name) throws MalformedPacketException {
            return data.hasRemaining() ? PacketFields.lengthPrefixed(data, name + ": Message") : Octets.EMPTY;
        }

        @Override default ControlPacket toControlPacket() {
            ByteBuffer b = ByteBuffer.allocate(1 + message().length());
            PacketFields.putLengthPrefixed(b, message());
            return new ControlPacket(new ControlCode(code()), identifier(), b.array());
        }

        @Override default String trace() {
            String name = code() == AUTHENTICATE_ACK ? "AuthAck" : "AuthNak";
            return "[PAP" + PppdText.codeAndId(name, code(), identifier()) + " " + PppdText.quoted(message()) + "]";
        }
    }

    record AuthenticateAck(int identifier, Octets message) implements Reply {
        public AuthenticateAck {
            PacketFields.identifier(identifier);
            PacketFields.shortField(message, "Message");
        }

        @Override public int code() {
            return AUTHENTICATE_ACK;
        }
    }

    record AuthenticateNak(int identifier, Octets message) implements Reply {
        public AuthenticateNak {
            PacketFields.identifier(identifier);
            PacketFields.shortField(message, "Message");
        }

        @Override public int code() {
            return AUTHENTICATE_NAK;
        }
    }

    /** A code PAP does not define; RFC 1334 gives no reject for it, so it is dropped. */
    record UnknownCode(int code, int identifier, Octets data) implements PapPacket, RawCodedPacket {
        public UnknownCode {
            PacketFields.identifier(identifier);
        }

        @Override public String trace() {
            return traceAs("PAP");
        }
    }
}
