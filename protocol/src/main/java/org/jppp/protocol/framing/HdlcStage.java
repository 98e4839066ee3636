package org.jppp.protocol.framing;

import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.util.ByteString;

/**
 * What the HDLC encoder and decoder have in common: a ByteString-to-ByteString shape and the
 * link's shared settings and counters. The stages themselves hold no other state; each
 * materialization gets its own logic.
 */
abstract class HdlcStage extends GraphStage<FlowShape<ByteString, ByteString>> {
    final Inlet<ByteString> in;
    final Outlet<ByteString> out;
    final HdlcSettings settings;
    final Counters<HdlcCounter> counters;
    private final FlowShape<ByteString, ByteString> shape;

    HdlcStage(String name, HdlcSettings settings, Counters<HdlcCounter> counters) {
        this.in = Inlet.create(name + ".in");
        this.out = Outlet.create(name + ".out");
        this.shape = FlowShape.of(in, out);
        this.settings = settings;
        this.counters = counters;
    }

    @Override
    public final FlowShape<ByteString, ByteString> shape() {
        return shape;
    }
}
