package org.jppp.protocol.config;

import java.util.Optional;

/**
 * The rp-pppoe plugin's options (pppd 2.4.9 names): the Ethernet interface, the wanted service
 * and access concentrator (RFC 2516 §5.1 Service-Name / AC-Name tags), an existing session to
 * attach to, Host-Uniq, and the PADI timer; and jppp's {@code clamp-mss} (0: off), the TCP MSS
 * that SYNs crossing the link are lowered to, and {@code pppoe-src-mac}, the session's own
 * source MAC address (empty: the interface's).
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
        int padiAttempts,
        int clampMss,
        Optional<String> srcMac) {

    public PppoeSettings {
        Limits.NON_NEGATIVE.require("rp_pppoe_verbose", verbose);
        Limits.NON_NEGATIVE.require("clamp-mss", clampMss);
        Limits.POSITIVE.require("pppoe-padi-timeout", padiTimeout);
        Limits.POSITIVE.require("pppoe-padi-attempts", padiAttempts);
    }

    /** With the interface's own MAC address as the source. */
    public PppoeSettings(Optional<String> plugin, Optional<String> nic, Optional<String> service,
            Optional<String> acName, Optional<String> session, int verbose, Optional<String> mac,
            Optional<String> hostUniq, int padiTimeout, int padiAttempts, int clampMss) {
        this(plugin, nic, service, acName, session, verbose, mac, hostUniq, padiTimeout, padiAttempts, clampMss,
                Optional.empty());
    }

    /** Without jppp's {@code clamp-mss} (off). */
    public PppoeSettings(Optional<String> plugin, Optional<String> nic, Optional<String> service,
            Optional<String> acName, Optional<String> session, int verbose, Optional<String> mac,
            Optional<String> hostUniq, int padiTimeout, int padiAttempts) {
        this(plugin, nic, service, acName, session, verbose, mac, hostUniq, padiTimeout, padiAttempts, 0);
    }

    /** Whether a PPPoE plugin was loaded, which makes the link PPPoE instead of a tty. */
    public boolean enabled() {
        return plugin.isPresent();
    }
}
