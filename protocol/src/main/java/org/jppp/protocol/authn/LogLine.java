package org.jppp.protocol.authn;

import java.util.Objects;

/**
 * One line for the log, worded as pppd words it, at pppd's level ({@code dbglog}, {@code info},
 * {@code notice}, {@code warn}, {@code error}). The machines never put a secret in one.
 */
public record LogLine(Level level, String text) {
    /** pppd's syslog levels. */
    public enum Level { DEBUG, INFO, NOTICE, WARN, ERROR }

    public LogLine {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return level + ": " + text;
    }
}
