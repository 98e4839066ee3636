package org.jppp.protocol.wire.control;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PacketFields;

/**
 * The packets of codes 1 to 7 that every control protocol shares (RFC 1661 §5.1-5.6): the whole
 * of IPCP (RFC 1332 §2) and IPv6CP (RFC 5072 §3), and the part of LCP the RFC 1661 automaton
 * runs on. Any other code is {@link UnknownCode}, to be answered with a Code-Reject.
 *
 * <p>Every {@code NcpPacket} is also an {@link LcpPacket}, so one automaton can take both.
 */
public sealed interface NcpPacket extends LcpPacket {

    /** Parses a raw packet of an NCP; codes 8 and above are unknown to NCPs. */
    static NcpPacket parse(ControlPacket p, String protocolName) throws MalformedPacketException {
        int id = p.identifier();
        return switch (p.code().value()) {
            case 1 -> new ConfigureRequest(id, options(p, protocolName));
            case 2 -> new ConfigureAck(id, options(p, protocolName));
            case 3 -> new ConfigureNak(id, options(p, protocolName));
            case 4 -> new ConfigureReject(id, options(p, protocolName));
            case 5 -> new TerminateRequest(id, Octets.of(p.data()));
            case 6 -> new TerminateAck(id, Octets.of(p.data()));
            case 7 -> new CodeReject(id, Octets.of(p.data()));
            default -> new UnknownCode(p.code(), id, Octets.of(p.data()));
        };
    }

    /** Parses Code, Identifier, Length and the fields of an NCP packet from the buffer. */
    static NcpPacket parse(ByteBuffer buf, String protocolName) throws MalformedPacketException {
        return parse(ControlPacket.parse(buf, protocolName), protocolName);
    }

    private static List<ConfigOption> options(ControlPacket p, String protocolName) throws MalformedPacketException {
        return ConfigOption.parseList(p.dataBuffer(), protocolName);
    }

    /** Configure-Request/Ack/Nak/Reject (RFC 1661 §5.1-5.4): an identifier and a list of raw options. */
    sealed interface Configure extends NcpPacket {
        List<ConfigOption> options();

        /** Constructor checks shared by the four records: identifier range, immutable option list. */
        private static List<ConfigOption> checked(int identifier, List<ConfigOption> options) {
            PacketFields.identifier(identifier);
            return List.copyOf(options);
        }

        @Override default ControlPacket toControlPacket() {
            return new ControlPacket(code(), identifier(), ConfigOption.emitList(options()));
        }
    }

    record ConfigureRequest(int identifier, List<ConfigOption> options) implements Configure {
        public ConfigureRequest {
            options = Configure.checked(identifier, options);
        }

        @Override public ControlCode code() {
            return ControlCode.CONFIGURE_REQUEST;
        }
    }

    record ConfigureAck(int identifier, List<ConfigOption> options) implements Configure {
        public ConfigureAck {
            options = Configure.checked(identifier, options);
        }

        @Override public ControlCode code() {
            return ControlCode.CONFIGURE_ACK;
        }
    }

    record ConfigureNak(int identifier, List<ConfigOption> options) implements Configure {
        public ConfigureNak {
            options = Configure.checked(identifier, options);
        }

        @Override public ControlCode code() {
            return ControlCode.CONFIGURE_NAK;
        }
    }

    record ConfigureReject(int identifier, List<ConfigOption> options) implements Configure {
        public ConfigureReject {
            options = Configure.checked(identifier, options);
        }

        @Override public ControlCode code() {
            return ControlCode.CONFIGURE_REJECT;
        }
    }

    /** Terminate-Request/Ack (RFC 1661 §5.5): uninterpreted data, often a reason in ASCII. */
    sealed interface Terminate extends NcpPacket {
        Octets data();

        @Override default ControlPacket toControlPacket() {
            return new ControlPacket(code(), identifier(), data().toByteArray());
        }
    }

    record TerminateRequest(int identifier, Octets data) implements Terminate {
        public TerminateRequest {
            PacketFields.identifier(identifier);
        }

        @Override public ControlCode code() {
            return ControlCode.TERMINATE_REQUEST;
        }
    }

    record TerminateAck(int identifier, Octets data) implements Terminate {
        public TerminateAck {
            PacketFields.identifier(identifier);
        }

        @Override public ControlCode code() {
            return ControlCode.TERMINATE_ACK;
        }
    }

    /**
     * Code-Reject (RFC 1661 §5.6): a copy of the rejected packet, from its Code field on,
     * truncated by the sender to fit the peer's MRU.
     */
    record CodeReject(int identifier, Octets rejectedPacket) implements NcpPacket {
        public CodeReject {
            PacketFields.identifier(identifier);
        }

        /** The Code of the rejected packet, if the copy is not empty. */
        public Optional<ControlCode> rejectedCode() {
            return rejectedPacket.isEmpty() ? Optional.empty() : Optional.of(new ControlCode(rejectedPacket.get(0)));
        }

        @Override public ControlCode code() {
            return ControlCode.CODE_REJECT;
        }

        @Override public ControlPacket toControlPacket() {
            return new ControlPacket(code(), identifier, rejectedPacket.toByteArray());
        }
    }

    /** A code this protocol does not know; RFC 1661 §5.6 says to answer it with a Code-Reject. */
    record UnknownCode(ControlCode code, int identifier, Octets data) implements NcpPacket {
        public UnknownCode {
            PacketFields.identifier(identifier);
        }

        @Override public ControlPacket toControlPacket() {
            return new ControlPacket(code, identifier, data.toByteArray());
        }
    }
}
