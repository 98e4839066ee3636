package org.jppp.io.channel;

import java.io.IOException;
import java.util.ArrayDeque;
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
 * Writes to an {@link FdChannel}. Elements are queued and written at once while the fd accepts
 * them; when the kernel says {@code EAGAIN} the stage arms one-shot write interest and keeps
 * pulling only while fewer than {@code bufferBytes} are queued, so a slow fd back-pressures
 * upstream instead of growing the queue. Completes when upstream finished and the queue drained.
 */
final class FdSink extends AbstractGraphStageWithMaterializedValue<SinkShape<ByteString>, CompletionStage<Done>> {
    private final Inlet<ByteString> in = Inlet.create("FdSink.in");
    private final SinkShape<ByteString> shape = SinkShape.of(in);
    private final FdChannel channel;
    private final int bufferBytes;

    FdSink(FdChannel channel, int bufferBytes) {
        this.channel = channel;
        this.bufferBytes = bufferBytes;
    }

    @Override
    public SinkShape<ByteString> shape() {
        return shape;
    }

    @Override
    public Pair<GraphStageLogic, CompletionStage<Done>> createLogicAndMaterializedValuePair(
            Attributes inheritedAttributes) {
        CompletableFuture<Done> done = new CompletableFuture<>();
        GraphStageLogic logic = new GraphStageLogic(shape) {
            private final ArrayDeque<ByteString> queue = new ArrayDeque<>();
            private long queued;
            private boolean waiting;
            private AsyncCallback<Boolean> writable;
            private Runnable waiter;

            {
                setHandler(in, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        ByteString data = grab(in);
                        if (!data.isEmpty()) {
                            queue.addLast(data);
                            queued += data.size();
                        }
                        flush();
                    }

                    @Override
                    public void onUpstreamFinish() {
                        flush();
                    }

                    @Override
                    public void onUpstreamFailure(Throwable ex) {
                        fail(ex);
                    }
                });
            }

            @Override
            public void preStart() {
                writable = createAsyncCallback(unused -> {
                    waiting = false;
                    flush();
                });
                waiter = () -> writable.invoke(Boolean.TRUE);
                channel.attachWriter(waiter);
                // Upstream may finish while bytes are still queued: stay alive to drain them.
                setKeepGoing(true);
                pull(in);
            }

            @Override
            public void postStop() {
                channel.detachWriter(waiter);
                // Cancelled by a failure elsewhere in the graph or an abrupt shutdown.
                done.completeExceptionally(new IOException(channel.name() + ": sink stopped before completion"));
            }

            private void flush() {
                if (!waiting && !write()) {
                    return;
                }
                if (isClosed(in)) {
                    if (queue.isEmpty()) {
                        done.complete(Done.getInstance());
                        completeStage();
                    }
                } else if (queued < bufferBytes && !hasBeenPulled(in)) {
                    pull(in);
                }
            }

            /** Writes what the fd takes now; false if the stage failed. */
            private boolean write() {
                if (queue.isEmpty()) {
                    return true;
                }
                long taken;
                try {
                    taken = channel.flush(queue);
                } catch (RuntimeException e) {
                    fail(e);
                    return false;
                }
                if (taken < 0) {
                    fail(new IOException(channel.name() + " closed"));
                    return false;
                }
                queued -= taken;
                if (!queue.isEmpty()) {
                    waiting = true;
                    if (!channel.armWrite()) {
                        fail(new IllegalStateException(channel.name() + ": event loop closed"));
                        return false;
                    }
                }
                return true;
            }

            private void fail(Throwable e) {
                done.completeExceptionally(e);
                failStage(e);
            }
        };
        return Pair.create(logic, done);
    }

    @Override
    public String toString() {
        return "FdSink(" + channel.name() + ")";
    }
}
