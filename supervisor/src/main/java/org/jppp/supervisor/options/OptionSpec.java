package org.jppp.supervisor.options;

import org.jppp.protocol.config.IntRange;

/**
 * One row of the option table: the word pppd(8) knows, what follows it, the settings key it
 * sets (also its key under {@code pppd} in application.conf) and a one-line meaning.
 *
 * @param name   the option word; for {@link Kind#WILD} rows a description, never matched
 * @param kind   how the word and its argument are read
 * @param key    the settings key; several rows may share one (persist / nopersist)
 * @param value  what a {@link Kind#FLAG} row stores (a Boolean, or the word of a choice)
 * @param range  the allowed values of an {@link Kind#INT} row
 * @param help   a one-line meaning, for docs/options.md and messages
 * @param plugin true when the word exists only once a PPPoE plugin is loaded (as in pppd)
 */
public record OptionSpec(String name, Kind kind, String key, Object value, IntRange range, String help,
        boolean plugin) {

    /** How an option is read and stored. */
    public enum Kind {
        /** No argument; stores {@code value}. */
        FLAG,
        /** No argument; adds one to the key (debug). */
        INCREMENT,
        /** A decimal, octal (0…) or hex (0x…) integer in {@code range}, as C's strtoul base 0. */
        INT,
        /** A decimal number of at least 1, such as 2 or 1.5 (jppp's holdoff-backoff). */
        DECIMAL,
        /** A hex number ORed into the key (asyncmap). */
        HEX_OR,
        /** A string. */
        STRING,
        /** A string never printed (password). */
        SECRET,
        /** A dotted-quad IPv4 address. */
        IPV4,
        /** A dotted-quad IPv4 address appended to a list of at most two. */
        IPV4_LIST,
        /** {@code <local_id>,<remote_id>}, either optional: IPv6 interface identifiers. */
        IPV6_IDS,
        /** Reads options from the named file at this position. */
        FILE,
        /** Reads options from $ETC/peers/NAME at this position. */
        CALL,
        /** Loads a plugin: only the PPPoE plugin exists in jppp. */
        PLUGIN,
        /** Accepted and ignored: turns off something jppp does not have. */
        IGNORED,
        /** A pppd option jppp refuses. */
        UNSUPPORTED,
        /** Not a word of its own: a device, speed, address pair or interface recognised by form. */
        WILD
    }

    /** How many words follow the option word. */
    public int arguments() {
        return switch (kind) {
            case FLAG, INCREMENT, IGNORED, UNSUPPORTED, WILD -> 0;
            default -> 1;
        };
    }
}
