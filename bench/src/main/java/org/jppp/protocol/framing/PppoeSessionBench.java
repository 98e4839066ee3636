package org.jppp.protocol.framing;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.jppp.bench.PacketBench;
import org.jppp.bench.Packets;
import org.jppp.protocol.pppoe.MacAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * PPPoE session encapsulation and decapsulation (RFC 2516 §7), one frame per operation, through
 * the pure functions behind {@link PppoeSessionFraming}'s two flows (package-private, hence this
 * package). Decapsulation is {@code EthernetHeader.parse} plus {@code PppoeSession.parse} plus the
 * MAC and session checks, the same parsers the io module's endpoint runs on every received frame.
 *
 * <p>{@code size} is the PPP frame (protocol + information); the Ethernet frame is 20 octets
 * longer; 1494 is the largest that fits (MRU 1492 plus the protocol field). The baseline copies the PPP frame's octets into a new buffer.
 */
public class PppoeSessionBench extends PacketBench {
    @Param({"64", "512", "1494"})
    public int size;

    private final PppoeSessionFraming.Endpoint client = new PppoeSessionFraming.Endpoint(
            MacAddress.parse("02:00:00:00:00:01"), MacAddress.parse("02:00:00:00:00:02"), 0x1234);
    private final Counters<PppoeCounter> counters = Counters.pppoe();
    private ByteString frame;
    private ByteString ethernet;

    @Setup
    public void setUp() {
        byte[] bytes = Packets.pppFrame(size);
        frame = ByteString.fromArray(bytes);
        baseline = ByteBuffer.wrap(bytes);
        // A frame from the AC to the client: encapsulated by the AC's end of the session.
        ethernet = PppoeSessionFraming.encapsulate(client.mirror(), counters, frame).get(0);
        List<ByteString> back = PppoeSessionFraming.decapsulate(client, counters, ethernet);
        if (back.size() != 1 || !back.get(0).equals(frame)) {
            throw new IllegalStateException("decapsulation did not return the frame: " + counters);
        }
    }

    @Benchmark
    public List<ByteString> encapsulate() {
        return PppoeSessionFraming.encapsulate(client, counters, frame);
    }

    @Benchmark
    public List<ByteString> decapsulate() {
        return PppoeSessionFraming.decapsulate(client, counters, ethernet);
    }
}
