package org.jppp.actors.link;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.framing.Counters;
import org.jppp.protocol.framing.HdlcCounter;
import org.jppp.protocol.framing.HdlcFraming;
import org.jppp.protocol.framing.HdlcSettings;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.PppFrame;

/**
 * A serial link's PPP layer: RFC 1662 HDLC-like framing under the Address/Control and Protocol
 * field compression of RFC 1661 §6.5-6.6, turning a byte stream (a tty, a pty) into the
 * one-frame-per-element {@link LowerLink} that {@link LinkIo} speaks.
 *
 * <pre>
 *   frames (protocol + information) ──▶ add FF 03 unless ACFC, 1-octet protocol if PFC ──▶ HDLC encode ──▶ line
 *   frames (protocol + information) ◀── strip FF 03, expand PFC, drop bad protocols ◀── HDLC decode ◀── line
 * </pre>
 *
 * One instance per link: it holds the {@link HdlcSettings} and the compression flags that
 * {@link #apply} changes while the stream runs, read per frame by the stages.
 */
public final class HdlcLink {
    private final HdlcSettings settings;
    private final Counters<HdlcCounter> counters;
    private final AtomicLong badProtocol = new AtomicLong();
    private volatile boolean sendPfc;
    private volatile boolean sendAcfc;

    public HdlcLink(HdlcSettings settings, Counters<HdlcCounter> counters) {
        this.settings = settings;
        this.counters = counters;
    }

    /** The {@link LowerLink} over {@code line}, tuned by this instance. Materialize it once. */
    public LowerLink over(Flow<ByteString, ByteString, ?> line) {
        BidiFlow<ByteString, ByteString, ByteString, ByteString, NotUsed> stack =
                BidiFlow.fromFlows(Flow.of(ByteString.class).map(this::compress),
                                Flow.of(ByteString.class).mapConcat(this::expand))
                        .atop(HdlcFraming.create(settings, counters));
        return new LowerLink(stack.join(line), this::apply);
    }

    /** Applies negotiated parameters; §6.1 asks to keep accepting 1500 octets after a smaller MRU. */
    public void apply(LinkParameters p) {
        settings.sendAccm(p.sendAccm()).receiveAccm(p.receiveAccm())
                .receiveMru(Math.max(LinkParameters.DEFAULT.receiveMru(), p.receiveMru()));
        sendPfc = p.sendPfc();
        sendAcfc = p.sendAcfc();
    }

    public HdlcSettings settings() {
        return settings;
    }

    public Counters<HdlcCounter> counters() {
        return counters;
    }

    /** Frames whose Protocol field was invalid (RFC 1661 §2), dropped. */
    public long badProtocolFrames() {
        return badProtocol.get();
    }

    private ByteString compress(ByteString frame) throws MalformedPacketException {
        PppFrame f = PppFrame.parse(frame.asByteBuffer());
        return ByteString.fromArrayUnsafe(f.toBytes(sendAcfc, sendPfc));
    }

    private List<ByteString> expand(ByteString frame) {
        try {
            PppFrame f = PppFrame.parse(frame.asByteBuffer());
            ByteBuffer out = ByteBuffer.allocate(2 + f.information().length());
            f.emitProtocolAndInformation(out, false);
            return List.of(ByteString.fromArrayUnsafe(out.array()));
        } catch (MalformedPacketException e) {
            badProtocol.incrementAndGet();
            return List.of();
        }
    }
}
