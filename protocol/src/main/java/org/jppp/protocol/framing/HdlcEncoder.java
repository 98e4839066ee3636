package org.jppp.protocol.framing;

import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Encodes PPP frames (address, control, protocol, information; no FCS) into octet-stuffed
 * HDLC-like frames for an asynchronous line (RFC 1662 §4). One output chunk per frame.
 *
 * <p>Every frame opens and closes with its own Flag, so two frames sent back to back are
 * separated by two Flags (an empty frame, which receivers discard, RFC 1662 §4.3). RFC 1662
 * §4.1 allows sharing one Flag between frames; always opening with a Flag costs one octet per
 * frame and means line noise before a frame can never be glued onto it. pppd's first frame on
 * an idle line looks the same.
 *
 * <p>Stateless apart from the shared {@link HdlcSettings}, read once per frame, so a new send
 * ACCM or FCS width takes effect at the next frame.
 */
public final class HdlcEncoder extends HdlcStage {
    static final int FLAG = 0x7E;
    static final int ESCAPE = 0x7D;
    static final int XOR = 0x20;

    public HdlcEncoder(HdlcSettings settings, Counters<HdlcCounter> counters) {
        super("HdlcEncoder", settings, counters);
    }

    /**
     * One frame on the wire: Flag, the frame and its FCS (least significant octet first) with
     * 0x7E, 0x7D and every octet below 0x20 flagged in {@code accm} escaped as 0x7D, octet ^ 0x20
     * (RFC 1662 §4.2), closing Flag.
     */
    public static ByteString encode(ByteString frame, int accm, FcsMode fcsMode) {
        byte[] data = frame.toArray();
        int fcs = fcsMode.compute(data, 0, data.length);
        byte[] wire = new byte[2 + 2 * (data.length + fcsMode.octets())];
        int n = 0;
        wire[n++] = (byte) FLAG;
        for (byte b : data) {
            n = put(wire, n, b & 0xFF, accm);
        }
        for (int i = 0; i < fcsMode.octets(); i++) {
            n = put(wire, n, (fcs >>> (8 * i)) & 0xFF, accm);
        }
        wire[n++] = (byte) FLAG;
        return ByteString.fromArrayUnsafe(wire, 0, n);
    }

    private static int put(byte[] wire, int n, int octet, int accm) {
        boolean escape = octet == FLAG || octet == ESCAPE || (octet < 0x20 && ((accm >>> octet) & 1) != 0);
        if (escape) {
            wire[n] = (byte) ESCAPE;
            wire[n + 1] = (byte) (octet ^ XOR);
            return n + 2;
        }
        wire[n] = (byte) octet;
        return n + 1;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new GraphStageLogic(shape()) {
            {
                setHandler(in, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        push(out, encode(grab(in), settings.sendAccm(), settings.sendFcs()));
                        counters.increment(HdlcCounter.FRAMES_OUT);
                    }
                });
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        pull(in);
                    }
                });
            }
        };
    }
}
