package org.jppp.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the per-packet benchmarks share: average nanoseconds per operation, one fork, a short
 * warm-up and measurement (bench/run-jmh.sh passes others on), a state per thread, and the
 * baseline each result is read against, {@link Packets#copy} of the packet the operations work
 * on. A subclass's {@code @Setup} sets {@link #baseline}; JMH's annotations are inherited, and
 * {@link #baselineCopy} runs as a benchmark of each subclass under the subclass's name, so
 * bench/jmh-ratios.py finds it beside the class's own results.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public abstract class PacketBench {
    /** The packet the subclass's benchmarks work on, for the baseline to copy. */
    protected ByteBuffer baseline;

    @Benchmark
    public ByteBuffer baselineCopy() {
        return Packets.copy(baseline);
    }
}
