package org.jppp.protocol.framing;

import static org.jppp.protocol.framing.Line.deframe;
import static org.jppp.protocol.framing.Line.encodeAll;
import static org.jppp.protocol.testutil.Golden.byteString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 1662 §4 octet-stuffed framing: the encoder and the receive state machine, without streams. */
class HdlcCodecTest {
    private static final int XON_XOFF = 0x000A0000;

    /** LCP Configure-Request as pppd sends it first on a serial line. */
    static final ByteString CONFREQ = byteString(
            0xff,                   // address = all-stations
            0x03,                   // control = UI
            0xc0, 0x21,             // protocol = LCP
            0x01,                   // code = Configure-Request
            0x01,                   // identifier = 1
            0x00, 0x14,             // length = 20
            0x02, 0x06,             // option ACCM, length 6
            0x00, 0x00, 0x00, 0x00, //   map 0x00000000
            0x05, 0x06,             // option Magic-Number, length 6
            0x4f, 0x1e, 0x2d, 0x3c, //   0x4f1e2d3c
            0x07, 0x02,             // option Protocol-Field-Compression
            0x08, 0x02);            // option Address-and-Control-Field-Compression

    /** CONFREQ on the wire with the default ACCM 0xFFFFFFFF (every octet below 0x20 escaped). */
    static final ByteString CONFREQ_WIRE = byteString(
            0x7e,                   // flag
            0xff,                   // address
            0x7d, 0x23,             // control 0x03, escaped
            0xc0, 0x21,             // protocol = LCP
            0x7d, 0x21,             // code 0x01, escaped
            0x7d, 0x21,             // identifier 0x01, escaped
            0x7d, 0x20, 0x7d, 0x34, // length 0x0014, both octets escaped
            0x7d, 0x22, 0x7d, 0x26, // option ACCM, length 6
            0x7d, 0x20, 0x7d, 0x20, //   map, first half
            0x7d, 0x20, 0x7d, 0x20, //   map, second half
            0x7d, 0x25, 0x7d, 0x26, // option Magic-Number, length 6
            0x4f, 0x7d, 0x3e,       //   0x4f, 0x1e escaped
            0x2d, 0x3c,             //   0x2d, 0x3c
            0x7d, 0x27, 0x7d, 0x22, // option PFC, length 2
            0x7d, 0x28, 0x7d, 0x22, // option ACFC, length 2
            0xda, 0xe5,             // FCS-16 0xe5da, least significant octet first
            0x7e);                  // flag

    /** LCP Echo-Request whose magic number holds a flag, an escape, XON and XOFF. */
    static final ByteString ECHO = byteString(
            0xff,                   // address
            0x03,                   // control
            0xc0, 0x21,             // protocol = LCP
            0x09,                   // code = Echo-Request
            0x07,                   // identifier
            0x00, 0x08,             // length = 8
            0x7e, 0x7d, 0x11, 0x13); // magic number

    /** ECHO with a negotiated ACCM of 0x000A0000: only XON and XOFF among controls escaped. */
    static final ByteString ECHO_WIRE_XON_XOFF = byteString(
            0x7e,                   // flag
            0xff, 0x03,             // address, control (0x03 not in the map: raw)
            0xc0, 0x21,             // protocol = LCP
            0x09, 0x07,             // code, identifier (0x09, 0x07 raw)
            0x00, 0x08,             // length (raw)
            0x7d, 0x5e,             // 0x7e, always escaped
            0x7d, 0x5d,             // 0x7d, always escaped
            0x7d, 0x31,             // XON 0x11, in the map
            0x7d, 0x33,             // XOFF 0x13, in the map
            0x50, 0x8c,             // FCS-16 0x8c50
            0x7e);                  // flag

    /** ECHO with the same map and a 32-bit FCS. */
    static final ByteString ECHO_WIRE_FCS32 = byteString(
            0x7e,                   // flag
            0xff, 0x03,             // address, control
            0xc0, 0x21,             // protocol = LCP
            0x09, 0x07,             // code, identifier
            0x00, 0x08,             // length
            0x7d, 0x5e, 0x7d, 0x5d, // 0x7e, 0x7d
            0x7d, 0x31, 0x7d, 0x33, // XON, XOFF
            0x4c, 0x69, 0x2d, 0xd3, // FCS-32 0xd32d694c, least significant octet first
            0x7e);                  // flag

    private final HdlcSettings settings = new HdlcSettings();
    private final Counters<HdlcCounter> counters = Counters.hdlc();

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of("ConfReq, default ACCM", CONFREQ, CONFREQ_WIRE, HdlcSettings.DEFAULT_ACCM, FcsMode.FCS_16),
                Arguments.of("Echo, XON/XOFF ACCM", ECHO, ECHO_WIRE_XON_XOFF, XON_XOFF, FcsMode.FCS_16),
                Arguments.of("Echo, FCS-32", ECHO, ECHO_WIRE_FCS32, XON_XOFF, FcsMode.FCS_32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void encode_givesGoldenWireBytes(String name, ByteString frame, ByteString wire, int accm, FcsMode fcs) {
        assertEquals(wire, HdlcEncoder.encode(frame, accm, fcs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void decode_goldenWireBytes_givesTheFrame(String name, ByteString frame, ByteString wire, int accm, FcsMode fcs) {
        settings.receiveAccm(accm).receiveFcs(fcs);
        assertEquals(List.of(frame), deframe(settings, counters, List.of(wire)));
        assertEquals(1, counters.get(HdlcCounter.FRAMES_IN));
    }

    @Test
    void fcs32Frame_readWithFcs16_isBadFcs() {
        assertEquals(List.of(), deframe(settings, counters, List.of(ECHO_WIRE_FCS32)));
        assertEquals(1, counters.get(HdlcCounter.BAD_FCS));
    }

    @Test
    void everySplitSize_yieldsExactlyTheFrames() {
        List<ByteString> frames = Line.randomFrames(new Random(1), 20, 2, 60);
        ByteString wire = encodeAll(frames, HdlcSettings.DEFAULT_ACCM, FcsMode.FCS_16);
        for (int size = 1; size <= wire.size(); size++) {
            Counters<HdlcCounter> c = Counters.hdlc();
            assertEquals(frames, deframe(settings, c, Line.split(wire, size)), "split size " + size);
            assertEquals(Map.of(HdlcCounter.FRAMES_IN, 20L), c.nonZero(), "split size " + size);
        }
    }

    @Test
    void randomChunking_ofManyFrames_yieldsExactlyTheFrames() {
        Random random = new Random(2);
        List<ByteString> frames = Line.randomFrames(random, 500, 2, 1500);
        ByteString wire = encodeAll(frames, 0, FcsMode.FCS_16);
        settings.receiveAccm(0);
        for (int round = 0; round < 5; round++) {
            assertEquals(frames, deframe(settings, counters, Line.rechunk(wire, random, 3000)));
        }
    }

    @Test
    void fcs32Mode_roundTripsRandomFrames() {
        Random random = new Random(3);
        List<ByteString> frames = Line.randomFrames(random, 100, 2, 300);
        settings.receiveFcs(FcsMode.FCS_32);
        ByteString wire = encodeAll(frames, HdlcSettings.DEFAULT_ACCM, FcsMode.FCS_32);
        assertEquals(frames, deframe(settings, counters, Line.rechunk(wire, random, 50)));
    }

    @Test
    void badFrames_areDroppedAndCounted_goodFramesAroundThemIntact() {
        settings.receiveMru(100);
        List<ByteString> good = Line.randomFrames(new Random(4), 6, 4, 100);
        ByteString badFcs = corrupt(HdlcEncoder.encode(ECHO, HdlcSettings.DEFAULT_ACCM, FcsMode.FCS_16));
        ByteString runt = byteString(0x7e, 0xff, 0x7d, 0x23, 0xc0, 0x7e);
        ByteString tooLong = HdlcEncoder.encode(ByteString.fromArray(new byte[100 + 5]), HdlcSettings.DEFAULT_ACCM, FcsMode.FCS_16);
        ByteString aborted = byteString(0x7e, 0xff, 0x7d, 0x23, 0xc0, 0x21, 0x7d, 0x7e);
        ByteString emptyFill = byteString(0x7e, 0x7e, 0x7e);
        List<ByteString> wire = new ArrayList<>();
        List<ByteString> noise = List.of(badFcs, runt, tooLong, aborted, emptyFill);
        for (int i = 0; i < good.size(); i++) {
            wire.add(HdlcEncoder.encode(good.get(i), HdlcSettings.DEFAULT_ACCM, FcsMode.FCS_16));
            if (i < noise.size()) {
                wire.add(noise.get(i));
            }
        }
        assertEquals(good, deframe(settings, counters, Line.rechunk(Line.concat(wire), new Random(5), 7)));
        assertEquals(Map.of(HdlcCounter.FRAMES_IN, 6L, HdlcCounter.BAD_FCS, 1L, HdlcCounter.RUNT, 1L,
                HdlcCounter.TOO_LONG, 1L, HdlcCounter.ABORTED, 1L), counters.nonZero());
    }

    @Test
    void mru_acceptsExactlyMruPlusHeader_andFollowsChanges() {
        settings.receiveMru(100);
        ByteString fits = ByteString.fromArray(new byte[4 + 100]);
        ByteString over = ByteString.fromArray(new byte[4 + 101]);
        ByteString wire = encodeAll(List.of(fits, over), HdlcSettings.DEFAULT_ACCM, FcsMode.FCS_16);
        assertEquals(List.of(fits), deframe(settings, counters, List.of(wire)));
        assertEquals(1, counters.get(HdlcCounter.TOO_LONG));
        settings.receiveMru(101);
        assertEquals(List.of(fits, over), deframe(settings, counters, List.of(wire)));
    }

    @Test
    void endlessFrameWithoutFlag_isCountedOnceAsTooLong() {
        ByteString flood = ByteString.fromArray(new byte[1_000_000]).map(b -> (byte) 0x41);
        List<ByteString> chunks = List.of(byteString(0x7e), flood, byteString(0x7e));
        assertEquals(List.of(), deframe(settings, counters, chunks));
        assertEquals(Map.of(HdlcCounter.TOO_LONG, 1L), counters.nonZero());
    }

    @Test
    void modemChatterBeforeFirstFlag_isSkippedWithoutCounting() {
        ByteString chatter = ByteString.fromString("CONNECT 115200\r\n");
        assertEquals(List.of(CONFREQ), deframe(settings, counters, List.of(chatter, CONFREQ_WIRE)));
        assertEquals(Map.of(HdlcCounter.FRAMES_IN, 1L), counters.nonZero());
    }

    @Test
    void controlCharactersInsertedByTheDce_areDiscarded() {
        ByteString wire = CONFREQ_WIRE;
        // XON after the first escape octet and XOFF inside the FCS: both taken out before un-escaping.
        ByteString noisy = wire.take(2).concat(byteString(0x11)).concat(wire.slice(2, wire.size() - 2))
                .concat(byteString(0x13)).concat(wire.drop(wire.size() - 2));
        assertEquals(List.of(CONFREQ), deframe(settings, counters, List.of(noisy)));
        assertEquals(2, counters.get(HdlcCounter.CONTROL_DISCARDED));
    }

    @Test
    void receiveAccmChange_midStream_acceptsRawControlsAfterwards_andEscapedOnesAlways() {
        ByteString raw = HdlcEncoder.encode(CONFREQ, 0, FcsMode.FCS_16);
        HdlcDeframer deframer = new HdlcDeframer(settings, counters);
        List<ByteString> out = new ArrayList<>();
        deframer.accept(raw, out::add);
        deframer.accept(CONFREQ_WIRE, out::add);
        assertEquals(List.of(CONFREQ), out, "default map: raw 0x03, 0x01.. discarded, escaped ones fine");
        assertEquals(1, counters.get(HdlcCounter.BAD_FCS));
        settings.receiveAccm(0);
        deframer.accept(raw, out::add);
        deframer.accept(CONFREQ_WIRE, out::add);
        assertEquals(List.of(CONFREQ, CONFREQ, CONFREQ), out, "negotiated map 0: raw and escaped accepted");
    }

    @Test
    void sendAccm_escapesExactlyTheFlaggedControlCharacters() {
        for (int c = 0; c < 0x20; c++) {
            ByteString frame = byteString(0xc0, 0x21, c);
            int accm = 1 << c;
            ByteString escaped = HdlcEncoder.encode(frame, accm, FcsMode.FCS_16);
            ByteString rawWire = HdlcEncoder.encode(frame, ~accm, FcsMode.FCS_16);
            assertEquals(byteString(0x7d, c ^ 0x20), escaped.slice(3, 5), "octet " + c);
            assertEquals(byteString(c), rawWire.slice(3, 4), "octet " + c);
        }
    }

    /** Flips a bit of the first information octet that is neither a flag nor an escape. */
    private static ByteString corrupt(ByteString wire) {
        byte[] b = wire.toArray();
        for (int i = 5; i < b.length; i++) {
            if (b[i] != 0x7e && b[i] != 0x7d && (b[i] ^ 0x40) != 0x7e && (b[i] ^ 0x40) != 0x7d) {
                b[i] ^= 0x40;
                return ByteString.fromArray(b);
            }
        }
        throw new AssertionError("nothing to corrupt");
    }

}
