package org.jppp.supervisor.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jppp.actors.PppdLog;

/**
 * Interfaces kept for reuse by later sessions instead of being deleted, as accel-ppp's
 * {@code unit-cache}: closing a TUN device costs ≈16 ms of kernel time, serially
 * (PLATFORM-NOTES), against a few ioctls to reset one. A unit is offered here once its owner has
 * reset it (down, no addresses, default MTU); a new session takes one by name, or the
 * lowest-numbered {@code pppN} when it has no wish, before it creates a TUN of its own. At most
 * {@code capacity} units are kept; an offer beyond that, or after {@link #close}, is refused and
 * the owner deletes the unit itself. {@link #close} deletes every unit still kept.
 *
 * <p>One cache serves a whole process (all sessions of the access concentrator, all peers of
 * jpppd); it is thread-safe.
 *
 * @param <U> what is kept: {@link PppInterface.Unit} (a TUN, its control socket and its IP side)
 */
public final class UnitCache<U extends UnitCache.Pooled> implements AutoCloseable {
    /** pppoe-server's default ({@code jppp.unit-cache}, {@code --unit-cache}); jpppd's is 0. */
    public static final int DEFAULT_CAPACITY = 64;
    /** Units deleted at once by {@link #close} (PLATFORM-NOTES: 16 threads bring ≈16 ms down to 2–3 ms each). */
    private static final int CLOSING_THREADS = 16;
    private static final Pattern PPP_UNIT = Pattern.compile("ppp[0-9]+");
    /** ppp2 before ppp10: by length, then by text. */
    private static final Comparator<String> UNIT_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    /** A reusable interface, already reset by its last owner. */
    public interface Pooled {
        String name();

        /** Deletes the interface for good. */
        void delete();
    }

    private final int capacity;
    private final TreeMap<String, U> kept = new TreeMap<>(UNIT_ORDER);
    private boolean closed;
    private long reused;

    /** @param capacity units kept at most; 0 keeps none (every unit is deleted by its owner) */
    public UnitCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("unit cache capacity " + capacity + " (expected >= 0)");
        }
        this.capacity = capacity;
    }

    /** A cache that keeps nothing. */
    public static <U extends Pooled> UnitCache<U> none() {
        return new UnitCache<>(0);
    }

    public int capacity() {
        return capacity;
    }

    /** Units kept now. */
    public synchronized int size() {
        return kept.size();
    }

    /** Units handed out again so far. */
    public synchronized long reused() {
        return reused;
    }

    /** The kept unit named exactly {@code name} ({@code ifname NAME}, {@code unit N}), if any. */
    public synchronized Optional<U> take(String name) {
        return counted(Optional.ofNullable(kept.remove(name)));
    }

    /**
     * The lowest-numbered kept {@code pppN}, for a session with no name of its own (pppd gives
     * such a session the lowest free unit). A unit kept under another name ({@code ifname wan0})
     * is only for a session that asks for that name.
     */
    public synchronized Optional<U> takeAny() {
        for (String name : kept.keySet()) {
            if (PPP_UNIT.matcher(name).matches()) {
                return take(name);
            }
        }
        return Optional.empty();
    }

    private Optional<U> counted(Optional<U> taken) {
        if (taken.isPresent()) {
            reused++;
        }
        return taken;
    }

    /**
     * Keeps {@code unit} for a later session if there is room; false when the cache is full or
     * closed (or holds that name already), and the caller deletes the unit.
     */
    public synchronized boolean offer(U unit) {
        if (closed || kept.size() >= capacity || kept.containsKey(unit.name())) {
            return false;
        }
        kept.put(unit.name(), unit);
        return true;
    }

    /** Deletes every kept unit, several at a time, and refuses later offers. Blocks until they are gone. */
    @Override
    public void close() {
        List<U> units;
        synchronized (this) {
            closed = true;
            units = new ArrayList<>(kept.values());
            kept.clear();
        }
        if (units.isEmpty()) {
            return;
        }
        ExecutorService deleting = Executors.newFixedThreadPool(Math.min(CLOSING_THREADS, units.size()), r -> {
            Thread t = new Thread(r, "jppp-unit-close");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture.allOf(units.stream().map(u -> CompletableFuture.runAsync(() -> delete(u), deleting))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            deleting.shutdown();
        }
    }

    private static void delete(Pooled unit) {
        try {
            unit.delete();
        } catch (RuntimeException e) {
            PppdLog.LOG.warn("Couldn't delete interface {}: {}", unit.name(), e.getMessage());
        }
    }
}
