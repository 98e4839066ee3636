package org.jppp.supervisor.peer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * pppd's callout list (timeout and calltimeout in main.c) for whatever runs while a link is up,
 * in whole seconds since it came up. Time here moves only when the earliest entry falls due, so
 * the actor needs one timer for the whole list and tests see exact times.
 */
final class Callouts<K extends Enum<K>> {
    private final Map<K, Long> due;
    private long now;

    Callouts(Class<K> keys) {
        this.due = new EnumMap<>(keys);
    }

    /** Empties the list and restarts the clock at zero. */
    void clear() {
        due.clear();
        now = 0;
    }

    /** Schedules {@code key} in {@code seconds}, replacing an earlier entry for it. */
    void in(K key, long seconds) {
        due.put(key, now + seconds);
    }

    /** Seconds until the earliest entry, none when the list is empty. */
    OptionalLong untilNext() {
        return due.values().stream().mapToLong(t -> t - now).min();
    }

    /** Moves the clock to the earliest entry and removes and returns every entry then due. */
    List<K> advance() {
        untilNext().ifPresent(wait -> now += wait);
        List<K> fired = new ArrayList<>();
        due.entrySet().removeIf(e -> e.getValue() <= now && fired.add(e.getKey()));
        return fired;
    }
}
