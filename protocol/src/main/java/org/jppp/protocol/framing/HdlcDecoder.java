package org.jppp.protocol.framing;

import java.util.ArrayDeque;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Decodes raw chunks of an asynchronous serial line into PPP frames (address, control, protocol,
 * information; FCS checked and removed). Frame boundaries may fall anywhere in the chunks. Bad
 * frames are dropped and counted in the {@link HdlcCounter}s, never failing the stream (RFC 1662
 * §4.3); the rules are those of {@link HdlcDeframer}, whose state lives in the stage's logic.
 */
public final class HdlcDecoder extends HdlcStage {
    public HdlcDecoder(HdlcSettings settings, Counters<HdlcCounter> counters) {
        super("HdlcDecoder", settings, counters);
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new GraphStageLogic(shape()) {
            private final HdlcDeframer deframer = new HdlcDeframer(settings, counters);
            /** Frames decoded from the last chunk and not yet pulled: one chunk may hold many. */
            private final ArrayDeque<ByteString> ready = new ArrayDeque<>();
            private boolean upstreamDone;

            {
                setHandler(in, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        deframer.accept(grab(in), ready::add);
                        deliver();
                    }

                    @Override
                    public void onUpstreamFinish() {
                        upstreamDone = true;
                        deliver();
                    }
                });
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        deliver();
                    }
                });
            }

            /**
             * Pushes one ready frame if downstream wants it, otherwise asks for more input; a
             * partial frame left when upstream finishes is discarded (no closing Flag came).
             */
            private void deliver() {
                if (!ready.isEmpty() && isAvailable(out)) {
                    push(out, ready.poll());
                }
                if (ready.isEmpty()) {
                    if (upstreamDone) {
                        completeStage();
                    } else if (isAvailable(out) && !hasBeenPulled(in)) {
                        pull(in);
                    }
                }
            }
        };
    }
}
