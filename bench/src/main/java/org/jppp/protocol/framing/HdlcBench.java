package org.jppp.protocol.framing;

import java.nio.ByteBuffer;
import org.apache.pekko.util.ByteString;
import org.jppp.bench.PacketBench;
import org.jppp.bench.Packets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * RFC 1662 async HDLC framing, one frame per operation, outside the stream runtime: the pure
 * {@link HdlcEncoder#encode} that the encoder stage calls per frame, and the
 * {@link HdlcDeframer} state machine that the decoder stage feeds each chunk to (so this class
 * sits in the framing package: the deframer is package-private). Each decode chunk is one whole
 * frame with both Flags, as a read from a quiet serial line would return it.
 *
 * <p>The send ACCM is 0 (the usual negotiated map: only 0x7E and 0x7D are escaped) and the FCS
 * is 16 bits. The baseline copies the PPP frame's octets into a new buffer.
 */
public class HdlcBench extends PacketBench {
    @Param({"64", "512", "1500"})
    public int size;

    private ByteString frame;
    private ByteString wire;
    private HdlcDeframer deframer;
    private ByteString decoded;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] bytes = Packets.pppFrameWithAddressAndControl(size);
        frame = ByteString.fromArray(bytes);
        baseline = ByteBuffer.wrap(bytes);
        wire = HdlcEncoder.encode(frame, 0, FcsMode.FCS_16);
        HdlcSettings settings = new HdlcSettings().receiveAccm(0).sendAccm(0);
        deframer = new HdlcDeframer(settings, Counters.hdlc());
        deframer.accept(wire, f -> decoded = f);
        if (!frame.equals(decoded)) {
            throw new IllegalStateException("the deframer did not return the encoded frame");
        }
    }

    @Benchmark
    public ByteString encode() {
        return HdlcEncoder.encode(frame, 0, FcsMode.FCS_16);
    }

    @Benchmark
    public ByteString decode() {
        deframer.accept(wire, f -> decoded = f);
        return decoded;
    }
}
