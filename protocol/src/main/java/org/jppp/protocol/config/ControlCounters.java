package org.jppp.protocol.config;

/**
 * The Restart timer and the Max-Configure / Max-Terminate / Max-Failure counters of one RFC 1661
 * automaton (§4.6), named in messages with the protocol's option prefix (e.g. {@code ipcp}).
 */
public record ControlCounters(String prefix, int restart, int maxConfigure, int maxTerminate, int maxFailure) {
    public ControlCounters {
        Limits.RESTART.require(prefix + "-restart", restart);
        Limits.COUNTER.require(prefix + "-max-configure", maxConfigure);
        Limits.COUNTER.require(prefix + "-max-terminate", maxTerminate);
        Limits.COUNTER.require(prefix + "-max-failure", maxFailure);
    }
}
