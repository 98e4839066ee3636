package org.jppp.protocol.demand;

import java.net.Inet4Address;
import org.apache.pekko.util.ByteString;

/**
 * A queued IPv4 packet's source address moved from the interface's old local address to the
 * one IPCP negotiated. pppd (demand_rexmit) rewrites the source of every queued IPv4 packet to
 * the new local address; jppp rewrites only packets whose source is the old local address (the
 * placeholder, or the previous link's address), so a router's forwarded packets keep theirs. The
 * IPv4 header checksum and, in a first fragment, the TCP checksum and a non-zero UDP checksum
 * are updated incrementally (RFC 1624 eqn. 3), since the source address is in their
 * pseudo-header (RFC 9293 §3.1, RFC 768).
 */
public final class SourceRewrite {
    private static final int IPV4_HEADER = 20;
    private static final int SOURCE = 12;
    private static final int CHECKSUM = 10;
    private static final int PROTOCOL_TCP = 6;
    private static final int PROTOCOL_UDP = 17;
    private static final int TCP_CHECKSUM = 16;
    private static final int UDP_CHECKSUM = 6;

    private SourceRewrite() {
    }

    /** {@code packet} with source {@code from} rewritten to {@code to}; any other packet unchanged. */
    public static ByteString rewrite(ByteString packet, Inet4Address from, Inet4Address to) {
        if (packet.size() < IPV4_HEADER || (packet.apply(0) & 0xF0) != 0x40) {
            return packet;
        }
        byte[] old = from.getAddress();
        for (int i = 0; i < 4; i++) {
            if (packet.apply(SOURCE + i) != old[i]) {
                return packet;
            }
        }
        byte[] d = packet.toArray();
        byte[] now = to.getAddress();
        System.arraycopy(now, 0, d, SOURCE, 4);
        adjust(d, CHECKSUM, old, now);
        int headerLength = (d[0] & 0x0F) * 4;
        boolean firstFragment = ((d[6] & 0x1F) << 8 | (d[7] & 0xFF)) == 0;
        int protocol = d[9] & 0xFF;
        if (firstFragment && protocol == PROTOCOL_TCP && d.length >= headerLength + TCP_CHECKSUM + 2) {
            adjust(d, headerLength + TCP_CHECKSUM, old, now);
        } else if (firstFragment && protocol == PROTOCOL_UDP && d.length >= headerLength + UDP_CHECKSUM + 2
                && (d[headerLength + UDP_CHECKSUM] != 0 || d[headerLength + UDP_CHECKSUM + 1] != 0)) {
            adjust(d, headerLength + UDP_CHECKSUM, old, now);
            // RFC 768: a computed zero is sent as all ones, zero meaning "no checksum".
            if (d[headerLength + UDP_CHECKSUM] == 0 && d[headerLength + UDP_CHECKSUM + 1] == 0) {
                d[headerLength + UDP_CHECKSUM] = (byte) 0xFF;
                d[headerLength + UDP_CHECKSUM + 1] = (byte) 0xFF;
            }
        }
        return ByteString.fromArrayUnsafe(d);
    }

    /** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), 16 bits at a time, folding the carries. */
    private static void adjust(byte[] d, int at, byte[] old, byte[] now) {
        int sum = ~u16(d, at) & 0xFFFF;
        for (int i = 0; i < 4; i += 2) {
            sum += ~((old[i] & 0xFF) << 8 | (old[i + 1] & 0xFF)) & 0xFFFF;
            sum += (now[i] & 0xFF) << 8 | (now[i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        int checksum = ~sum & 0xFFFF;
        d[at] = (byte) (checksum >> 8);
        d[at + 1] = (byte) checksum;
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    }
}
