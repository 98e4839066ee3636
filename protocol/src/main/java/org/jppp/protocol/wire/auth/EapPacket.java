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

/** Typed view of an EAP packet (RFC 3748 §4): Request, Response, Success, Failure. */
public sealed interface EapPacket extends CodedPacket {
    int REQUEST = 1;
    int RESPONSE = 2;
    int SUCCESS = 3;
    int FAILURE = 4;

    /** The Code field. */
    int code();

    /** pppd's trace, e.g. {@code [EAP Request id=0x1 Identity <Message "hello">]}. */
    String trace();

    /**
     * Parses the fields of a raw EAP packet. Octets inside Length after a Success or Failure are
     * ignored (RFC 3748 §4.2 gives them none; pppd tolerates them). An unknown code is kept as
     * {@link UnknownCode}: RFC 3748 §4 says to discard it silently.
     */
    static EapPacket parse(ControlPacket p) throws MalformedPacketException {
        int id = p.identifier();
        return switch (p.code().value()) {
            case REQUEST -> new Request(id, Message.typeData(p, "EAP Request"));
            case RESPONSE -> new Response(id, Message.typeData(p, "EAP Response"));
            case SUCCESS -> new Success(id);
            case FAILURE -> new Failure(id);
            default -> new UnknownCode(p.code().value(), id, Octets.of(p.data()));
        };
    }

    /** Parses Code, Identifier, Length and the fields of an EAP packet from the buffer. */
    static EapPacket parse(ByteBuffer buf) throws MalformedPacketException {
        return parse(ControlPacket.parse(buf, "EAP"));
    }

    /** Request and Response (RFC 3748 §4.1): a Type and its data. */
    sealed interface Message extends EapPacket {
        EapTypeData data();

        private static EapTypeData typeData(ControlPacket p, String name) throws MalformedPacketException {
            PacketFields.requireMinLength(p, name, 5);
            return EapTypeData.decode(p.dataBuffer());
        }

        @Override default ControlPacket toControlPacket() {
            Octets typeData = data().typeData();
            ByteBuffer b = ByteBuffer.allocate(1 + typeData.length()).put((byte) data().type());
            typeData.writeTo(b);
            return new ControlPacket(new ControlCode(code()), identifier(), b.array());
        }

        @Override default String trace() {
            boolean request = code() == REQUEST;
            return "[EAP" + PppdText.codeAndId(request ? "Request" : "Response", code(), identifier())
                    + data().trace(request) + "]";
        }
    }

    record Request(int identifier, EapTypeData data) implements Message {
        public Request {
            PacketFields.identifier(identifier);
        }

        @Override public int code() {
            return REQUEST;
        }
    }

    record Response(int identifier, EapTypeData data) implements Message {
        public Response {
            PacketFields.identifier(identifier);
        }

        @Override public int code() {
            return RESPONSE;
        }
    }

    /** Success and Failure (RFC 3748 §4.2): the header only. */
    sealed interface Outcome extends EapPacket {
        @Override default ControlPacket toControlPacket() {
            return new ControlPacket(new ControlCode(code()), identifier(), new byte[0]);
        }

        @Override default String trace() {
            return "[EAP" + PppdText.codeAndId(code() == SUCCESS ? "Success" : "Failure", code(), identifier()) + "]";
        }
    }

    record Success(int identifier) implements Outcome {
        public Success {
            PacketFields.identifier(identifier);
        }

        @Override public int code() {
            return SUCCESS;
        }
    }

    record Failure(int identifier) implements Outcome {
        public Failure {
            PacketFields.identifier(identifier);
        }

        @Override public int code() {
            return FAILURE;
        }
    }

    /** A code EAP does not define. */
    record UnknownCode(int code, int identifier, Octets data) implements EapPacket, RawCodedPacket {
        public UnknownCode {
            PacketFields.identifier(identifier);
        }

        @Override public String trace() {
            return traceAs("EAP");
        }
    }
}
