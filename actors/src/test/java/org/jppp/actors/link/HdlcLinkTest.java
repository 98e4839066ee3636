package org.jppp.actors.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.framing.Counters;
import org.jppp.protocol.framing.FcsMode;
import org.jppp.protocol.framing.HdlcEncoder;
import org.jppp.protocol.framing.HdlcSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The serial stack under LinkIo: field compression per RFC 1661 §6.5-6.6 over RFC 1662 framing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HdlcLinkTest {
    private final ActorTestKit kit = ActorTestKit.create();
    private final HdlcLink hdlc = new HdlcLink(new HdlcSettings(), Counters.hdlc());
    private TestProbe<ByteString> line;
    private TestProbe<ByteString> frames;
    private BoundedSourceQueue<ByteString> toLine;
    private BoundedSourceQueue<ByteString> fromLine;

    @AfterAll
    void shutdown() {
        kit.shutdownTestKit();
    }

    @BeforeEach
    void start() {
        line = kit.createTestProbe();
        frames = kit.createTestProbe();
        Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> wire =
                Source.<ByteString>queue(16).preMaterialize(kit.system());
        fromLine = wire.first();
        LowerLink lower = hdlc.over(Flow.fromSinkAndSource(Sink.foreach(line.getRef()::tell), wire.second()));
        Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> up =
                Source.<ByteString>queue(16).preMaterialize(kit.system());
        toLine = up.first();
        up.second().via(lower.frames()).runWith(Sink.foreach(frames.getRef()::tell), kit.system());
        lower.tuner().accept(new LinkParameters(0, 0, 1500, 1500, true, true));
    }

    private static ByteString bytes(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            b[i] = (byte) octets[i];
        }
        return ByteString.fromArray(b);
    }

    @Test
    void negotiatedPfcAcfc_ipFrameCompressed() {
        toLine.offer(bytes(0x00, 0x21, 0x45, 0x00));
        assertEquals(HdlcEncoder.encode(bytes(
                0x21,       // protocol = IP, one octet (PFC), no address/control (ACFC)
                0x45, 0x00  // information
        ), 0, FcsMode.FCS_16), line.receiveMessage());
        assertEquals(0, hdlc.settings().sendAccm(), "the peer's ACCM applied to what we send");
    }

    @Test
    void negotiatedPfcAcfc_lcpNeverCompressed() {
        toLine.offer(bytes(0xC0, 0x21, 0x09, 0x01, 0x00, 0x04));
        assertEquals(HdlcEncoder.encode(bytes(
                0xFF, 0x03,             // address, control: always on LCP (RFC 1661 §6.6)
                0xC0, 0x21,             // protocol = LCP, two octets (§6.5)
                0x09, 0x01, 0x00, 0x04  // Echo-Request
        ), 0, FcsMode.FCS_16), line.receiveMessage());
    }

    @Test
    void receivedCompressedFrame_expandedToTwoOctetProtocol() {
        fromLine.offer(HdlcEncoder.encode(bytes(0x21, 0x45, 0x00), 0, FcsMode.FCS_16));
        assertEquals(bytes(0x00, 0x21, 0x45, 0x00), frames.receiveMessage());
    }

    @Test
    void receivedInvalidProtocol_droppedAndCounted() {
        fromLine.offer(HdlcEncoder.encode(bytes(0xFF, 0x03, 0x00, 0x20, 0x01), 0, FcsMode.FCS_16));
        frames.expectNoMessage(Duration.ofMillis(200));
        assertEquals(1, hdlc.badProtocolFrames());
    }
}
