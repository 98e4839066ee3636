package org.jppp.io.packet;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one {@link PacketSocket} on a shared {@link Executor} (the stream dispatcher): the event
 * loop thread only says "readable" and the reading happens elsewhere, so one loop thread serves
 * every interface and no thread exists per interface or per session.
 *
 * <p>Each run takes up to {@link #MAX_BATCHES} batches of frames, then re-submits itself, so a
 * busy interface shares the executor with others. It stops when the kernel queue is empty (and
 * arms one-shot read interest), when {@link ReadDemand} says every consumer is full (and is
 * resumed by the first that has room), or when the socket closes. Requests to run that come in
 * while it runs (a readable event, a resume) are counted and make it go round once more, so
 * there is never more than one run at a time and no request is lost.
 */
final class FrameReader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);
    private static final int MAX_BATCHES = 16;

    /** What the reader does with each frame, on the executor's thread. */
    interface Handler {
        /** {@code frame} is valid only during the call. */
        void frame(ByteBuffer frame, boolean truncated);
    }

    private enum Stop { EMPTY, PAUSED, BUDGET, CLOSED }

    private final PacketSocket socket;
    private final Executor executor;
    private final ReadDemand demand;
    private final Handler handler;
    private final Runnable failed;
    private final AtomicInteger requests = new AtomicInteger();

    /** {@code failed} runs (on the executor) if receiving throws: the socket is unusable. */
    FrameReader(PacketSocket socket, Executor executor, Handler handler, Runnable failed) {
        this.socket = socket;
        this.executor = executor;
        this.handler = handler;
        this.failed = failed;
        this.demand = new ReadDemand(this::schedule);
    }

    ReadDemand demand() {
        return demand;
    }

    /** Asks for a run; safe from any thread. */
    void schedule() {
        if (requests.getAndIncrement() == 0) {
            executor.execute(this);
        }
    }

    @Override
    public void run() {
        int missed = requests.get();
        for (;;) {
            Stop stop;
            try {
                stop = drain();
            } catch (RuntimeException e) {
                LOG.error("{}: reading failed", socket, e);
                failed.run();
                stop = Stop.CLOSED;
            }
            if (stop == Stop.BUDGET) {
                executor.execute(this);
                return;
            }
            missed = requests.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    private Stop drain() {
        for (int round = 0; round < MAX_BATCHES; round++) {
            if (!demand.mayRead()) {
                return Stop.PAUSED;
            }
            int n = socket.receive();
            if (n < 0) {
                return Stop.CLOSED;
            }
            if (n == 0) {
                socket.armRead();
                return Stop.EMPTY;
            }
            for (int i = 0; i < n; i++) {
                handler.frame(socket.frame(i), socket.truncated(i));
            }
        }
        return Stop.BUDGET;
    }
}
