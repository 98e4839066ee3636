package org.jppp.io.packet;

import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;

/**
 * Emits what the reader put into an {@link Inbox}, one element per pull; completes once the inbox
 * is closed (session unregistered, endpoint closed) and what it still held has been emitted. Elements the stage does not pull stay in the
 * inbox until it is full; after that the reader drops them, so this stage's lack of demand never
 * reaches the socket or the other consumers.
 */
final class InboxSource<T> extends GraphStage<SourceShape<T>> {
    private final Outlet<T> out;
    private final SourceShape<T> shape;
    private final Inbox<T> inbox;

    InboxSource(Inbox<T> inbox) {
        this.inbox = inbox;
        this.out = Outlet.create("InboxSource(" + inbox.name() + ").out");
        this.shape = SourceShape.of(out);
    }

    @Override
    public SourceShape<T> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new GraphStageLogic(shape) {
            private Runnable waiter;

            {
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        deliver();
                    }
                });
            }

            @Override
            public void preStart() {
                AsyncCallback<Boolean> ready = createAsyncCallback(unused -> deliver());
                waiter = () -> ready.invoke(Boolean.TRUE);
                inbox.attach(waiter);
                if (inbox.isClosed() && inbox.isEmpty()) {
                    completeStage();
                }
            }

            @Override
            public void postStop() {
                inbox.detach(waiter);
            }

            private void deliver() {
                if (isAvailable(out)) {
                    T element = inbox.pollOrWait();
                    if (element != null) {
                        push(out, element);
                        return;
                    }
                }
                if (inbox.isClosed() && inbox.isEmpty()) {
                    completeStage();
                }
            }
        };
    }

    @Override
    public String toString() {
        return "InboxSource(" + inbox.name() + ")";
    }
}
