package org.jppp.protocol.wire.ipcp;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
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
 * Typed view of an IPCP configuration option (RFC 1332 §3, RFC 1877 for the name-server
 * options). Addresses are {@link Inet4Address}; 0.0.0.0 is a legal value (a request to be
 * assigned one). An unknown type becomes {@link Unknown} so it can be Configure-Rejected.
 */
public sealed interface IpcpOption extends TypedOption {
    int IP_ADDRESSES = 1;
    int IP_COMPRESSION_PROTOCOL = 2;
    int IP_ADDRESS = 3;
    int PRIMARY_DNS = 129;
    int PRIMARY_NBNS = 130;
    int SECONDARY_DNS = 131;
    int SECONDARY_NBNS = 132;

    /** The option's Type field. */
    int type();

    /** Decodes one option; a known type with a bad Length is malformed, an unknown type is kept raw. */
    static IpcpOption decode(ConfigOption o) throws MalformedPacketException {
        return switch (o.type()) {
            case IP_ADDRESSES -> IpAddresses.decode(o);
            case IP_COMPRESSION_PROTOCOL -> IpCompressionProtocol.decode(o);
            case IP_ADDRESS -> IpAddress.decode(o);
            case PRIMARY_DNS -> PrimaryDns.decode(o);
            case PRIMARY_NBNS -> PrimaryNbns.decode(o);
            case SECONDARY_DNS -> SecondaryDns.decode(o);
            case SECONDARY_NBNS -> SecondaryNbns.decode(o);
            default -> Unknown.decode(o);
        };
    }

    /** {@link #decode} as an {@link OptionDecoder}, for list decoding and tracing. */
    OptionDecoder<IpcpOption> DECODER = IpcpOption::decode;

    /** Decodes a whole option list, failing on the first malformed option. */
    static List<IpcpOption> decodeAll(List<ConfigOption> options) throws MalformedPacketException {
        return DECODER.decodeAll(options);
    }

    /**
     * IP-Addresses (RFC 1332 §3.1, deprecated in favour of IP-Address): Length 10, the sender's
     * address then the receiver's.
     */
    record IpAddresses(Inet4Address source, Inet4Address destination) implements IpcpOption {
        public static IpAddresses decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.exact(o, IP_ADDRESSES, "IPCP option IP-Addresses", 10);
            return new IpAddresses(OptionFields.ipv4(o, 0), OptionFields.ipv4(o, 4));
        }

        @Override public int type() {
            return IP_ADDRESSES;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofAddresses(IP_ADDRESSES, source, destination);
        }

        @Override public String trace() {
            return "<addrs " + source.getHostAddress() + " " + destination.getHostAddress() + ">";
        }
    }

    /**
     * IP-Compression-Protocol (RFC 1332 §3.2): a 2-octet protocol and its data. For Van Jacobson
     * compression (0x002D) the data is Max-Slot-Id and Comp-Slot-Id, so the Length is 6.
     */
    record IpCompressionProtocol(PppProtocol protocol, Octets data) implements IpcpOption {
        /** pppd's "old-VJ": the value some RFC 1172 implementations used for VJ. */
        private static final int OLD_VJ = 0x0037;

        /** Van Jacobson's parameters: highest slot number and whether the slot id may be compressed. */
        public record VanJacobson(int maxSlotId, boolean compSlotId) {
            public VanJacobson {
                OptionFields.checkRange(maxSlotId, 0xFF, "Max-Slot-Id");
            }
        }

        public static IpCompressionProtocol of(VanJacobson vj) {
            return new IpCompressionProtocol(PppProtocol.VJ_COMPRESSED_TCP,
                    Octets.ofUnsigned(vj.maxSlotId(), vj.compSlotId() ? 1 : 0));
        }

        public static IpCompressionProtocol decode(ConfigOption o) throws MalformedPacketException {
            String name = "IPCP option IP-Compression-Protocol";
            OptionFields.atLeast(o, IP_COMPRESSION_PROTOCOL, name, 4);
            PppProtocol protocol = new PppProtocol(OptionFields.u16(o));
            if (protocol.equals(PppProtocol.VJ_COMPRESSED_TCP)) {
                OptionFields.requireLength(o, name + " VJ", 6);
            }
            return new IpCompressionProtocol(protocol, OptionFields.tail(o, 2));
        }

        /** The VJ parameters, when this option is VJ with its two parameter octets. */
        public Optional<VanJacobson> vanJacobson() {
            return protocol.equals(PppProtocol.VJ_COMPRESSED_TCP) && data.length() == 2
                    ? Optional.of(new VanJacobson(data.get(0), data.get(1) != 0)) : Optional.empty();
        }

        @Override public int type() {
            return IP_COMPRESSION_PROTOCOL;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofProtocol(IP_COMPRESSION_PROTOCOL, protocol.number(), data);
        }

        /** pppd prints the parameters as raw octets: {@code <compress VJ 0f 01>}. */
        @Override public String trace() {
            String name = switch (protocol.number()) {
                case 0x002D -> "VJ";
                case OLD_VJ -> "old-VJ";
                default -> PppdText.hex(protocol.number());
            };
            return "<compress " + name + PppdText.spacedHex(data) + ">";
        }
    }

    /** The options whose whole value is one IPv4 address (Length 6). */
    sealed interface AddressOption extends IpcpOption {
        Inet4Address address();

        /** pppd's keyword before the address. */
        String traceKeyword();

        @Override default ConfigOption encode() {
            return OptionFields.ofAddresses(type(), address());
        }

        @Override default String trace() {
            return "<" + traceKeyword() + " " + address().getHostAddress() + ">";
        }

        /** Reads the address of a Length-6 option of the given type. */
        static Inet4Address read(ConfigOption o, int type, String name) throws MalformedPacketException {
            return OptionFields.ipv4(OptionFields.exact(o, type, "IPCP option " + name, 6), 0);
        }
    }

    /** IP-Address (RFC 1332 §3.3): the sender's address, or 0.0.0.0 to ask for one. */
    record IpAddress(Inet4Address address) implements AddressOption {
        public static IpAddress decode(ConfigOption o) throws MalformedPacketException {
            return new IpAddress(AddressOption.read(o, IP_ADDRESS, "IP-Address"));
        }

        @Override public int type() {
            return IP_ADDRESS;
        }

        @Override public String traceKeyword() {
            return "addr";
        }
    }

    /** Primary-DNS-Server-Address (RFC 1877 §1.1); pppd calls it ms-dns1. */
    record PrimaryDns(Inet4Address address) implements AddressOption {
        public static PrimaryDns decode(ConfigOption o) throws MalformedPacketException {
            return new PrimaryDns(AddressOption.read(o, PRIMARY_DNS, "Primary-DNS-Address"));
        }

        @Override public int type() {
            return PRIMARY_DNS;
        }

        @Override public String traceKeyword() {
            return "ms-dns1";
        }
    }

    /** Primary-NBNS-Server-Address (RFC 1877 §1.2); pppd calls it ms-wins1. */
    record PrimaryNbns(Inet4Address address) implements AddressOption {
        public static PrimaryNbns decode(ConfigOption o) throws MalformedPacketException {
            return new PrimaryNbns(AddressOption.read(o, PRIMARY_NBNS, "Primary-NBNS-Address"));
        }

        @Override public int type() {
            return PRIMARY_NBNS;
        }

        @Override public String traceKeyword() {
            return "ms-wins1";
        }
    }

    /** Secondary-DNS-Server-Address (RFC 1877 §1.3); pppd calls it ms-dns2. */
    record SecondaryDns(Inet4Address address) implements AddressOption {
        public static SecondaryDns decode(ConfigOption o) throws MalformedPacketException {
            return new SecondaryDns(AddressOption.read(o, SECONDARY_DNS, "Secondary-DNS-Address"));
        }

        @Override public int type() {
            return SECONDARY_DNS;
        }

        @Override public String traceKeyword() {
            return "ms-dns2";
        }
    }

    /** Secondary-NBNS-Server-Address (RFC 1877 §1.4); pppd calls it ms-wins2. */
    record SecondaryNbns(Inet4Address address) implements AddressOption {
        public static SecondaryNbns decode(ConfigOption o) throws MalformedPacketException {
            return new SecondaryNbns(AddressOption.read(o, SECONDARY_NBNS, "Secondary-NBNS-Address"));
        }

        @Override public int type() {
            return SECONDARY_NBNS;
        }

        @Override public String traceKeyword() {
            return "ms-wins2";
        }
    }

    /** Any other type, kept byte for byte so it can be Configure-Rejected (RFC 1661 §5.4). */
    record Unknown(int type, Octets data) implements IpcpOption, RawOption {
        public static Unknown decode(ConfigOption o) {
            return new Unknown(o.type(), Octets.of(o.value()));
        }
    }
}
