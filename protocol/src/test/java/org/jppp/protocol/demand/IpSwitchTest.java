package org.jppp.protocol.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demand queue and the switch between it and successive links, over an in-memory device. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpSwitchTest {
    private final ActorSystem system = ActorSystem.create("ipswitch");
    private final Materializer mat = Materializer.matFromSystem(system);

    @AfterAll
    void stop() {
        system.terminate();
    }

    /** A device whose reads the test offers and whose writes it collects. */
    private final class Device {
        final LinkedBlockingQueue<ByteString> written = new LinkedBlockingQueue<>();
        final AtomicLong now = new AtomicLong();
        final BoundedSourceQueue<ByteString> reads;
        final IpSwitch ipSwitch;

        Device(int limit) {
            Pair<BoundedSourceQueue<ByteString>, Source<ByteString, org.apache.pekko.NotUsed>> source =
                    Source.<ByteString>queue(256).preMaterialize(mat);
            reads = source.first();
            Flow<ByteString, ByteString, ?> device = Flow.fromSinkAndSource(
                    Sink.foreach(written::add), source.second());
            // Odd first octets are "not worth a dial".
            ipSwitch = IpSwitch.run(device, limit, p -> (p.apply(0) & 1) == 0, now::get, mat);
        }

        void read(int... firsts) {
            for (int f : firsts) {
                reads.offer(ByteString.fromArray(new byte[] {(byte) f}));
            }
        }
    }

    /** A link borrowing the port: what it received from the device, and a queue to send to it. */
    private final class Link {
        final LinkedBlockingQueue<ByteString> received = new LinkedBlockingQueue<>();
        final BoundedSourceQueue<ByteString> send;

        Link(IpSwitch s) {
            Pair<BoundedSourceQueue<ByteString>, CompletionStage<org.apache.pekko.Done>> ends = Source.<ByteString>queue(64)
                    .via(s.port())
                    .toMat(Sink.foreach(received::add), Keep.both())
                    .run(mat);
            send = ends.first();
        }

        List<Integer> take(int n) throws InterruptedException {
            Integer[] out = new Integer[n];
            for (int i = 0; i < n; i++) {
                ByteString p = received.poll(10, TimeUnit.SECONDS);
                assertTrue(p != null, "packet " + i + " of " + n + " not received");
                out[i] = p.apply(0) & 0xFF;
            }
            return List.of(out);
        }
    }

    /** Time for a packet that should not go anywhere to show if it did (nothing to poll for). */
    private static void settle() throws InterruptedException {
        Thread.sleep(150);
    }

    /** Waits (10 s at most) for what the device's reader thread does in its own time. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(10);
        }
    }

    @Test
    void queue_keepsTheNewestUpToTheLimit_dropsAndCountsTheOldest_flushesInOrder() throws Exception {
        Device d = new Device(4);
        d.ipSwitch.hold();
        d.read(2, 4, 6, 8, 10, 12);
        awaitTrue(() -> d.ipSwitch.queued() + d.ipSwitch.queueDrops() == 6, "the six packets read");
        assertEquals(4, d.ipSwitch.queued());
        assertEquals(2, d.ipSwitch.queueDrops());
        Link link = new Link(d.ipSwitch);
        settle();
        assertTrue(link.received.isEmpty(), "nothing passes before IPCP is up");
        d.ipSwitch.pass(p -> p.concat(ByteString.fromArray(new byte[] {1})));
        assertEquals(List.of(6, 8, 10, 12), link.take(4));
        d.read(14);
        assertEquals(List.of(14), link.take(1));
    }

    @Test
    void queue_keepsOnlyActivePackets_andTheTriggerFiresOncePerArming() throws Exception {
        Device d = new Device(8);
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        d.ipSwitch.hold();
        d.ipSwitch.awaitTraffic(() -> {
            fired.incrementAndGet();
            first.countDown();
        });
        d.read(1, 3);
        settle();
        assertEquals(0, fired.get(), "inactive packets neither trigger nor queue");
        assertEquals(0, d.ipSwitch.queued());
        d.read(2, 4, 6);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        awaitTrue(() -> d.ipSwitch.queued() == 3, "the three active packets queued");
        settle();
        assertEquals(1, fired.get(), "one message per waiting period, not one per packet");
        assertEquals(3, d.ipSwitch.queued());
    }

    @Test
    void armingWithAPacketQueuedFiresAtOnce() throws Exception {
        Device d = new Device(8);
        d.ipSwitch.hold();
        d.read(2);
        awaitTrue(() -> d.ipSwitch.queued() == 1, "the packet queued before the arming");
        CountDownLatch fired = new CountDownLatch(1);
        d.ipSwitch.awaitTraffic(fired::countDown);
        assertTrue(fired.await(10, TimeUnit.SECONDS));
    }

    @Test
    void drop_discardsTheQueueAndCountsIt_andNothingPassesToAnOldLink() throws Exception {
        Device d = new Device(8);
        d.ipSwitch.hold();
        d.read(2, 4);
        awaitTrue(() -> d.ipSwitch.queued() == 2, "the two packets queued before the drop");
        d.ipSwitch.drop();
        d.read(6);
        settle();
        assertEquals(0, d.ipSwitch.queued());
        assertEquals(2, d.ipSwitch.queueDrops());
        Link link = new Link(d.ipSwitch);
        d.ipSwitch.pass(p -> p);
        d.read(8);
        assertEquals(List.of(8), link.take(1));
    }

    @Test
    void linksOneAfterAnother_writeToTheDevice_andCountAsActivity() throws Exception {
        Device d = new Device(8);
        d.now.set(5_000_000_000L);
        Link first = new Link(d.ipSwitch);
        d.ipSwitch.pass(p -> p);
        assertEquals(0, d.ipSwitch.idleNanos());
        d.now.set(9_000_000_000L);
        assertEquals(4_000_000_000L, d.ipSwitch.idleNanos());
        first.send.offer(ByteString.fromArray(new byte[] {42}));
        ByteString w = d.written.poll(10, TimeUnit.SECONDS);
        assertEquals(42, w.apply(0));
        assertEquals(0, d.ipSwitch.idleNanos(), "a packet from the link is activity");
        first.send.complete();
        Link second = new Link(d.ipSwitch);
        second.send.offer(ByteString.fromArray(new byte[] {43}));
        assertEquals(43, d.written.poll(10, TimeUnit.SECONDS).apply(0));
        d.now.set(12_000_000_000L);
        // The second link's side of the device broadcast attaches asynchronously (its packet to
        // the device went through already): a packet read before that reaches only the first.
        ByteString got = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (got == null && System.nanoTime() < deadline) {
            d.read(2);
            got = second.received.poll(200, TimeUnit.MILLISECONDS);
        }
        assertTrue(got != null, "the second link never received from the device");
        assertEquals(2, got.apply(0));
        assertEquals(0, d.ipSwitch.idleNanos(), "a packet to the link is activity");
        assertTrue(Duration.ofNanos(d.ipSwitch.idleNanos()).isZero());
    }
}
