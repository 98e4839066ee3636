package org.jppp.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.jppp.protocol.framing.Fcs16;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The RFC 1662 §C.2 FCS-16 (one table lookup per octet) against two baselines over the same
 * octets: {@code java.util.zip.CRC32}, which the JIT replaces with a carry-less-multiply
 * intrinsic (what a CRC can cost at best), and a plain buffer copy (what touching the octets
 * costs at all).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class FcsBench {
    @Param({"64", "512", "1500"})
    public int size;

    private byte[] data;
    private ByteBuffer buffer;
    private final CRC32 crc32 = new CRC32();

    @Setup
    public void setUp() {
        data = Packets.pppFrameWithAddressAndControl(size);
        buffer = ByteBuffer.wrap(data);
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

    @Benchmark
    public ByteBuffer baselineCopy() {
        return Packets.copy(buffer);
    }
}
