package org.jppp.protocol.cp;

import java.util.OptionalInt;
import java.util.Set;

/**
 * What we accept in the peer's Configure-Request (pppd's {@code lcp_allowoptions}).
 *
 * @param mru      whether the peer may state its MRU
 * @param asyncmap the characters we need the peer to escape; empty rejects the option
 * @param auth     methods we agree to authenticate ourselves with
 * @param magic    whether the peer may send a Magic-Number
 * @param pcomp    whether the peer may compress protocol fields
 * @param accomp   whether the peer may compress address and control fields
 */
public record LcpAllowed(boolean mru, OptionalInt asyncmap, Set<AuthMethod> auth, boolean magic,
                         boolean pcomp, boolean accomp) {
    public LcpAllowed {
        auth = Set.copyOf(auth);
    }
}
