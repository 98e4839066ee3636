package org.jppp.protocol.pppoe.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jppp.protocol.pppoe.MacAddress;

/**
 * The access concentrator's discovery settings, after rp-pppoe's pppoe-server options.
 *
 * @param acMac             the interface's address, source of every frame the AC sends
 * @param acName            {@code -C}: the AC-Name put in every PADO
 * @param serviceNames      {@code -S}, repeatable: the services offered. Empty means any: the
 *                          PADO then echoes whatever Service-Name the PADI asked for (rp-pppoe
 *                          would offer only the empty default service)
 * @param maxSessions       {@code -N}: concurrent sessions, 1..65534 (rp-pppoe's default 64)
 * @param maxSessionsPerMac {@code -x}: sessions per host MAC address, 0 = unlimited
 * @param interfaceMtu      the Ethernet MTU, which caps a granted PPP-Max-Payload (RFC 4638)
 * @param cookieLifetime    how long an AC-Cookie from a PADO stays valid for the PADR
 * @param padiBurst         PADIs accepted from one MAC address in a burst (token bucket size)
 * @param padiPerSecond     the rate at which that allowance refills
 */
public record ServerConfig(
        MacAddress acMac,
        String acName,
        List<String> serviceNames,
        int maxSessions,
        int maxSessionsPerMac,
        int interfaceMtu,
        Duration cookieLifetime,
        int padiBurst,
        double padiPerSecond) {

    /** rp-pppoe's DEFAULT_MAX_SESSIONS. */
    public static final int DEFAULT_MAX_SESSIONS = 64;
    /** Session ids 0 and 0xFFFF are reserved (RFC 2516 §4), so 65534 can be in use at once. */
    public static final int MAX_SESSIONS_LIMIT = 0xFFFE;
    public static final Duration DEFAULT_COOKIE_LIFETIME = Duration.ofSeconds(60);
    public static final int DEFAULT_PADI_BURST = 5;
    public static final double DEFAULT_PADI_PER_SECOND = 1.0;

    public ServerConfig {
        Objects.requireNonNull(acMac, "acMac");
        Objects.requireNonNull(acName, "acName");
        serviceNames = List.copyOf(serviceNames);
        if (acMac.isMulticast()) {
            throw new IllegalArgumentException("the AC's MAC address must be unicast: " + acMac);
        }
        if (maxSessions < 1 || maxSessions > MAX_SESSIONS_LIMIT) {
            throw new IllegalArgumentException("-N must be 1.." + MAX_SESSIONS_LIMIT + ": " + maxSessions);
        }
        if (maxSessionsPerMac < 0) {
            throw new IllegalArgumentException("-x must not be negative: " + maxSessionsPerMac);
        }
        if (cookieLifetime.isNegative() || cookieLifetime.isZero()) {
            throw new IllegalArgumentException("cookie lifetime must be positive: " + cookieLifetime);
        }
        if (padiBurst < 1 || !(padiPerSecond > 0)) {
            throw new IllegalArgumentException("PADI rate limit must be positive: " + padiBurst + ", " + padiPerSecond);
        }
    }

    /** pppoe-server's defaults with this name and these services: 64 sessions, no per-MAC limit. */
    public static ServerConfig of(MacAddress acMac, String acName, List<String> serviceNames) {
        return new ServerConfig(acMac, acName, serviceNames, DEFAULT_MAX_SESSIONS, 0, 1500,
                DEFAULT_COOKIE_LIFETIME, DEFAULT_PADI_BURST, DEFAULT_PADI_PER_SECOND);
    }

    public ServerConfig withLimits(int maxSessions, int maxSessionsPerMac) {
        return new ServerConfig(acMac, acName, serviceNames, maxSessions, maxSessionsPerMac, interfaceMtu,
                cookieLifetime, padiBurst, padiPerSecond);
    }

    public ServerConfig withPadiRate(int burst, double perSecond) {
        return new ServerConfig(acMac, acName, serviceNames, maxSessions, maxSessionsPerMac, interfaceMtu,
                cookieLifetime, burst, perSecond);
    }

    public ServerConfig withInterfaceMtu(int mtu) {
        return new ServerConfig(acMac, acName, serviceNames, maxSessions, maxSessionsPerMac, mtu,
                cookieLifetime, padiBurst, padiPerSecond);
    }
}
