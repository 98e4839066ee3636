package org.jppp.protocol.framing;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Thread-safe event counters of one framing layer, keyed by an enum ({@link HdlcCounter},
 * {@link PppoeCounter}). The stream stages increment them from their own thread; the link's
 * owner reads them from any thread (for logs like pppd's "n bad FCS" or for a stats command).
 *
 * @param <E> the layer's counter names
 */
public final class Counters<E extends Enum<E>> {
    private final Class<E> kind;
    private final AtomicLongArray values;

    public Counters(Class<E> kind) {
        this.kind = kind;
        this.values = new AtomicLongArray(kind.getEnumConstants().length);
    }

    public static Counters<HdlcCounter> hdlc() {
        return new Counters<>(HdlcCounter.class);
    }

    public static Counters<PppoeCounter> pppoe() {
        return new Counters<>(PppoeCounter.class);
    }

    public long get(E counter) {
        return values.get(counter.ordinal());
    }

    /** Public so that the io module's packet endpoints count with the same type. */
    public void increment(E counter) {
        values.incrementAndGet(counter.ordinal());
    }

    /** A consistent-enough copy for reporting (each value is read atomically, not all at once). */
    public Map<E, Long> snapshot() {
        Map<E, Long> out = new EnumMap<>(kind);
        for (E e : kind.getEnumConstants()) {
            out.put(e, get(e));
        }
        return out;
    }

    /** Only the counters that moved, for a short log line or an exact test assertion. */
    public Map<E, Long> nonZero() {
        Map<E, Long> out = snapshot();
        out.values().removeIf(v -> v == 0);
        return out;
    }

    @Override
    public String toString() {
        return nonZero().toString();
    }
}
