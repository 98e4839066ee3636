package org.jppp.protocol.config;

import java.util.OptionalInt;

/**
 * When the link is brought up, kept and given up: persist, holdoff, maxfail, demand, idle,
 * maxconnect, and jppp's holdoff backoff ({@code holdoff-max}, {@code holdoff-backoff}).
 *
 * @param holdoffMax     cap of a backed-off holdoff in seconds; empty: {@code holdoff}
 * @param holdoffBackoff factor of each further holdoff in a row; 1 is pppd's constant holdoff
 */
public record LinkControlSettings(
        boolean persist,
        int holdoff,
        int maxfail,
        boolean demand,
        int idle,
        int maxconnect,
        OptionalInt holdoffMax,
        double holdoffBackoff) {

    public LinkControlSettings {
        Limits.NON_NEGATIVE.require("holdoff", holdoff);
        Limits.NON_NEGATIVE.require("maxfail", maxfail);
        Limits.NON_NEGATIVE.require("idle", idle);
        Limits.NON_NEGATIVE.require("maxconnect", maxconnect);
        if (holdoffMax.isPresent() && holdoffMax.getAsInt() < holdoff) {
            throw new IllegalArgumentException("holdoff-max " + holdoffMax.getAsInt() + " is less than holdoff "
                    + holdoff);
        }
        if (!(holdoffBackoff >= 1.0) || Double.isInfinite(holdoffBackoff)) {
            throw new IllegalArgumentException("holdoff-backoff " + holdoffBackoff + " (expected a number >= 1)");
        }
    }

    /** pppd's options alone: a constant holdoff. */
    public LinkControlSettings(boolean persist, int holdoff, int maxfail, boolean demand, int idle, int maxconnect) {
        this(persist, holdoff, maxfail, demand, idle, maxconnect, OptionalInt.empty(), 1.0);
    }
}
