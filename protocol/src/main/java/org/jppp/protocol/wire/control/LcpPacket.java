package org.jppp.protocol.wire.control;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.CodedPacket;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PacketFields;
import org.jppp.protocol.wire.PppProtocol;

/**
 * Typed view of an LCP packet (RFC 1661 §5, RFC 1570 §2-3 for Identification and
 * Time-Remaining): the {@link NcpPacket} codes shared with every NCP plus LCP's own codes 8-13.
 */
public sealed interface LcpPacket extends CodedPacket permits NcpPacket, LcpPacket.ProtocolReject,
        LcpPacket.WithMagic, LcpPacket.TimeRemaining {

    /** The Code field. */
    ControlCode code();

    /** Parses the fields of a raw LCP packet; an unknown code is kept as {@link NcpPacket.UnknownCode}. */
    static LcpPacket parse(ControlPacket p) throws MalformedPacketException {
        int id = p.identifier();
        return switch (p.code().value()) {
            case 8 -> ProtocolReject.parse(p);
            case 9 -> new EchoRequest(id, magic(p, "LCP Echo-Request", 8), tail(p, 4));
            case 10 -> new EchoReply(id, magic(p, "LCP Echo-Reply", 8), tail(p, 4));
            case 11 -> new DiscardRequest(id, magic(p, "LCP Discard-Request", 8), tail(p, 4));
            case 12 -> new Identification(id, magic(p, "LCP Identification", 8), tail(p, 4));
            case 13 -> new TimeRemaining(id, magic(p, "LCP Time-Remaining", 12),
                    p.dataBuffer().getInt(4) & 0xFFFFFFFFL, tail(p, 8));
            default -> NcpPacket.parse(p, "LCP");
        };
    }

    /** Parses Code, Identifier, Length and the fields of an LCP packet from the buffer. */
    static LcpPacket parse(ByteBuffer buf) throws MalformedPacketException {
        return parse(ControlPacket.parse(buf, "LCP"));
    }

    private static int magic(ControlPacket p, String name, int minLength) throws MalformedPacketException {
        PacketFields.requireMinLength(p, name, minLength);
        return p.dataBuffer().getInt(0);
    }

    private static Octets tail(ControlPacket p, int offset) {
        return Octets.readRemaining(p.dataBuffer().position(offset));
    }

    /** A packet whose data starts with the sender's Magic-Number (RFC 1661 §5.8-5.9). */
    sealed interface WithMagic extends LcpPacket {
        int magic();

        /** What follows the magic number. */
        Octets data();

        @Override default ControlPacket toControlPacket() {
            ByteBuffer b = ByteBuffer.allocate(4 + data().length()).putInt(magic());
            data().writeTo(b);
            return new ControlPacket(code(), identifier(), b.array());
        }
    }

    /**
     * Protocol-Reject (RFC 1661 §5.7): the protocol number of a frame we do not speak and a copy
     * of its Information field, truncated to fit the MRU.
     */
    record ProtocolReject(int identifier, PppProtocol rejectedProtocol, Octets rejectedInformation)
            implements LcpPacket {
        public ProtocolReject {
            PacketFields.identifier(identifier);
        }

        static ProtocolReject parse(ControlPacket p) throws MalformedPacketException {
            PacketFields.requireMinLength(p, "LCP Protocol-Reject", 6);
            return new ProtocolReject(p.identifier(), new PppProtocol(p.dataBuffer().getShort(0) & 0xFFFF), tail(p, 2));
        }

        @Override public ControlCode code() {
            return ControlCode.PROTOCOL_REJECT;
        }

        @Override public ControlPacket toControlPacket() {
            ByteBuffer b = ByteBuffer.allocate(2 + rejectedInformation.length())
                    .putShort((short) rejectedProtocol.number());
            rejectedInformation.writeTo(b);
            return new ControlPacket(code(), identifier, b.array());
        }
    }

    /** Echo-Request (RFC 1661 §5.8): magic number and uninterpreted data, for link quality and loopback checks. */
    record EchoRequest(int identifier, int magic, Octets data) implements WithMagic {
        public EchoRequest {
            PacketFields.identifier(identifier);
        }

        @Override public ControlCode code() {
            return ControlCode.ECHO_REQUEST;
        }
    }

    /** Echo-Reply (RFC 1661 §5.8): the request's data sent back under our own magic number. */
    record EchoReply(int identifier, int magic, Octets data) implements WithMagic {
        public EchoReply {
            PacketFields.identifier(identifier);
        }

        @Override public ControlCode code() {
            return ControlCode.ECHO_REPLY;
        }
    }

    /** Discard-Request (RFC 1661 §5.9): silently discarded by the receiver. */
    record DiscardRequest(int identifier, int magic, Octets data) implements WithMagic {
        public DiscardRequest {
            PacketFields.identifier(identifier);
        }

        @Override public ControlCode code() {
            return ControlCode.DISCARD_REQUEST;
        }
    }

    /** Identification (RFC 1570 §2): magic number and a free-form message, not NUL-terminated. */
    record Identification(int identifier, int magic, Octets data) implements WithMagic {
        public Identification {
            PacketFields.identifier(identifier);
        }

        @Override public ControlCode code() {
            return ControlCode.IDENTIFICATION;
        }
    }

    /**
     * Time-Remaining (RFC 1570 §3): magic number, seconds left in this session (0xFFFFFFFF means
     * no limit) and a free-form message.
     */
    record TimeRemaining(int identifier, int magic, long seconds, Octets message) implements LcpPacket {
        public TimeRemaining {
            PacketFields.identifier(identifier);
            if (seconds < 0 || seconds > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("seconds out of range: " + seconds);
            }
        }

        @Override public ControlCode code() {
            return ControlCode.TIME_REMAINING;
        }

        @Override public ControlPacket toControlPacket() {
            ByteBuffer b = ByteBuffer.allocate(8 + message.length()).putInt(magic).putInt((int) seconds);
            message.writeTo(b);
            return new ControlPacket(code(), identifier, b.array());
        }
    }
}
