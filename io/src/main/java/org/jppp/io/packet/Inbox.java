package org.jppp.io.packet;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded queue between a socket's reader (the only producer) and one stream stage (the only
 * consumer). The reader never waits: {@link #offer} refuses when full and the caller drops and
 * counts the element, so one consumer that stops pulling loses its own frames and nobody else's.
 *
 * <p>The consumer that finds the queue empty sets {@code waiting}; the next offer clears it and
 * runs the consumer's waiter (an async callback into its stage), so a busy consumer that never
 * finds the queue empty costs the reader no callback at all.
 *
 * @param <T> what is queued (a PPP payload, a discovery frame, an unknown-session notice)
 */
final class Inbox<T> {
    private final String name;
    private final int capacity;
    private final ReadDemand demand;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final WakeUp consumer;
    private volatile boolean closed;
    /** Whether {@link ReadDemand} counts this inbox as having room; guarded by the demand's lock. */
    boolean roomCounted;

    Inbox(String name, int capacity, ReadDemand demand) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + ": capacity must be positive: " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.demand = demand;
        this.consumer = new WakeUp(name + " already has a consumer");
        demand.recount(this);
    }

    String name() {
        return name;
    }

    /** Queues {@code element} unless full or closed; runs a waiting consumer's waiter. Reader thread only. */
    boolean offer(T element) {
        if (closed || size.get() >= capacity) {
            return false;
        }
        queue.add(element);
        if (size.incrementAndGet() == capacity) {
            demand.recount(this);
        }
        if (waiting.get() && waiting.compareAndSet(true, false)) {
            consumer.run();
        }
        return true;
    }

    /**
     * The next element; or null, after which the consumer's waiter runs on the next offer (or on
     * close). Consumer thread only.
     */
    T pollOrWait() {
        T element = poll();
        if (element != null) {
            return element;
        }
        waiting.set(true);
        // An offer between the first poll and setting the flag did not see it: look again.
        return poll();
    }

    private T poll() {
        T element = queue.poll();
        if (element != null && size.getAndDecrement() == capacity) {
            demand.recount(this);
        }
        return element;
    }

    boolean hasRoom() {
        return !closed && size.get() < capacity;
    }

    boolean isClosed() {
        return closed;
    }

    /** Attaches the one consumer; its waiter runs on the thread that offers or closes. */
    void attach(Runnable consumerWaiter) {
        consumer.attach(consumerWaiter);
    }

    void detach(Runnable consumerWaiter) {
        if (consumer.detach(consumerWaiter)) {
            waiting.set(false);
        }
    }

    /** Whether nothing is queued. */
    boolean isEmpty() {
        return size.get() == 0;
    }

    /**
     * Refuses further offers and wakes the consumer, which takes what is still queued and then
     * completes. Idempotent.
     */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        demand.recount(this);
        consumer.run();
    }
}
