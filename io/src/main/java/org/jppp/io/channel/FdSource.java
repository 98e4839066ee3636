package org.jppp.io.channel;

import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Emits what an {@link FdChannel} reads. It reads only while downstream has pulled: without
 * demand nothing is read and no readiness is armed, so the kernel's buffer (the pty, the TUN
 * queue) takes the back-pressure. On {@code EAGAIN} it arms one-shot read interest; the loop's
 * callback comes back into the stage through an async callback and the read is retried.
 */
final class FdSource extends GraphStage<SourceShape<ByteString>> {
    private final Outlet<ByteString> out = Outlet.create("FdSource.out");
    private final SourceShape<ByteString> shape = SourceShape.of(out);
    private final FdChannel channel;

    FdSource(FdChannel channel) {
        this.channel = channel;
    }

    @Override
    public SourceShape<ByteString> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new GraphStageLogic(shape) {
            private AsyncCallback<Boolean> readable;
            private Runnable waiter;

            {
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        tryRead();
                    }
                });
            }

            @Override
            public void preStart() {
                readable = createAsyncCallback(unused -> tryRead());
                waiter = () -> readable.invoke(Boolean.TRUE);
                channel.attachReader(waiter);
            }

            @Override
            public void postStop() {
                channel.detachReader(waiter);
            }

            private void tryRead() {
                if (!isAvailable(out)) {
                    return;
                }
                ByteString data = channel.read();
                if (data == null) {
                    if (!channel.armRead()) {
                        failStage(new IllegalStateException(channel.name() + ": event loop closed"));
                    }
                } else if (data.isEmpty()) {
                    completeStage();
                } else {
                    push(out, data);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "FdSource(" + channel.name() + ")";
    }
}
