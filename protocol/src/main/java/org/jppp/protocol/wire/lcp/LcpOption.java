package org.jppp.protocol.wire.lcp;

import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.OptionDecoder;
import org.jppp.protocol.wire.OptionFields;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.PppdText;
import org.jppp.protocol.wire.RawOption;
import org.jppp.protocol.wire.TypedOption;
import org.jppp.protocol.wire.auth.ChapAlgorithm;

/**
 * Typed view of an LCP configuration option (RFC 1661 §6, RFC 1662 §7.1 for the ACCM, RFC 1990
 * §5.1 for the multilink options). {@link #decode} never loses an option: a type it does not know
 * becomes {@link Unknown}, so the automaton can Configure-Reject it byte for byte.
 */
public sealed interface LcpOption extends TypedOption {
    int MRU = 1;
    int ACCM = 2;
    int AUTH_PROTOCOL = 3;
    int QUALITY_PROTOCOL = 4;
    int MAGIC_NUMBER = 5;
    int PFC = 7;
    int ACFC = 8;
    int MRRU = 17;
    int SHORT_SEQUENCE = 18;
    int ENDPOINT_DISCRIMINATOR = 19;

    /** The option's Type field. */
    int type();

    /** Decodes one option; a known type with a bad Length is malformed, an unknown type is kept raw. */
    static LcpOption decode(ConfigOption o) throws MalformedPacketException {
        return switch (o.type()) {
            case MRU -> Mru.decode(o);
            case ACCM -> Accm.decode(o);
            case AUTH_PROTOCOL -> AuthProtocol.decode(o);
            case QUALITY_PROTOCOL -> QualityProtocol.decode(o);
            case MAGIC_NUMBER -> MagicNumber.decode(o);
            case PFC -> Pfc.decode(o);
            case ACFC -> Acfc.decode(o);
            case MRRU -> Mrru.decode(o);
            case SHORT_SEQUENCE -> ShortSequence.decode(o);
            case ENDPOINT_DISCRIMINATOR -> EndpointDiscriminator.decode(o);
            default -> Unknown.decode(o);
        };
    }

    /** {@link #decode} as an {@link OptionDecoder}, for list decoding and tracing. */
    OptionDecoder<LcpOption> DECODER = LcpOption::decode;

    /** Decodes a whole option list, failing on the first malformed option. */
    static List<LcpOption> decodeAll(List<ConfigOption> options) throws MalformedPacketException {
        return DECODER.decodeAll(options);
    }

    /** Maximum-Receive-Unit (RFC 1661 §6.1): Length 4, a 2-octet MRU. */
    record Mru(int mru) implements LcpOption {
        public Mru {
            OptionFields.checkRange(mru, 0xFFFF, "MRU");
        }

        public static Mru decode(ConfigOption o) throws MalformedPacketException {
            return new Mru(OptionFields.u16(OptionFields.exact(o, MRU, "LCP option MRU", 4)));
        }

        @Override public int type() {
            return MRU;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofU16(MRU, mru);
        }

        @Override public String trace() {
            return "<mru " + mru + ">";
        }
    }

    /**
     * Async-Control-Character-Map (RFC 1662 §7.1): Length 6, a 32-bit map; bit n set means
     * control character n must be escaped on asynchronous links.
     */
    record Accm(int map) implements LcpOption {
        public static Accm decode(ConfigOption o) throws MalformedPacketException {
            return new Accm(OptionFields.u32(OptionFields.exact(o, ACCM, "LCP option ACCM", 6)));
        }

        @Override public int type() {
            return ACCM;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofU32(ACCM, map);
        }

        @Override public String trace() {
            return "<asyncmap " + PppdText.hex(map) + ">";
        }
    }

    /**
     * Authentication-Protocol (RFC 1661 §6.2): a 2-octet protocol and protocol-specific data.
     * PAP (RFC 1334 §3.1) and EAP (RFC 3748 §3.1) carry no data, so their Length is 4; CHAP
     * (RFC 1994 §3) carries one Algorithm octet, so its Length is 5. Other protocols keep their
     * data, whatever its length, so they can be Nak'd.
     */
    record AuthProtocol(PppProtocol protocol, Octets data) implements LcpOption {
        private static final String NAME = "LCP option Authentication-Protocol";

        public static AuthProtocol pap() {
            return new AuthProtocol(PppProtocol.PAP, Octets.EMPTY);
        }

        public static AuthProtocol eap() {
            return new AuthProtocol(PppProtocol.EAP, Octets.EMPTY);
        }

        public static AuthProtocol chap(ChapAlgorithm algorithm) {
            return new AuthProtocol(PppProtocol.CHAP, Octets.ofUnsigned(algorithm.value()));
        }

        public static AuthProtocol decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.atLeast(o, AUTH_PROTOCOL, NAME, 4);
            PppProtocol protocol = new PppProtocol(OptionFields.u16(o));
            if (protocol.equals(PppProtocol.CHAP)) {
                OptionFields.requireLength(o, NAME + " CHAP", 5);
            } else if (protocol.equals(PppProtocol.PAP) || protocol.equals(PppProtocol.EAP)) {
                OptionFields.requireLength(o, NAME + " " + protocol.traceName(), 4);
            }
            return new AuthProtocol(protocol, OptionFields.tail(o, 2));
        }

        /** The CHAP algorithm, when this option asks for CHAP. */
        public Optional<ChapAlgorithm> chapAlgorithm() {
            return protocol.equals(PppProtocol.CHAP) && data.length() == 1
                    ? Optional.of(new ChapAlgorithm(data.get(0))) : Optional.empty();
        }

        @Override public int type() {
            return AUTH_PROTOCOL;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofProtocol(AUTH_PROTOCOL, protocol.number(), data);
        }

        /** pppd: {@code auth pap}, {@code auth chap MD5}, {@code auth eap}, else {@code auth 0x...}. */
        @Override public String trace() {
            String name = switch (protocol.number()) {
                case 0xC023 -> "pap";
                case 0xC223 -> "chap";
                case 0xC227 -> "eap";
                default -> PppdText.hex(protocol.number());
            };
            String algorithm = chapAlgorithm().map(ChapAlgorithm::pppdName).orElse(null);
            String rest = algorithm != null ? " " + algorithm : PppdText.spacedHex(data);
            return "<auth " + name + rest + ">";
        }
    }

    /**
     * Quality-Protocol (RFC 1661 §6.3): a 2-octet protocol and its data; for LQR (RFC 1989 §2.5)
     * the data is the 4-octet Reporting-Period in hundredths of a second.
     */
    record QualityProtocol(PppProtocol protocol, Octets data) implements LcpOption {
        public static QualityProtocol decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.atLeast(o, QUALITY_PROTOCOL, "LCP option Quality-Protocol", 4);
            return new QualityProtocol(new PppProtocol(OptionFields.u16(o)), OptionFields.tail(o, 2));
        }

        @Override public int type() {
            return QUALITY_PROTOCOL;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofProtocol(QUALITY_PROTOCOL, protocol.number(), data);
        }

        @Override public String trace() {
            String name = protocol.equals(PppProtocol.LQR) ? "lqr" : PppdText.hex(protocol.number());
            return "<quality " + name + PppdText.spacedHex(data) + ">";
        }
    }

    /** Magic-Number (RFC 1661 §6.4): Length 6, 32 bits chosen at random, for loop detection. */
    record MagicNumber(int magic) implements LcpOption {
        public static MagicNumber decode(ConfigOption o) throws MalformedPacketException {
            return new MagicNumber(OptionFields.u32(OptionFields.exact(o, MAGIC_NUMBER, "LCP option Magic-Number", 6)));
        }

        @Override public int type() {
            return MAGIC_NUMBER;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofU32(MAGIC_NUMBER, magic);
        }

        @Override public String trace() {
            return "<magic " + PppdText.hex(magic) + ">";
        }
    }

    /** An option with no value (Length 2): its presence is the whole message. */
    sealed interface Flag extends LcpOption {
        @Override default ConfigOption encode() {
            return OptionFields.empty(type());
        }
    }

    /** Protocol-Field-Compression (RFC 1661 §6.5): Length 2. */
    record Pfc() implements Flag {
        public static Pfc decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.exact(o, PFC, "LCP option Protocol-Field-Compression", 2);
            return new Pfc();
        }

        @Override public int type() {
            return PFC;
        }

        @Override public String trace() {
            return "<pcomp>";
        }
    }

    /** Address-and-Control-Field-Compression (RFC 1661 §6.6): Length 2. */
    record Acfc() implements Flag {
        public static Acfc decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.exact(o, ACFC, "LCP option Address-and-Control-Field-Compression", 2);
            return new Acfc();
        }

        @Override public int type() {
            return ACFC;
        }

        @Override public String trace() {
            return "<accomp>";
        }
    }

    /** Multilink Maximum-Received-Reconstructed-Unit (RFC 1990 §5.1.1): Length 4. */
    record Mrru(int mrru) implements LcpOption {
        public Mrru {
            OptionFields.checkRange(mrru, 0xFFFF, "MRRU");
        }

        public static Mrru decode(ConfigOption o) throws MalformedPacketException {
            return new Mrru(OptionFields.u16(OptionFields.exact(o, MRRU, "LCP option MRRU", 4)));
        }

        @Override public int type() {
            return MRRU;
        }

        @Override public ConfigOption encode() {
            return OptionFields.ofU16(MRRU, mrru);
        }

        @Override public String trace() {
            return "<mrru " + mrru + ">";
        }
    }

    /** Multilink Short-Sequence-Number-Header-Format (RFC 1990 §5.1.2): Length 2. */
    record ShortSequence() implements Flag {
        public static ShortSequence decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.exact(o, SHORT_SEQUENCE, "LCP option Short-Sequence-Number-Header-Format", 2);
            return new ShortSequence();
        }

        @Override public int type() {
            return SHORT_SEQUENCE;
        }

        @Override public String trace() {
            return "<ssnhf>";
        }
    }

    /**
     * Endpoint-Discriminator (RFC 1990 §5.1.3): a Class octet and an address whose form the class
     * defines (0 null, 1 locally assigned, 2 IP, 3 IEEE 802.1 MAC, 4 PPP magic-number block,
     * 5 phone number). Class-specific lengths are the multilink layer's business, not the parser's.
     */
    record EndpointDiscriminator(int endpointClass, Octets address) implements LcpOption {
        /** pppd keeps at most this many address octets in its traces (MAX_ENDP_LEN). */
        private static final int TRACE_LIMIT = 20;
        private static final String[] CLASS_NAMES = {"null", "local", "IP", "MAC", "magic", "phone"};

        public EndpointDiscriminator {
            OptionFields.checkRange(endpointClass, 0xFF, "endpoint class");
        }

        public static EndpointDiscriminator decode(ConfigOption o) throws MalformedPacketException {
            OptionFields.atLeast(o, ENDPOINT_DISCRIMINATOR, "LCP option Endpoint-Discriminator", 3);
            return new EndpointDiscriminator(o.valueBuffer().get() & 0xFF, OptionFields.tail(o, 1));
        }

        @Override public int type() {
            return ENDPOINT_DISCRIMINATOR;
        }

        @Override public ConfigOption encode() {
            byte[] v = new byte[1 + address.length()];
            v[0] = (byte) endpointClass;
            System.arraycopy(address.toByteArray(), 0, v, 1, address.length());
            return new ConfigOption(ENDPOINT_DISCRIMINATOR, v);
        }

        /**
         * As pppd's {@code epdisc_to_str}: {@code null}, {@code IP:10.0.0.1},
         * {@code MAC:00:11:22:33:44:55}, {@code magic:01020304.05060708}, else the class name and
         * the octets separated by {@code :} then {@code .}.
         */
        @Override public String trace() {
            return "<endpoint [" + describe() + "]>";
        }

        private String describe() {
            if (endpointClass == 0 && address.isEmpty()) {
                return "null";
            }
            if (endpointClass == 2 && address.length() == 4) {
                return "IP:" + Ipv4.fromBytes(address.toByteArray()).getHostAddress();
            }
            char separator = endpointClass == 3 && address.length() == 6 ? ':' : '.';
            int groupMask = endpointClass == 4 && address.length() % 4 == 0 ? 3 : 0;
            StringBuilder sb = new StringBuilder(endpointClass < CLASS_NAMES.length
                    ? CLASS_NAMES[endpointClass] : Integer.toString(endpointClass));
            char next = ':';
            for (int i = 0; i < Math.min(address.length(), TRACE_LIMIT); i++) {
                if ((i & groupMask) == 0) {
                    sb.append(next);
                    next = separator;
                }
                sb.append(String.format("%02x", address.get(i)));
            }
            return sb.toString();
        }
    }

    /** Any other type, kept byte for byte so it can be Configure-Rejected (RFC 1661 §5.4). */
    record Unknown(int type, Octets data) implements LcpOption, RawOption {
        public static Unknown decode(ConfigOption o) {
            return new Unknown(o.type(), Octets.of(o.value()));
        }
    }
}
