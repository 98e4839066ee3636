package org.jppp.bench;

import java.nio.ByteBuffer;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.wire.TcpMssClamp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code clamp-mss 1400} on the two kinds of IPv4 datagram that matter: a SYN offering MSS 1460
 * (rewritten, TCP checksum recomputed; happens once per connection) and a 1500-octet data segment
 * (ACK only, passed through untouched; every other packet). The baseline copies the same datagram.
 */
public class TcpMssClampBench extends PacketBench {
    private static final int MSS = 1400;

    @Param({"syn", "data"})
    public String packet;

    private ByteString datagram;

    @Setup
    public void setUp() {
        byte[] bytes = packet.equals("syn") ? syn() : data();
        datagram = ByteString.fromArray(bytes);
        baseline = ByteBuffer.wrap(bytes);
        ByteString clamped = TcpMssClamp.clamp(datagram, MSS);
        if (packet.equals("syn") == (clamped == datagram)) {
            throw new IllegalStateException("clamp-mss did not do what this benchmark assumes for " + packet);
        }
    }

    @Benchmark
    public ByteString clamp() {
        return TcpMssClamp.clamp(datagram, MSS);
    }

    /** A 60-octet SYN, 10.0.0.2:40000 -> 10.0.0.1:80, options MSS 1460, SACK-permitted, timestamps, NOP, window scale. */
    private static byte[] syn() {
        ByteBuffer b = ByteBuffer.allocate(60);
        ipv4Header(b, 60);
        b.putShort((short) 40000).putShort((short) 80).putInt(1).putInt(0);
        b.put((byte) 0xA0).put((byte) 0x02).putShort((short) 64240); // data offset 10 words, SYN, window
        b.putShort((short) 0).putShort((short) 0); // checksum (the clamp recomputes it), urgent pointer
        b.put(new byte[] {2, 4, 0x05, (byte) 0xB4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7});
        return b.array();
    }

    /** A 1500-octet ACK segment with 1460 octets of random payload. */
    private static byte[] data() {
        ByteBuffer b = ByteBuffer.allocate(1500);
        ipv4Header(b, 1500);
        b.putShort((short) 40000).putShort((short) 80).putInt(1000).putInt(2000);
        b.put((byte) 0x50).put((byte) 0x10).putShort((short) 502); // data offset 5 words, ACK, window
        b.putShort((short) 0).putShort((short) 0);
        b.put(Packets.random(1460, 7));
        return b.array();
    }

    private static void ipv4Header(ByteBuffer b, int total) {
        b.put((byte) 0x45).put((byte) 0).putShort((short) total);
        b.putShort((short) 1).putShort((short) 0x4000); // id, don't fragment
        b.put((byte) 64).put((byte) 6).putShort((short) 0); // TTL, TCP, header checksum (not checked)
        b.put(new byte[] {10, 0, 0, 2}).put(new byte[] {10, 0, 0, 1});
    }
}
