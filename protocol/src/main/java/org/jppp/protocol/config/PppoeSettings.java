package org.jppp.protocol.config;

import java.util.Optional;

/**
 * The rp-pppoe plugin's options (pppd 2.4.9 names): the Ethernet interface, the wanted service
 * and access concentrator (RFC 2516 §5.1 Service-Name / AC-Name tags), an existing session to
 * attach to, Host-Uniq, and the PADI timer.
 */
public record PppoeSettings(
        Optional<String> plugin,
        Optional<String> nic,
        Optional<String> service,
        Optional<String> acName,
        Optional<String> session,
        int verbose,
        Optional<String> mac,
        Optional<String> hostUniq,
        int padiTimeout,
        int padiAttempts) {

    public PppoeSettings {
        Limits.NON_NEGATIVE.require("rp_pppoe_verbose", verbose);
        Limits.POSITIVE.require("pppoe-padi-timeout", padiTimeout);
        Limits.POSITIVE.require("pppoe-padi-attempts", padiAttempts);
    }

    /** Whether a PPPoE plugin was loaded, which makes the link PPPoE instead of a tty. */
    public boolean enabled() {
        return plugin.isPresent();
    }
}
