package org.jppp.protocol.wire.ipv6cp;

import java.nio.ByteBuffer;
import java.util.List;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.OptionDecoder;
import org.jppp.protocol.wire.OptionFields;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.PppdText;
import org.jppp.protocol.wire.RawOption;
import org.jppp.protocol.wire.TypedOption;

/**
 * Typed view of an IPv6CP configuration option (RFC 5072 §4). An unknown type becomes
 * {@link Unknown} so it can be Configure-Rejected.
 */
public sealed interface Ipv6cpOption extends TypedOption {
    int INTERFACE_IDENTIFIER = 1;
    int IPV6_COMPRESSION_PROTOCOL = 2;

    /** The option's Type field. */
    int type();

    /** Decodes one option; a known type with a bad Length is malformed, an unknown type is kept raw. */
    static Ipv6cpOption decode(ConfigOption o) throws MalformedPacketException {
        return switch (o.type()) {
            case INTERFACE_IDENTIFIER -> InterfaceIdentifier.decode(o);
            case IPV6_COMPRESSION_PROTOCOL -> Ipv6CompressionProtocol.decode(o);
            default -> Unknown.decode(o);
        };
    }

    /** {@link #decode} as an {@link OptionDecoder}, for list decoding and tracing. */
    OptionDecoder<Ipv6cpOption> DECODER = Ipv6cpOption::decode;

    /** Decodes a whole option list, failing on the first malformed option. */
    static List<Ipv6cpOption> decodeAll(List<ConfigOption> options) throws MalformedPacketException {
        return DECODER.decodeAll(options);
    }

    /**
     * Interface-Identifier (RFC 5072 §4.1): Length 10, the 64-bit identifier the sender wants for
     * its link-local address; zero means "please suggest one".
     */
    record InterfaceIdentifier(long identifier) implements Ipv6cpOption {
        public static InterfaceIdentifier decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.exact(o, INTERFACE_IDENTIFIER, "IPV6CP option Interface-Identifier", 10);
            return new InterfaceIdentifier(o.valueBuffer().getLong());
        }

        @Override public int type() {
            return INTERFACE_IDENTIFIER;
        }

        @Override public ConfigOption encode() {
            return new ConfigOption(INTERFACE_IDENTIFIER, ByteBuffer.allocate(8).putLong(identifier).array());
        }

        /** The link-local address this identifier makes, as pppd prints it: {@code fe80::a:b:c:d}. */
        public String linkLocal() {
            return String.format("fe80::%x:%x:%x:%x", (identifier >>> 48) & 0xFFFF,
                    (identifier >>> 32) & 0xFFFF, (identifier >>> 16) & 0xFFFF, identifier & 0xFFFF);
        }

        @Override public String trace() {
            return "<addr " + linkLocal() + ">";
        }
    }

    /** IPv6-Compression-Protocol (RFC 5072 §4.2): a 2-octet protocol and its data. */
    record Ipv6CompressionProtocol(PppProtocol protocol, Octets data) implements Ipv6cpOption {
        public static Ipv6CompressionProtocol decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.atLeast(o, IPV6_COMPRESSION_PROTOCOL, "IPV6CP option IPv6-Compression-Protocol", 4);
            return new Ipv6CompressionProtocol(new PppProtocol(OptionFields.u16(o)), OptionFields.tail(o, 2));
        }

        @Override public int type() {
            return IPV6_COMPRESSION_PROTOCOL;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofProtocol(IPV6_COMPRESSION_PROTOCOL, protocol.number(), data);
        }

        @Override public String trace() {
            return "<compress " + PppdText.hex(protocol.number()) + PppdText.spacedHex(data) + ">";
        }
    }

    /** Any other type, kept byte for byte so it can be Configure-Rejected (RFC 1661 §5.4). */
    record Unknown(int type, Octets data) implements Ipv6cpOption, RawOption {
        public static Unknown decode(ConfigOption o) {
            return new Unknown(o.type(), Octets.of(o.value()));
        }
    }
}
