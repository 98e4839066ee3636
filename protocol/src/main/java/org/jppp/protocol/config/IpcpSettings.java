package org.jppp.protocol.config;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * IPCP (RFC 1332) and what jppp does with its result: addresses wanted and accepted, routes,
 * DNS (RFC 1877), proxy ARP. {@code enabled} is false after {@code noip}.
 */
public record IpcpSettings(
        boolean enabled,
        Optional<Inet4Address> local,
        Optional<Inet4Address> remote,
        boolean acceptLocal,
        boolean acceptRemote,
        boolean noipdefault,
        boolean defaultroute,
        boolean replacedefaultroute,
        int defaultrouteMetric,
        boolean usepeerdns,
        List<Inet4Address> msDns,
        List<Inet4Address> msWins,
        Optional<Inet4Address> netmask,
        boolean proxyarp,
        ControlCounters counters) {

    public IpcpSettings {
        msDns = List.copyOf(msDns);
        msWins = List.copyOf(msWins);
        Limits.NON_NEGATIVE.require("defaultroute-metric", defaultrouteMetric);
        if (msDns.size() > 2 || msWins.size() > 2) {
            throw new IllegalArgumentException("ms-dns and ms-wins take at most 2 addresses each");
        }
    }
}
