package org.jppp.protocol.demand;

import org.apache.pekko.util.ByteString;

/**
 * Whether an IP packet the host sends is worth bringing a demand link up for, by pppd's rules
 * without an active-filter (active_packet in demand.c with ip_active_pkt / ipv6_active_pkt): a
 * packet of an IP version whose NCP is not configured is not, nor a fragment other than the
 * first, nor a TCP segment that carries FIN and no data (a connection closing is no reason to
 * dial). Packets that are not active are not queued either, as pppd's loop_frame drops them.
 *
 * <p>One jppp addition: ICMPv6 router and neighbour discovery and multicast listener messages
 * (types 130-137 and 143) are not active. pppd never sees them, because the kernel runs no
 * address autoconfiguration on a ppp unit; it does on a TUN, and its router solicitations would
 * otherwise dial the link as soon as the interface is up.
 */
public final class ActivePacket {
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int TCP_HEADER = 20;
    private static final int PROTOCOL_TCP = 6;
    private static final int NEXT_HEADER_FRAGMENT = 44;
    private static final int NEXT_HEADER_ICMPV6 = 58;
    private static final int TCP_FIN = 0x01;

    private ActivePacket() {
    }

    /**
     * @param packet a raw IP datagram as read from the interface
     * @param ipv4   IPCP is configured
     * @param ipv6   IPV6CP is configured
     */
    public static boolean isActive(ByteString packet, boolean ipv4, boolean ipv6) {
        if (packet.isEmpty()) {
            return false;
        }
        return switch ((packet.apply(0) & 0xF0) >> 4) {
            case 4 -> ipv4 && ipv4Active(packet);
            case 6 -> ipv6 && ipv6Active(packet);
            default -> false;
        };
    }

    /** RFC 791 §3.1: a non-zero fragment offset is a later fragment; TCP's data offset and flags at 12-13. */
    private static boolean ipv4Active(ByteString p) {
        if (p.size() < IPV4_HEADER) {
            return false;
        }
        int headerLength = (p.apply(0) & 0x0F) * 4;
        if ((u16(p, 6) & 0x1FFF) != 0) {
            return false;
        }
        if ((p.apply(9) & 0xFF) != PROTOCOL_TCP) {
            return true;
        }
        int total = Math.min(u16(p, 2), p.size());
        return tcpActive(p, headerLength, total);
    }

    /** RFC 8200 §3: the fixed header's Next Header at 6; only the first header is looked at, as pppd does. */
    private static boolean ipv6Active(ByteString p) {
        if (p.size() < IPV6_HEADER) {
            return false;
        }
        int next = p.apply(6) & 0xFF;
        if (next == NEXT_HEADER_FRAGMENT) {
            return false;
        }
        if (next == NEXT_HEADER_ICMPV6) {
            int type = p.size() > IPV6_HEADER ? p.apply(IPV6_HEADER) & 0xFF : 0;
            return !(type >= 130 && type <= 137 || type == 143);
        }
        if (next != PROTOCOL_TCP) {
            return true;
        }
        return tcpActive(p, IPV6_HEADER, p.size());
    }

    /** RFC 9293 §3.1: Data Offset in the high nibble of octet 12, FIN in the low bit of octet 13. */
    private static boolean tcpActive(ByteString p, int tcp, int end) {
        if (end < tcp + TCP_HEADER) {
            return false;
        }
        int dataOffset = ((p.apply(tcp + 12) & 0xF0) >> 4) * 4;
        boolean fin = (p.apply(tcp + 13) & TCP_FIN) != 0;
        return !(fin && end == tcp + dataOffset);
    }

    private static int u16(ByteString d, int at) {
        return (d.apply(at) & 0xFF) << 8 | (d.apply(at + 1) & 0xFF);
    }
}
