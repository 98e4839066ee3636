package org.jppp.protocol.config;

import java.util.Optional;
import java.util.OptionalInt;

/** How the link and its interface are named: linkname (pid file), ipparam, unit, ifname. */
public record IdentitySettings(
        Optional<String> linkname,
        Optional<String> ipparam,
        OptionalInt unit,
        Optional<String> ifname) {

    public IdentitySettings {
        unit.ifPresent(u -> Limits.NON_NEGATIVE.require("unit", u));
        ifname.ifPresent(n -> {
            // IFNAMSIZ is 16 including the terminating NUL.
            if (n.isEmpty() || n.length() > 15) {
                throw new IllegalArgumentException("ifname must be 1..15 characters");
            }
        });
    }
}
