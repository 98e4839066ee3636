package org.jppp.io.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.stream.javadsl.AsPublisher;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.IoTestSupport;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.LibcVarargs;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

class FdChannelTest extends IoTestSupport {
    private static final long FIONREAD = 0x541B;

    @Test
    void slowConsumer_getsEveryByteInOrder() throws Exception {
        int[] pipe = pipe();
        byte[] data = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(data);
        try (FdChannel reader = FdChannel.open(loop, "pipe r", pipe[0], Framing.BYTES, () -> {});
                FdChannel writer = FdChannel.open(loop, "pipe w", pipe[1], Framing.BYTES, () -> {})) {
            List<ByteString> chunks = new ArrayList<>();
            for (int offset = 0; offset < data.length; offset += 1000) {
                chunks.add(ByteString.fromArray(data, offset, Math.min(1000, data.length - offset)));
            }
            CompletionStage<Done> written = Source.from(chunks).runWith(writer.sink(), system);
            CompletionStage<ByteString> received = reader.source()
                    .throttle(8, Duration.ofMillis(20))
                    .runFold(ByteString.emptyByteString(), ByteString::concat, system);
            await(written);
            writer.close(); // end of file for the reader
            assertArrayEquals(data, await(received).toArray());
        }
    }

    @Test
    void sink_withoutReader_buffersOnlyUpToItsBound_thenBackPressures() throws Exception {
        int[] pipe = pipe();
        AtomicLong pulled = new AtomicLong();
        ByteString chunk = ByteString.fromArray(new byte[1000]);
        try (FdChannel writer = FdChannel.open(loop, "pipe w", pipe[1], Framing.BYTES, () -> {})) {
            CompletionStage<Done> written = Source.repeat(chunk)
                    .map(c -> {
                        pulled.addAndGet(c.size());
                        return c;
                    })
                    .runWith(writer.sink(), system);
            long pipeCapacity = 65536;
            long bound = 65536;
            // Until the pipe is full and the sink has taken what it buffers: the count then stays
            // put for a whole second (polled, not one fixed sleep, for a loaded machine).
            long firstLook = awaitSettled(pulled, pipeCapacity);
            assertTrue(firstLook >= pipeCapacity, "filled the pipe: " + firstLook);
            assertTrue(firstLook <= pipeCapacity + bound + 2 * chunk.size(), "bounded: " + firstLook);
            Thread.sleep(500);
            assertEquals(firstLook, pulled.get(), "nothing pulled while the fd is not writable");
            writer.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(written));
            assertEquals("pipe w closed", e.getCause().getMessage());
        } finally {
            Libc.close(pipe[0]);
        }
    }

    /** The value of {@code counter} once it is at least {@code min} and has not moved for 1 s (20 s at most). */
    private static long awaitSettled(AtomicLong counter, long min) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long last = counter.get();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            long now = counter.get();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (now >= min && System.nanoTime() - stableSince >= TimeUnit.SECONDS.toNanos(1)) {
                return now;
            }
        }
        return counter.get();
    }

    @Test
    void source_readsOnlyWhatDownstreamDemands() throws Exception {
        int[] pipe = pipe();
        try (FdChannel reader = FdChannel.open(loop, "pipe r", pipe[0], Framing.BYTES, () -> {})) {
            Libc.write(pipe[1], memoryOf(new byte[100]), 100);
            Publisher<ByteString> publisher = reader.source().runWith(Sink.asPublisher(AsPublisher.WITHOUT_FANOUT), system);
            ManualSubscriber subscriber = new ManualSubscriber();
            publisher.subscribe(subscriber);
            Subscription subscription = subscriber.subscription.poll(20, TimeUnit.SECONDS);
            Thread.sleep(200);
            assertEquals(100, unread(pipe[0]), "nothing read without demand");

            subscription.request(1);
            assertEquals(100, subscriber.elements.poll(20, TimeUnit.SECONDS).size());
            assertEquals(0, unread(pipe[0]));

            Libc.write(pipe[1], memoryOf(new byte[200]), 200);
            Thread.sleep(200);
            assertEquals(200, unread(pipe[0]), "readable, but no demand: left in the kernel");
            assertTrue(subscriber.elements.isEmpty());

            subscription.request(1);
            assertEquals(200, subscriber.elements.poll(20, TimeUnit.SECONDS).size());
            subscription.cancel();
        } finally {
            Libc.close(pipe[1]);
        }
    }

    @Test
    void source_endsWhenWriterCloses() throws Exception {
        int[] pipe = pipe();
        try (FdChannel reader = FdChannel.open(loop, "pipe r", pipe[0], Framing.BYTES, () -> {})) {
            CompletionStage<List<ByteString>> all = reader.source().runWith(Sink.seq(), system);
            Thread.sleep(50);
            Libc.write(pipe[1], memoryOf(new byte[] {1, 2, 3}), 3);
            Libc.close(pipe[1]);
            assertEquals(List.of(ByteString.fromArray(new byte[] {1, 2, 3})), await(all));
        }
    }

    @Test
    void close_endsWaitingSource_andRunsReleaseBeforeClosingFd() throws Exception {
        int[] pipe = pipe();
        boolean[] fdOpenDuringRelease = new boolean[1];
        FdChannel reader = FdChannel.open(loop, "pipe r", pipe[0], Framing.BYTES,
                () -> fdOpenDuringRelease[0] = LibcVarargs.INSTANCE.fcntl(pipe[0], Libc.F_GETFL) >= 0);
        try {
            CompletionStage<List<ByteString>> all = reader.source().runWith(Sink.seq(), system);
            Thread.sleep(100); // the source is now parked waiting for readiness
            reader.close();
            assertEquals(List.of(), await(all));
            assertTrue(fdOpenDuringRelease[0]);
            assertFalse(reader.isOpen());
            assertTrue(LibcVarargs.INSTANCE.fcntl(pipe[0], Libc.F_GETFL) < 0, "fd closed");
        } finally {
            Libc.close(pipe[1]);
        }
    }

    /**
     * Two sources run at once: whichever of them starts second fails at once (the streams
     * materialize asynchronously, so which one that is is not ours to choose); the one running
     * ends normally when the pipe does.
     */
    @Test
    void secondSource_failsWhileFirstRuns() throws Exception {
        int[] pipe = pipe();
        try (FdChannel reader = FdChannel.open(loop, "pipe r", pipe[0], Framing.BYTES, () -> {})) {
            List<CompletableFuture<List<ByteString>>> sources = List.of(
                    reader.source().runWith(Sink.seq(), system).toCompletableFuture(),
                    reader.source().runWith(Sink.seq(), system).toCompletableFuture());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (sources.stream().noneMatch(CompletableFuture::isCompletedExceptionally)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            CompletableFuture<List<ByteString>> second = sources.stream()
                    .filter(CompletableFuture::isCompletedExceptionally).findFirst()
                    .orElseThrow(() -> new AssertionError("neither source failed"));
            CompletableFuture<List<ByteString>> first = sources.get(second == sources.get(0) ? 1 : 0);
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(second));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("pipe r already has a source running", e.getCause().getMessage());
            assertFalse(first.isDone(), "the first source still runs");
            Libc.close(pipe[1]);
            assertEquals(List.of(), await(first));
        }
    }

    @Test
    void sink_onClosedChannel_fails() throws Exception {
        int[] pipe = pipe();
        FdChannel writer = FdChannel.open(loop, "pipe w", pipe[1], Framing.BYTES, () -> {});
        writer.close();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(Source.single(ByteString.fromString("x")).runWith(writer.sink(), system)));
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals("pipe w closed", e.getCause().getMessage());
        Libc.close(pipe[0]);
    }

    private static Memory memoryOf(byte[] bytes) {
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }

    private static int unread(int fd) {
        IntByReference count = new IntByReference();
        LibcVarargs.INSTANCE.ioctl(fd, new NativeLong(FIONREAD), count);
        return count.getValue();
    }

    private static final class ManualSubscriber implements Subscriber<ByteString> {
        final BlockingQueue<Subscription> subscription = new LinkedBlockingQueue<>();
        final BlockingQueue<ByteString> elements = new LinkedBlockingQueue<>();

        @Override
        public void onSubscribe(Subscription s) {
            subscription.add(s);
        }

        @Override
        public void onNext(ByteString element) {
            elements.add(element);
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
    }
}
