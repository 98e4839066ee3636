package org.jppp.protocol.wire;

/**
 * The PPP Protocol field (RFC 1661 §2), open: any 16-bit value is representable so an unknown
 * protocol can be answered with a Protocol-Reject instead of a crash.
 *
 * <p>Numbers are assigned by IANA ("PPP DLL Protocol Numbers"); the constants below are the ones
 * jppp speaks or names in its traces.
 */
public record PppProtocol(int number) {
    public static final PppProtocol IPV4 = new PppProtocol(0x0021);
    public static final PppProtocol VJ_COMPRESSED_TCP = new PppProtocol(0x002D);
    public static final PppProtocol VJ_UNCOMPRESSED_TCP = new PppProtocol(0x002F);
    public static final PppProtocol MULTILINK = new PppProtocol(0x003D);
    public static final PppProtocol IPV6 = new PppProtocol(0x0057);
    public static final PppProtocol COMPRESSED_DATAGRAM = new PppProtocol(0x00FD);
    public static final PppProtocol IPCP = new PppProtocol(0x8021);
    public static final PppProtocol IPV6CP = new PppProtocol(0x8057);
    public static final PppProtocol CCP = new PppProtocol(0x80FD);
    public static final PppProtocol LCP = new PppProtocol(0xC021);
    public static final PppProtocol PAP = new PppProtocol(0xC023);
    public static final PppProtocol LQR = new PppProtocol(0xC025);
    public static final PppProtocol CHAP = new PppProtocol(0xC223);
    public static final PppProtocol EAP = new PppProtocol(0xC227);

    /** The four ranges of RFC 1661 §2, by the top nibble of the protocol number. */
    public enum Kind {
        /** 0x0***-0x3***: network-layer datagrams (IP, IPv6, ...). */
        NETWORK_LAYER,
        /** 0x4***-0x7***: low-volume traffic with no associated NCP. */
        LOW_VOLUME,
        /** 0x8***-0xB***: Network Control Protocols (IPCP, IPv6CP, CCP, ...). */
        NETWORK_CONTROL,
        /** 0xC***-0xF***: link-layer control (LCP, PAP, CHAP, EAP, LQR). */
        LINK_CONTROL
    }

    public PppProtocol {
        OptionFields.checkRange(number, 0xFFFF, "PPP protocol");
    }

    /**
     * RFC 1661 §2: valid numbers have an odd least significant octet and an even most
     * significant octet (the low bit of each octet is the extension bit of the ISO 3309 encoding).
     */
    public boolean isValid() {
        return (number & 0x0001) == 1 && (number & 0x0100) == 0;
    }

    public Kind kind() {
        return Kind.values()[number >> 14];
    }

    /** True for the Network Control Protocols, whose packets share LCP's format (RFC 1661 §2). */
    public boolean isNetworkControl() {
        return kind() == Kind.NETWORK_CONTROL;
    }

    /**
     * The NCP that negotiates this network-layer protocol: RFC 1661 §2 pairs them by setting the
     * top bit (0x0021 IP with 0x8021 IPCP). Only meaningful for network-layer protocols.
     */
    public PppProtocol controlProtocol() {
        return new PppProtocol(number | 0x8000);
    }

    /** True when PFC may send this protocol in one octet (RFC 1661 §6.5: values below 0x100). */
    public boolean isCompressible() {
        return number < 0x100;
    }

    /** pppd's name in traces ({@code [LCP ...]}, {@code [IPCP ...]}), or {@code proto=0x...}. */
    public String traceName() {
        return switch (number) {
            case 0x0021 -> "IP";
            case 0x0057 -> "IPV6";
            case 0x8021 -> "IPCP";
            case 0x8057 -> "IPV6CP";
            case 0x80FD -> "CCP";
            case 0xC021 -> "LCP";
            case 0xC023 -> "PAP";
            case 0xC025 -> "LQR";
            case 0xC223 -> "CHAP";
            case 0xC227 -> "EAP";
            default -> "proto=" + PppdText.hex(number);
        };
    }

    @Override
    public String toString() {
        return traceName();
    }
}
