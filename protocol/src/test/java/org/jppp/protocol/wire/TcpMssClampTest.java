package org.jppp.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

class TcpMssClampTest {
    /** An IPv4 TCP SYN from 10.99.0.10:40000 to 10.99.0.1:80 with MSS {@code mssHi mssLo}, TCP checksum {@code c}. */
    private static byte[] syn(int mssHi, int mssLo, int checksumHi, int checksumLo, int flags) {
        return new byte[] {
            0x45, 0x00,             // IPv4, IHL 5; DSCP 0
            0x00, 0x34,             // total length 52
            0x12, 0x34,             // identification
            0x40, 0x00,             // flags DF, fragment offset 0
            0x40, 0x06,             // TTL 64, protocol 6 = TCP
            0x00, 0x00,             // header checksum (not checked by the clamp)
            10, 99, 0, 10,          // source 10.99.0.10
            10, 99, 0, 1,           // destination 10.99.0.1
            (byte) 0x9c, 0x40,      // TCP source port 40000
            0x00, 0x50,             // destination port 80
            0x00, 0x00, 0x00, 0x01, // sequence number 1
            0x00, 0x00, 0x00, 0x00, // acknowledgment number 0
            (byte) 0x80,            // data offset 8 words (32 octets)
            (byte) flags,           // flags (0x02 = SYN)
            (byte) 0xfa, (byte) 0xf0, // window 64240
            (byte) checksumHi, (byte) checksumLo, // TCP checksum
            0x00, 0x00,             // urgent pointer
            0x01,                   // option NOP (puts the MSS value at an odd offset)
            0x02, 0x04,             // option MSS, length 4
            (byte) mssHi, (byte) mssLo, // MSS value
            0x01, 0x01,             // NOP, NOP
            0x04, 0x02,             // SACK permitted
            0x01, 0x01,             // NOP, NOP
            0x00,                   // end of options
        };
    }

    @Test
    void synWithLargerMssIsLoweredAndItsChecksumRecomputed() {
        ByteString in = ByteString.fromArray(syn(0x05, 0xb4, 0x16, 0x76, 0x02)); // MSS 1460
        byte[] expected = syn(0x05, 0xac, 0x1e, 0x76, 0x02);                     // MSS 1452
        assertArrayEquals(expected, TcpMssClamp.clamp(in, 1452).toArray());
    }

    @Test
    void smallerMssNonSynAndNonTcpPassUnchanged() {
        ByteString small = ByteString.fromArray(syn(0x05, 0xac, 0x1e, 0x76, 0x02));
        assertSame(small, TcpMssClamp.clamp(small, 1452));
        ByteString ack = ByteString.fromArray(syn(0x05, 0xb4, 0x16, 0x76, 0x10));
        assertSame(ack, TcpMssClamp.clamp(ack, 1452));
        byte[] udp = syn(0x05, 0xb4, 0x16, 0x76, 0x02);
        udp[9] = 17;
        ByteString notTcp = ByteString.fromArray(udp);
        assertSame(notTcp, TcpMssClamp.clamp(notTcp, 1452));
    }

    @Test
    void malformedOrTruncatedDatagramsPassUnchanged() {
        byte[] whole = syn(0x05, 0xb4, 0x16, 0x76, 0x02);
        for (int cut = 0; cut < whole.length; cut++) {
            ByteString truncated = ByteString.fromArray(whole, 0, cut);
            assertSame(truncated, TcpMssClamp.clamp(truncated, 1452), "cut at " + cut);
        }
        byte[] badOption = whole.clone();
        badOption[42] = 0x09; // MSS option length 9 runs past the header
        ByteString bad = ByteString.fromArray(badOption);
        assertSame(bad, TcpMssClamp.clamp(bad, 1452));
        byte[] fragment = whole.clone();
        fragment[7] = 0x10; // fragment offset 16: no TCP header here
        ByteString frag = ByteString.fromArray(fragment);
        assertSame(frag, TcpMssClamp.clamp(frag, 1452));
    }
}
