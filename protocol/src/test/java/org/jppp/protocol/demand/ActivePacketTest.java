package org.jppp.protocol.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/** pppd's active_pkt rules (demand.c, ipcp.c, ipv6cp.c) and the queued packets' new source address. */
class ActivePacketTest {

    /** An IPv4 header (RFC 791 §3.1) of protocol {@code proto}, then {@code payload}. */
    private static byte[] ipv4(int proto, int fragmentField, byte[] payload) {
        byte[] header = {
            0x45, 0x00,                        // version 4, IHL 5; TOS
            0x00, (byte) (20 + payload.length), // total length
            0x12, 0x34,                        // identification
            (byte) (fragmentField >> 8), (byte) fragmentField, // flags, fragment offset
            0x40, (byte) proto,                // TTL 64; protocol
            0x00, 0x00,                        // header checksum (filled below)
            10, 64, 64, 64,                    // source 10.64.64.64 (the demand placeholder of ppp0)
            10, 0, 0, 1,                       // destination 10.0.0.1
        };
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += (header[i] & 0xFF) << 8 | (header[i + 1] & 0xFF);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
        header[10] = (byte) (sum >> 8);
        header[11] = (byte) sum;
        byte[] out = new byte[20 + payload.length];
        System.arraycopy(header, 0, out, 0, 20);
        System.arraycopy(payload, 0, out, 20, payload.length);
        return out;
    }

    private static byte[] tcp(int flags, int dataOctets) {
        byte[] t = new byte[20 + dataOctets];
        t[0] = 0x30; t[1] = 0x39;          // source port 12345
        t[2] = 0x00; t[3] = 0x50;          // destination port 80
        t[12] = 0x50;                      // data offset 5 words
        t[13] = (byte) flags;              // flags
        return t;
    }

    private static boolean active4(byte[] p) {
        return ActivePacket.isActive(ByteString.fromArray(p), true, false);
    }

    @Test
    void ipv4_ordinaryPacketsAreActive() {
        assertTrue(active4(ipv4(1, 0, new byte[8])));                // ICMP echo
        assertTrue(active4(ipv4(6, 0, tcp(0x02, 0))));              // TCP SYN
        assertTrue(active4(ipv4(6, 0, tcp(0x11, 5))));              // FIN with data
    }

    @Test
    void ipv4_laterFragmentsAndBareFinAreNot() {
        assertFalse(active4(ipv4(1, 0x00B9, new byte[8])));          // offset 185
        assertTrue(active4(ipv4(1, 0x2000, new byte[8])));           // MF, offset 0: the first fragment
        assertFalse(active4(ipv4(6, 0, tcp(0x11, 0))));             // FIN+ACK, no data
        assertFalse(active4(new byte[] {0x45, 0}));                  // runt
    }

    @Test
    void aProtocolWhoseNcpIsNotConfiguredIsNotActive() {
        assertFalse(ActivePacket.isActive(ByteString.fromArray(ipv4(1, 0, new byte[8])), false, true));
        byte[] v6 = new byte[48];
        v6[0] = 0x60;
        v6[6] = 17;                                                  // next header UDP
        assertFalse(ActivePacket.isActive(ByteString.fromArray(v6), true, false));
        assertTrue(ActivePacket.isActive(ByteString.fromArray(v6), false, true));
    }

    @Test
    void ipv6_kernelHousekeepingAndFragmentsAreNot() {
        byte[] rs = new byte[48];
        rs[0] = 0x60;
        rs[6] = 58;                                                  // next header ICMPv6
        rs[40] = (byte) 133;                                         // router solicitation
        assertFalse(ActivePacket.isActive(ByteString.fromArray(rs), false, true));
        rs[40] = (byte) 128;                                         // echo request
        assertTrue(ActivePacket.isActive(ByteString.fromArray(rs), false, true));
        rs[6] = 44;                                                  // fragment header
        assertFalse(ActivePacket.isActive(ByteString.fromArray(rs), false, true));
    }

    private static int checksum(byte[] d, int from, int to, int initial) {
        int sum = initial;
        for (int i = from; i < to; i += 2) {
            sum += (d[i] & 0xFF) << 8 | (i + 1 < to ? d[i + 1] & 0xFF : 0);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return sum;
    }

    /** The TCP pseudo-header sum (RFC 9293 §3.1) plus the segment: all ones when the checksum is right. */
    private static int tcpSum(byte[] d) {
        int pseudo = checksum(d, 12, 20, 0) + 6 + (d.length - 20);
        return checksum(d, 20, d.length, pseudo);
    }

    @Test
    void sourceRewrite_changesThePlaceholderAndKeepsChecksumsRight() throws Exception {
        Inet4Address placeholder = (Inet4Address) InetAddress.getByName("10.64.64.64");
        Inet4Address negotiated = (Inet4Address) InetAddress.getByName("10.67.15.9");
        byte[] segment = ipv4(6, 0, tcp(0x02, 0));
        // Fill the TCP checksum so that the segment is correct before the rewrite.
        int before = ~tcpSum(segment) & 0xFFFF;
        segment[36] = (byte) (before >> 8);
        segment[37] = (byte) before;
        assertEquals(0xFFFF, tcpSum(segment));
        byte[] out = SourceRewrite.rewrite(ByteString.fromArray(segment), placeholder, negotiated).toArray();
        assertEquals(negotiated, InetAddress.getByAddress(java.util.Arrays.copyOfRange(out, 12, 16)));
        assertEquals(0xFFFF, checksum(out, 0, 20, 0), "IPv4 header checksum");
        assertEquals(0xFFFF, tcpSum(out), "TCP checksum over the new pseudo-header");
    }

    @Test
    void sourceRewrite_leavesOtherSourcesAlone() throws Exception {
        byte[] p = ipv4(1, 0, new byte[8]);
        ByteString in = ByteString.fromArray(p);
        Inet4Address other = (Inet4Address) InetAddress.getByName("192.168.1.5");
        Inet4Address to = (Inet4Address) InetAddress.getByName("10.67.15.9");
        assertEquals(in, SourceRewrite.rewrite(in, other, to));
    }
}
