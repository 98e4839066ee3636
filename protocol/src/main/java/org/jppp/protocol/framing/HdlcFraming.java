package org.jppp.protocol.framing;

import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;

/**
 * RFC 1662 asynchronous HDLC-like framing as one protocol layer.
 *
 * <pre>
 *          PPP frames (FF 03 protocol information, or compressed; no FCS)
 *     top:   in1 ──▶ {@link HdlcEncoder} ──▶ out1   (to the serial line)
 *     bottom: out2 ◀── {@link HdlcDecoder} ◀── in2   (raw chunks from the serial line)
 * </pre>
 *
 * The link's owner keeps the {@link HdlcSettings} to apply what LCP negotiates (ACCM, FCS
 * width, MRU) while the stream runs, and reads the {@link Counters}. Both are shared by every
 * materialization of the returned flow, so materialize it once per link.
 */
public final class HdlcFraming {
    private HdlcFraming() {
    }

    public static BidiFlow<ByteString, ByteString, ByteString, ByteString, NotUsed> create(
            HdlcSettings settings, Counters<HdlcCounter> counters) {
        return BidiFlow.fromFlows(
                Flow.fromGraph(new HdlcEncoder(settings, counters)),
                Flow.fromGraph(new HdlcDecoder(settings, counters)));
    }
}
