package org.jppp.supervisor.options;

import java.net.Inet4Address;
import java.util.Optional;

/** The {@code local:remote} word: either side may be empty, and a later pair sets only its sides. */
public record AddressPair(Optional<Inet4Address> local, Optional<Inet4Address> remote) {
    /** This pair with the sides {@code later} gives replaced. */
    AddressPair overriddenBy(AddressPair later) {
        return new AddressPair(later.local.or(() -> local), later.remote.or(() -> remote));
    }

    /** pppd's print form: {@code 10.0.0.1:10.0.0.2}, an absent side empty. */
    String printed() {
        return local.map(Inet4Address::getHostAddress).orElse("") + ":"
                + remote.map(Inet4Address::getHostAddress).orElse("");
    }
}
