package org.jppp.protocol.cp;

import java.util.List;
import java.util.OptionalInt;

/**
 * One side's LCP option values: what we want, what we are asking for (and, once acked, what the
 * peer agreed to), or what we acked for the peer. Empty means "not negotiated".
 *
 * @param mru      Maximum-Receive-Unit
 * @param asyncmap Async-Control-Character-Map
 * @param auth     Authentication-Protocol: the method asked for first, then our fallbacks if Naked
 * @param magic    Magic-Number
 * @param pcomp    Protocol-Field-Compression
 * @param accomp   Address-and-Control-Field-Compression
 */
public record LcpValues(OptionalInt mru, OptionalInt asyncmap, List<AuthMethod> auth, OptionalInt magic,
                        boolean pcomp, boolean accomp) {
    public static final LcpValues NONE =
            new LcpValues(OptionalInt.empty(), OptionalInt.empty(), List.of(), OptionalInt.empty(), false, false);

    public LcpValues {
        auth = List.copyOf(auth);
    }

    public LcpValues withMru(OptionalInt m) {
        return new LcpValues(m, asyncmap, auth, magic, pcomp, accomp);
    }

    public LcpValues withAsyncmap(OptionalInt a) {
        return new LcpValues(mru, a, auth, magic, pcomp, accomp);
    }

    public LcpValues withAuth(List<AuthMethod> a) {
        return new LcpValues(mru, asyncmap, a, magic, pcomp, accomp);
    }

    public LcpValues withMagic(OptionalInt m) {
        return new LcpValues(mru, asyncmap, auth, m, pcomp, accomp);
    }

    public LcpValues withPcomp(boolean p) {
        return new LcpValues(mru, asyncmap, auth, magic, p, accomp);
    }

    public LcpValues withAccomp(boolean a) {
        return new LcpValues(mru, asyncmap, auth, magic, pcomp, a);
    }
}
