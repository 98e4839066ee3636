package org.jppp.actors.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.AsPublisher;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * A serial line in memory between two ends: what one end writes the other reads, in order.
 * Each direction can lose chunks by their sequence number (each chunk an HDLC frame, as the
 * encoder writes one frame per chunk) and re-chunks the bytes into small random pieces, as a
 * tty delivers them. Closing one end's writing side ends the other's reading side.
 */
final class InMemoryLine {
    private final AtomicBoolean cut = new AtomicBoolean();
    private final Flow<ByteString, ByteString, NotUsed> a;
    private final Flow<ByteString, ByteString, NotUsed> b;

    InMemoryLine(ClassicActorSystemProvider system, Set<Integer> lostFromA, Set<Integer> lostFromB, long seed) {
        Pair<Sink<ByteString, NotUsed>, Source<ByteString, NotUsed>> ab = pipe(system, lostFromA, seed);
        Pair<Sink<ByteString, NotUsed>, Source<ByteString, NotUsed>> ba = pipe(system, lostFromB, seed + 1);
        a = Flow.fromSinkAndSourceCoupled(ab.first(), ba.second());
        b = Flow.fromSinkAndSourceCoupled(ba.first(), ab.second());
    }

    Flow<ByteString, ByteString, NotUsed> endA() {
        return a;
    }

    Flow<ByteString, ByteString, NotUsed> endB() {
        return b;
    }

    /** From now on nothing gets through either way, and neither end notices: a dead peer. */
    void cut() {
        cut.set(true);
    }

    private Pair<Sink<ByteString, NotUsed>, Source<ByteString, NotUsed>> pipe(
            ClassicActorSystemProvider system, Set<Integer> lost, long seed) {
        Pair<Subscriber<ByteString>, Publisher<ByteString>> ends = Source.<ByteString>asSubscriber()
                .toMat(Sink.asPublisher(AsPublisher.WITHOUT_FANOUT), Keep.both()).run(system);
        AtomicInteger sequence = new AtomicInteger();
        Random random = new Random(seed);
        Sink<ByteString, NotUsed> in = Flow.of(ByteString.class)
                .filter(chunk -> !lost.contains(sequence.incrementAndGet()) && !cut.get())
                .mapConcat(chunk -> rechunk(chunk, random))
                .to(Sink.fromSubscriber(ends.first()));
        return Pair.create(in, Source.fromPublisher(ends.second()));
    }

    /** Pieces of 1 to 7 octets. */
    private static List<ByteString> rechunk(ByteString chunk, Random random) {
        List<ByteString> pieces = new ArrayList<>();
        ByteString rest = chunk;
        while (!rest.isEmpty()) {
            int n = Math.min(rest.size(), 1 + random.nextInt(7));
            pieces.add(rest.take(n));
            rest = rest.drop(n);
        }
        return pieces;
    }
}
