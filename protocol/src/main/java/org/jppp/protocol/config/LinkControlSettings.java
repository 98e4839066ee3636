package org.jppp.protocol.config;

import java.util.Optional;

/**
 * When the link is brought up, kept and given up: persist, holdoff, maxfail, demand, idle,
 * maxconnect. {@code activeFilter} is kept as written (jppp does not compile pcap filters yet).
 */
public record LinkControlSettings(
        boolean persist,
        int holdoff,
        int maxfail,
        boolean demand,
        int idle,
        int maxconnect,
        Optional<String> activeFilter) {

    public LinkControlSettings {
        Limits.NON_NEGATIVE.require("holdoff", holdoff);
        Limits.NON_NEGATIVE.require("maxfail", maxfail);
        Limits.NON_NEGATIVE.require("idle", idle);
        Limits.NON_NEGATIVE.require("maxconnect", maxconnect);
    }
}
