package org.jppp.bench;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.jppp.protocol.framing.Fcs16;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The RFC 1662 §C.2 FCS-16 (one table lookup per octet) against two baselines over the same
 * octets: {@code java.util.zip.CRC32}, which the JIT replaces with a carry-less-multiply
 * intrinsic (what a CRC can cost at best), and a plain buffer copy (what touching the octets
 * costs at all).
 */
public class FcsBench extends PacketBench {
    @Param({"64", "512", "1500"})
    public int size;

    private byte[] data;
    private final CRC32 crc32 = new CRC32();

    @Setup
    public void setUp() {
        data = Packets.pppFrameWithAddressAndControl(size);
        baseline = ByteBuffer.wrap(data);
    }

    @Benchmark
    public int fcs16() {
        return Fcs16.compute(data, 0, data.length);
    }

    @Benchmark
    public long baselineCrc32() {
        crc32.reset();
        crc32.update(data, 0, data.length);
        return crc32.getValue();
    }
}
