package org.jppp.protocol.wire;

import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;

/**
 * jppp's {@code clamp-mss N}: lowers the Maximum Segment Size option (RFC 9293 §3.7.1, kind 2,
 * length 4) of TCP SYN segments in IPv4 datagrams to {@code N}, so hosts behind a PPPoE link with
 * its 1492-octet MTU do not send segments that need fragmenting (the job of iptables' TCPMSS
 * target). The TCP checksum is recomputed. Anything else (not IPv4, not TCP, a fragment, no SYN,
 * no MSS option or one already small enough, a malformed header) passes unchanged.
 */
public final class TcpMssClamp {
    private static final int PROTOCOL_TCP = 6;
    private static final int OPTION_END = 0;
    private static final int OPTION_NOP = 1;
    private static final int OPTION_MSS = 2;
    private static final int SYN = 0x02;

    private TcpMssClamp() {
    }

    /** The stage for the IP stream: every datagram through {@link #clamp}. */
    public static Flow<ByteString, ByteString, NotUsed> flow(int mss) {
        return Flow.<ByteString>create().map(d -> clamp(d, mss));
    }

    /** Wraps the IP side of a session so that SYNs are clamped in both directions. */
    public static <M> Flow<ByteString, ByteString, M> around(Flow<ByteString, ByteString, M> ipSide, int mss) {
        return flow(mss).viaMat(ipSide, (a, b) -> b).via(flow(mss));
    }

    /** The datagram with its SYN's MSS option lowered to {@code mss}, or the datagram itself. */
    public static ByteString clamp(ByteString datagram, int mss) {
        int length = datagram.size();
        if (length < 20 || (datagram.apply(0) & 0xF0) != 0x40) {
            return datagram;
        }
        int ipHeader = (datagram.apply(0) & 0x0F) * 4;
        int total = u16(datagram, 2);
        boolean fragment = (u16(datagram, 6) & 0x1FFF) != 0;
        if (ipHeader < 20 || total > length || total < ipHeader + 20 || fragment
                || (datagram.apply(9) & 0xFF) != PROTOCOL_TCP) {
            return datagram;
        }
        int tcp = ipHeader;
        int tcpHeader = ((datagram.apply(tcp + 12) & 0xF0) >> 4) * 4;
        if ((datagram.apply(tcp + 13) & SYN) == 0 || tcpHeader < 20 || tcp + tcpHeader > total) {
            return datagram;
        }
        int value = mssValueOffset(datagram, tcp + 20, tcp + tcpHeader);
        if (value < 0 || u16(datagram, value) <= mss) {
            return datagram;
        }
        byte[] out = datagram.toArray();
        out[value] = (byte) (mss >> 8);
        out[value + 1] = (byte) mss;
        out[tcp + 16] = 0;
        out[tcp + 17] = 0;
        int sum = checksum(out, ipHeader, total);
        out[tcp + 16] = (byte) (sum >> 8);
        out[tcp + 17] = (byte) sum;
        return ByteString.fromArrayUnsafe(out);
    }

    /** Where the MSS option's value is, or -1; a truncated option list is left alone. */
    private static int mssValueOffset(ByteString d, int at, int end) {
        int i = at;
        while (i < end) {
            int kind = d.apply(i) & 0xFF;
            if (kind == OPTION_END) {
                return -1;
            }
            if (kind == OPTION_NOP) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return -1;
            }
            int len = d.apply(i + 1) & 0xFF;
            if (len < 2 || i + len > end) {
                return -1;
            }
            if (kind == OPTION_MSS) {
                return len == 4 ? i + 2 : -1;
            }
            i += len;
        }
        return -1;
    }

    /** The TCP checksum (RFC 9293 §3.1): pseudo-header, then the segment, ones' complement. */
    private static int checksum(byte[] d, int tcp, int total) {
        long sum = 0;
        for (int i = 12; i < 20; i += 2) {
            sum += ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
        }
        sum += PROTOCOL_TCP + (total - tcp);
        for (int i = tcp; i < total; i += 2) {
            int hi = d[i] & 0xFF;
            int lo = i + 1 < total ? d[i + 1] & 0xFF : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static int u16(ByteString d, int at) {
        return ((d.apply(at) & 0xFF) << 8) | (d.apply(at + 1) & 0xFF);
    }
}
