package org.jppp.protocol.config;

/**
 * The allowed values of an integer option, shared by the option table (which reports a bad word
 * with its file and line) and the settings records (which refuse a bad value from code or from
 * {@code jppp.conf}). The messages are pppd's ({@code options.c} int_option/process_option).
 */
public record IntRange(int min, int max) {
    /** Any value that is not negative. */
    public static final IntRange NON_NEGATIVE = new IntRange(0, Integer.MAX_VALUE);
    /** Any value of at least one. */
    public static final IntRange POSITIVE = new IntRange(1, Integer.MAX_VALUE);

    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /** How the range reads after "expected": {@code an integer 128..16384}, {@code an integer >= 0}. */
    public String expected() {
        return max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer " + min + ".." + max;
    }

    /** pppd's complaint about {@code value} for {@code option}, e.g. {@code mru value must be between 128 and 16384}. */
    public String complaint(String option) {
        return max == Integer.MAX_VALUE
                ? option + " value must be >= " + min
                : option + " value must be between " + min + " and " + max;
    }

    /** Returns {@code value}, or throws IllegalArgumentException with {@link #complaint}. */
    public int require(String option, int value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(complaint(option) + " (got " + value + ")");
        }
        return value;
    }
}
