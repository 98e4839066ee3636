package org.jppp.protocol.config;

import java.util.Optional;

/**
 * What LCP negotiates and its automaton's counters (RFC 1661 §4.6, §6; RFC 1662 §7.1 for the
 * ACCM). {@code asyncmap} is empty when no asyncmap option was given (the peer then escapes every
 * control character); {@code defaultAsyncmap} turns ACCM negotiation off.
 */
public record LcpSettings(
        int mru,
        Optional<Integer> mtu,
        Optional<Integer> asyncmap,
        boolean defaultAsyncmap,
        boolean defaultMru,
        boolean pcomp,
        boolean accomp,
        boolean magic,
        int echoInterval,
        int echoFailure,
        boolean echoAdaptive,
        ControlCounters counters) {

    public LcpSettings {
        Limits.MRU.require("mru", mru);
        mtu.ifPresent(m -> Limits.MRU.require("mtu", m));
        Limits.NON_NEGATIVE.require("lcp-echo-interval", echoInterval);
        Limits.NON_NEGATIVE.require("lcp-echo-failure", echoFailure);
    }
}
