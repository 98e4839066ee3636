package org.jppp.supervisor.options;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value of every settings key: the defaults from application.conf, overridden by each option
 * read (later wins, as in pppd), each remembering the text to print for {@code dryrun} and where
 * it came from. List keys (ms-dns, ms-wins, plugin) keep one entry per word.
 */
public final class OptionValues {
    /** Where a value came from and how {@code dryrun} prints it ({@code mru 1492}). */
    public record Entry(Object value, String printed, String source) {}

    private final Map<String, Object> defaults;
    private final Map<String, List<Entry>> set = new HashMap<>();

    public OptionValues(Map<String, Object> defaults) {
        this.defaults = Map.copyOf(defaults);
    }

    /** Sets {@code key}, replacing whatever was there. */
    void put(String key, Object value, String printed, String source) {
        List<Entry> list = new ArrayList<>();
        list.add(new Entry(value, printed, source));
        set.put(key, list);
    }

    /**
     * Appends to list key {@code key}; past {@code max} entries the last is replaced, which is
     * what pppd does with a third ms-dns.
     */
    void append(String key, Object value, String printed, String source, int max) {
        List<Entry> list = set.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.size() >= max) {
            list.remove(list.size() - 1);
        }
        list.add(new Entry(value, printed, source));
    }

    /** The current value: the last one set, else the default, else empty. */
    public Optional<Object> get(String key) {
        List<Entry> list = set.get(key);
        if (list != null && !list.isEmpty()) {
            return Optional.of(list.get(list.size() - 1).value());
        }
        return Optional.ofNullable(defaults.get(key));
    }

    /** The values of a list key, in the order given. */
    public List<Object> list(String key) {
        return set.getOrDefault(key, List.of()).stream().map(Entry::value).toList();
    }

    /** Whether an option (not a default) set {@code key}. */
    public boolean isSet(String key) {
        return set.containsKey(key);
    }

    /** The entries set by options, per key in table print order. */
    public Map<String, List<Entry>> setEntries() {
        Map<String, List<Entry>> ordered = new LinkedHashMap<>();
        for (String key : OptionTable.keys()) {
            List<Entry> list = set.get(key);
            if (list != null) {
                ordered.put(key, List.copyOf(list));
            }
        }
        return ordered;
    }

    public boolean bool(String key) {
        return (Boolean) get(key).orElse(Boolean.FALSE);
    }

    public int integer(String key) {
        return (Integer) get(key).orElseThrow(() -> new IllegalStateException("no value for " + key));
    }

    public Optional<Integer> optionalInt(String key) {
        return get(key).map(Integer.class::cast);
    }

    /** A {@link OptionSpec.Kind#DECIMAL} value; 1 when unset (jppp's factors default to none). */
    public double decimal(String key) {
        return get(key).map(Number.class::cast).map(Number::doubleValue).orElse(1.0);
    }

    public Optional<String> string(String key) {
        return get(key).map(String.class::cast);
    }
}
