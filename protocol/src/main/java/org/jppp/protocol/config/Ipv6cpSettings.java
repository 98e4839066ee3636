package org.jppp.protocol.config;

import java.util.OptionalLong;

/**
 * IPV6CP (RFC 5072): whether it runs ({@code +ipv6} / {@code noipv6}) and the 64-bit interface
 * identifiers of {@code ipv6 <local>,<remote>} (§4.1).
 */
public record Ipv6cpSettings(
        boolean enabled,
        OptionalLong localId,
        OptionalLong remoteId,
        boolean acceptLocal,
        boolean useIpaddr,
        boolean usePersistent,
        ControlCounters counters) {
}
