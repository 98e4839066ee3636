package org.jppp.supervisor.options;

import java.util.OptionalLong;

/** The {@code ipv6 <local_id>,<remote_id>} identifiers (RFC 5072 §4.1); a later word sets only its sides. */
public record InterfaceIds(OptionalLong local, OptionalLong remote) {
    InterfaceIds overriddenBy(InterfaceIds later) {
        return new InterfaceIds(later.local.isPresent() ? later.local : local,
                later.remote.isPresent() ? later.remote : remote);
    }
}
