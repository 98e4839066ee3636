package org.jppp.protocol.pppoe.discovery;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * rp-pppoe's {@code -N}: how many sessions the access concentrator holds at once over all its
 * interfaces. Each interface's {@link DiscoveryServer} runs on its own actor, so the count is
 * shared between threads; a slot is taken when a PADR is granted and given back when the
 * session's id is freed.
 */
public final class SessionSlots {
    private final int limit;
    private final AtomicInteger used = new AtomicInteger();

    public SessionSlots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("session limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** Sessions holding a slot now. */
    public int used() {
        return used.get();
    }

    /** Takes a slot; false when all {@link #limit()} are in use. */
    boolean tryAcquire() {
        for (;;) {
            int n = used.get();
            if (n >= limit) {
                return false;
            }
            if (used.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        used.decrementAndGet();
    }
}
