package org.jppp.protocol.framing;

import static org.jppp.protocol.framing.HdlcCodecTest.CONFREQ;
import static org.jppp.protocol.framing.HdlcCodecTest.CONFREQ_WIRE;
import static org.jppp.protocol.testutil.Golden.byteString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HDLC-like framing stages running in Pekko Streams. */
class HdlcStreamTest extends StreamTestBase {
    private HdlcSettings settings;
    private Counters<HdlcCounter> counters;

    /** The class instance lives for all tests (one ActorSystem); settings must not leak between them. */
    @BeforeEach
    void freshLink() {
        settings = new HdlcSettings();
        counters = Counters.hdlc();
    }

    /**
     * A serial line that merges and re-cuts the byte stream at random places, in both
     * directions: what a tty read() returns bears no relation to frame boundaries.
     */
    private static BidiFlow<ByteString, ByteString, ByteString, ByteString, NotUsed> line(long seed) {
        return BidiFlow.fromFlows(rechunking(new Random(seed)), rechunking(new Random(seed + 1)));
    }

    private static Flow<ByteString, ByteString, NotUsed> rechunking(Random random) {
        return Flow.of(ByteString.class).grouped(3).map(Line::concat)
                .mapConcat(bytes -> Line.rechunk(bytes, random, 40));
    }

    /** Our stack joined back to back with the peer's mirror through a re-chunking line. */
    private List<ByteString> roundTrip(HdlcSettings peer, Counters<HdlcCounter> peerCounters, List<ByteString> frames)
            throws Exception {
        Flow<ByteString, ByteString, NotUsed> stack = HdlcFraming.create(settings, counters)
                .atop(line(7))
                .atop(HdlcFraming.create(peer, peerCounters).reversed())
                .join(Flow.of(ByteString.class));
        return run(Source.from(frames).via(stack));
    }

    @Test
    void stackJoinedToItsMirror_roundTripsRandomFrames() throws Exception {
        List<ByteString> frames = Line.randomFrames(new Random(11), 300, 2, 1500);
        Counters<HdlcCounter> peerCounters = Counters.hdlc();
        assertEquals(frames, roundTrip(new HdlcSettings(), peerCounters, frames));
        Map<HdlcCounter, Long> bothWays = Map.of(HdlcCounter.FRAMES_OUT, 300L, HdlcCounter.FRAMES_IN, 300L);
        assertEquals(bothWays, counters.nonZero());
        assertEquals(bothWays, peerCounters.nonZero());
    }

    @Test
    void stackJoinedToItsMirror_withFcs32AndEmptyAccm() throws Exception {
        settings.sendAccm(0).receiveAccm(0).sendFcs(FcsMode.FCS_32).receiveFcs(FcsMode.FCS_32);
        HdlcSettings peer = new HdlcSettings().sendAccm(0).receiveAccm(0).sendFcs(FcsMode.FCS_32)
                .receiveFcs(FcsMode.FCS_32);
        List<ByteString> frames = Line.randomFrames(new Random(12), 200, 2, 600);
        assertEquals(frames, roundTrip(peer, Counters.hdlc(), frames));
    }

    @Test
    void oneChunkHoldingManyFrames_thenCompletion_deliversThemAll() throws Exception {
        List<ByteString> frames = Line.randomFrames(new Random(13), 100, 2, 80);
        ByteString wire = Line.encodeAll(frames, HdlcSettings.DEFAULT_ACCM, FcsMode.FCS_16);
        Flow<ByteString, ByteString, NotUsed> decoder = Flow.fromGraph(new HdlcDecoder(settings, counters));
        assertEquals(frames, run(Source.single(wire).via(decoder)));
        assertEquals(frames, run(Source.from(Line.split(wire, 1)).via(decoder)));
    }

    @Test
    void partialFrameAtEndOfStream_isDiscarded() throws Exception {
        ByteString cut = CONFREQ_WIRE.concat(CONFREQ_WIRE.take(10));
        assertEquals(List.of(CONFREQ), run(Source.single(cut).via(new HdlcDecoder(settings, counters))));
    }

    @Test
    void sendAccmChange_whileRunning_appliesFromTheNextFrame() throws Exception {
        List<ByteString> out = run(Source.range(0, 5)
                .map(i -> {
                    if (i == 3) {
                        settings.sendAccm(0);
                    }
                    return CONFREQ;
                })
                .via(new HdlcEncoder(settings, counters)));
        ByteString escapedControl = byteString(0x7e, 0xff, 0x7d, 0x23);
        ByteString rawControl = byteString(0x7e, 0xff, 0x03);
        for (int i = 0; i < 5; i++) {
            ByteString expectedStart = i < 3 ? escapedControl : rawControl;
            assertEquals(expectedStart, out.get(i).take(expectedStart.size()), "frame " + i);
        }
        assertEquals(CONFREQ_WIRE, out.get(0));
    }

    @Test
    void receiveAccmChange_whileRunning_acceptsRawControlsFromThen() throws Exception {
        ByteString raw = HdlcEncoder.encode(CONFREQ, 0, FcsMode.FCS_16);
        ByteString marker = byteString(0x7e);
        List<ByteString> out = run(Source.from(List.of(raw, CONFREQ_WIRE, marker, raw, CONFREQ_WIRE))
                .map(chunk -> {
                    if (chunk == marker) {
                        settings.receiveAccm(0);
                    }
                    return chunk;
                })
                .via(new HdlcDecoder(settings, counters)));
        assertEquals(List.of(CONFREQ, CONFREQ, CONFREQ), out);
        assertEquals(1, counters.get(HdlcCounter.BAD_FCS));
    }
}
