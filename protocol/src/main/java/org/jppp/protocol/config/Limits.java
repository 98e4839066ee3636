package org.jppp.protocol.config;

/**
 * The ranges of pppd's numeric options. Where pppd sets no limit, jppp refuses values that
 * cannot work (a restart timer of 0 seconds, a negative count) and says so in docs/options.md.
 */
public final class Limits {
    private Limits() {}

    /** pppd's MINMRU..MAXMRU (lcp.h); RFC 1661 §6.1 lets the MRU be anything, pppd does not. */
    public static final IntRange MRU = new IntRange(128, 16384);
    /** Seconds of a restart timer (RFC 1661 §4.6 Restart Timer, default 3). */
    public static final IntRange RESTART = new IntRange(1, 3600);
    /** Max-Configure, Max-Terminate and Max-Failure counters (RFC 1661 §4.6). */
    public static final IntRange COUNTER = new IntRange(1, 10000);
    /** Seconds, counts and levels where 0 means "off" or "no limit". */
    public static final IntRange NON_NEGATIVE = IntRange.NON_NEGATIVE;
    /** Line speeds, timeouts and counts that must be at least one. */
    public static final IntRange POSITIVE = IntRange.POSITIVE;
}
