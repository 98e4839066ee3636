package org.jppp.io.packet;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.SinkShape;
import org.apache.pekko.stream.stage.AbstractGraphStageWithMaterializedValue;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Sends a session's PPP frames. It holds at most one frame: while the socket says
 * {@code EAGAIN} it keeps that frame, waits for writability (the event loop's one-shot
 * interest, shared by every session of the endpoint) and does not pull, which back-pressures
 * upstream; the socket buffer behind it is the queue. Refused frames are counted and skipped.
 * The materialized stage completes when upstream finished and the last frame went out, or when
 * the session closed.
 */
final class SessionSink extends AbstractGraphStageWithMaterializedValue<SinkShape<ByteString>, CompletionStage<Done>> {
    private final Inlet<ByteString> in = Inlet.create("SessionSink.in");
    private final SinkShape<ByteString> shape = SinkShape.of(in);
    private final SessionChannel session;

    SessionSink(SessionChannel session) {
        this.session = session;
    }

    @Override
    public SinkShape<ByteString> shape() {
        return shape;
    }

    @Override
    public Pair<GraphStageLogic, CompletionStage<Done>> createLogicAndMaterializedValuePair(Attributes attributes) {
        Logic logic = new Logic();
        return Pair.create(logic, logic.done);
    }

    private final class Logic extends GraphStageLogic {
        final CompletableFuture<Done> done = new CompletableFuture<>();
        private ByteString pending;
        private Runnable wake;

        Logic() {
            super(shape);
            setHandler(in, new AbstractInHandler() {
                @Override
                public void onPush() {
                    pending = grab(in);
                    send();
                }

                @Override
                public void onUpstreamFinish() {
                    if (pending == null) {
                        finish();
                    }
                }

                @Override
                public void onUpstreamFailure(Throwable ex) {
                    done.completeExceptionally(ex);
                    failStage(ex);
                }
            });
        }

        @Override
        public void preStart() {
            AsyncCallback<Boolean> retry = createAsyncCallback(unused -> send());
            wake = () -> retry.invoke(Boolean.TRUE);
            session.attachSink(wake);
            // Upstream may finish while a frame waits for the socket: stay to send it.
            setKeepGoing(true);
            pull(in);
        }

        @Override
        public void postStop() {
            session.detachSink(wake);
            done.completeExceptionally(new IOException(session + ": sink stopped before completion"));
        }

        private void send() {
            if (!session.isOpen()) {
                finish();
                return;
            }
            if (pending == null) {
                return;
            }
            switch (session.send(pending)) {
                case WOULD_BLOCK -> session.awaitWritable(wake);
                case CLOSED -> finish();
                default -> {
                    pending = null;
                    if (isClosed(in)) {
                        finish();
                    } else {
                        pull(in);
                    }
                }
            }
        }

        private void finish() {
            done.complete(Done.getInstance());
            completeStage();
        }
    }

    @Override
    public String toString() {
        return "SessionSink(" + session + ")";
    }
}
