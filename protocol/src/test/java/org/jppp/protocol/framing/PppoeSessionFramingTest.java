package org.jppp.protocol.framing;

import static org.jppp.protocol.testutil.Golden.byteString;
import static org.jppp.protocol.testutil.Golden.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.framing.PppoeSessionFraming.Endpoint;
import org.jppp.protocol.pppoe.MacAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 2516 §6, §7: PPP frames in and out of PPPoE session Ethernet frames. */
class PppoeSessionFramingTest extends StreamTestBase {
    private static final MacAddress HOST = MacAddress.parse("a0:f3:e4:4f:e3:b0");
    private static final MacAddress AC = MacAddress.parse("00:11:22:33:44:55");
    private static final Endpoint CLIENT = new Endpoint(HOST, AC, 0x1234);

    /** LCP Echo-Request as PPPoE carries it: protocol + information, no address/control. */
    private static final ByteString ECHO = byteString(
            0xc0, 0x21,             // protocol = LCP
            0x09, 0x07,             // Echo-Request, identifier 7
            0x00, 0x08,             // length = 8
            0x4f, 0x1e, 0x2d, 0x3c); // magic number

    /** ECHO sent by the host to the access concentrator in session 0x1234. */
    private static final byte[] ECHO_FRAME = bytes(
            0x00, 0x11, 0x22, 0x33, 0x44, 0x55, // destination = the AC
            0xa0, 0xf3, 0xe4, 0x4f, 0xe3, 0xb0, // source = the host
            0x88, 0x64,             // EtherType = PPPoE Session
            0x11,                   // VER = 1, TYPE = 1
            0x00,                   // CODE = 0
            0x12, 0x34,             // SESSION_ID = 0x1234
            0x00, 0x0a,             // LENGTH = 10
            0xc0, 0x21,             // protocol = LCP
            0x09, 0x07,             // Echo-Request, identifier 7
            0x00, 0x08,             // length = 8
            0x4f, 0x1e, 0x2d, 0x3c); // magic number

    private Counters<PppoeCounter> counters;

    @BeforeEach
    void freshCounters() {
        counters = Counters.pppoe();
    }

    @Test
    void encapsulate_givesGoldenEthernetFrame() {
        assertEquals(List.of(ByteString.fromArray(ECHO_FRAME)), PppoeSessionFraming.encapsulate(CLIENT, counters, ECHO));
        assertEquals(1, counters.get(PppoeCounter.FRAMES_OUT));
    }

    @Test
    void decapsulate_atTheAc_givesThePppFrame_ignoringNicPadding() {
        ByteString padded = ByteString.fromArray(Arrays.copyOf(ECHO_FRAME, 60));
        assertEquals(List.of(ECHO), PppoeSessionFraming.decapsulate(CLIENT.mirror(), counters, padded));
        assertEquals(Map.of(PppoeCounter.FRAMES_IN, 1L), counters.nonZero());
    }

    /** ECHO_FRAME with one octet changed, or cut short. */
    private static ByteString mutated(int offset, int value) {
        byte[] b = ECHO_FRAME.clone();
        b[offset] = (byte) value;
        return ByteString.fromArray(b);
    }

    static Stream<Arguments> foreign() {
        return Stream.of(
                Arguments.of("discovery EtherType", mutated(13, 0x63), PppoeCounter.WRONG_ETHERTYPE),
                Arguments.of("IPv4 EtherType", mutated(12, 0x08), PppoeCounter.WRONG_ETHERTYPE),
                Arguments.of("other destination", mutated(5, 0x56), PppoeCounter.OTHER_MAC),
                Arguments.of("other source", mutated(11, 0xb1), PppoeCounter.OTHER_MAC),
                Arguments.of("other session", mutated(17, 0x35), PppoeCounter.OTHER_SESSION),
                Arguments.of("version 2", mutated(14, 0x21), PppoeCounter.MALFORMED),
                Arguments.of("discovery code on session EtherType", mutated(15, 0xa7), PppoeCounter.MALFORMED),
                Arguments.of("length past the frame", mutated(19, 0x0b), PppoeCounter.MALFORMED),
                Arguments.of("no PPP frame", mutated(19, 0x00), PppoeCounter.MALFORMED),
                Arguments.of("cut inside the Ethernet header", ByteString.fromArray(ECHO_FRAME).take(13),
                        PppoeCounter.MALFORMED),
                Arguments.of("cut inside the PPPoE header", ByteString.fromArray(ECHO_FRAME).take(17),
                        PppoeCounter.MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreign")
    void decapsulate_dropsAndCounts(String name, ByteString frame, PppoeCounter expected) {
        assertEquals(List.of(), PppoeSessionFraming.decapsulate(CLIENT.mirror(), counters, frame));
        assertEquals(Map.of(expected, 1L), counters.nonZero());
    }

    @Test
    void encapsulate_dropsFramesLongerThanTheEthernetMtuAllows() {
        ByteString fits = ByteString.fromArray(new byte[1494]);
        ByteString over = ByteString.fromArray(new byte[1495]);
        assertEquals(1514, PppoeSessionFraming.encapsulate(CLIENT, counters, fits).get(0).size());
        assertEquals(List.of(), PppoeSessionFraming.encapsulate(CLIENT, counters, over));
        assertEquals(Map.of(PppoeCounter.FRAMES_OUT, 1L, PppoeCounter.OVERSIZE_OUT, 1L), counters.nonZero());
    }

    @Test
    void stackJoinedToItsMirror_roundTripsFrames_andFiltersOtherSessionsOnTheWire() throws Exception {
        ByteString otherSession = mutated(17, 0x35);
        Counters<PppoeCounter> acCounters = Counters.pppoe();
        // The shared Ethernet segment also carries another session's frame before each of ours.
        BidiFlow<ByteString, ByteString, ByteString, ByteString, NotUsed> segment = BidiFlow.fromFlows(
                Flow.of(ByteString.class).mapConcat(f -> List.of(otherSession, f)),
                Flow.of(ByteString.class));
        Flow<ByteString, ByteString, NotUsed> stack = PppoeSessionFraming.create(CLIENT, counters)
                .atop(segment)
                .atop(PppoeSessionFraming.create(CLIENT.mirror(), acCounters).reversed())
                .join(Flow.of(ByteString.class));
        List<ByteString> frames = Line.randomFrames(new Random(21), 100, 2, 1494);
        assertEquals(frames, run(Source.from(frames).via(stack)));
        assertEquals(Map.of(PppoeCounter.FRAMES_IN, 100L, PppoeCounter.FRAMES_OUT, 100L,
                PppoeCounter.OTHER_SESSION, 100L), acCounters.nonZero());
        assertEquals(Map.of(PppoeCounter.FRAMES_IN, 100L, PppoeCounter.FRAMES_OUT, 100L), counters.nonZero());
    }

}
