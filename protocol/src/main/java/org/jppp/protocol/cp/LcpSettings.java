package org.jppp.protocol.cp;

import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What LCP is configured to negotiate; the options-file layer maps pppd's options onto it.
 *
 * @param mru          our receive unit, asked for when not 1500 (pppd {@code mru})
 * @param asyncmap     the control characters we need escaped (pppd {@code asyncmap}); empty when
 *                     the link has no ACCM at all, e.g. PPPoE, and the option is then rejected
 * @param pcomp        ask for and accept Protocol-Field-Compression (off with pppd {@code nopcomp})
 * @param accomp       ask for and accept Address-and-Control-Field-Compression ({@code noaccomp})
 * @param requireAuth  methods we require the peer to authenticate with (pppd {@code require-*});
 *                     asked for in pppd's preference order
 * @param allowAuth    methods we agree to authenticate ourselves with (pppd {@code refuse-*} removes)
 * @param magic        negotiate Magic-Numbers (off with pppd {@code nomagic})
 * @param loopbackFail consecutive Naks of our Magic-Number before declaring a loopback
 *                     (pppd's fixed DEFLOOPBACKFAIL is 10)
 */
public record LcpSettings(int mru, OptionalInt asyncmap, boolean pcomp, boolean accomp,
                          Set<AuthMethod> requireAuth, Set<AuthMethod> allowAuth, boolean magic,
                          int loopbackFail) {
    /** pppd's DEFMRU: the MRU every peer must accept (RFC 1661 §6.1). */
    public static final int DEFAULT_MRU = 1500;
    /** pppd's MINMRU: a peer asking for less is Naked with this. */
    public static final int MIN_MRU = 128;

    /** pppd's defaults on an asynchronous line: everything negotiable, no authentication required. */
    public static final LcpSettings DEFAULT = new LcpSettings(DEFAULT_MRU, OptionalInt.of(0), true, true,
            Set.of(), EnumSet.allOf(AuthMethod.class), true, 10);

    public LcpSettings {
        if (mru < MIN_MRU || mru > 0xFFFF) {
            throw new IllegalArgumentException("mru out of range: " + mru);
        }
        if (loopbackFail < 1) {
            throw new IllegalArgumentException("loopback-fail must be at least 1: " + loopbackFail);
        }
        requireAuth = Set.copyOf(requireAuth);
        allowAuth = Set.copyOf(allowAuth);
    }

    /** PPPoE's LCP (RFC 2516 §7): no ACCM, no field compression. */
    public LcpSettings forPppoe() {
        return new LcpSettings(Math.min(mru, 1492), OptionalInt.empty(), false, false, requireAuth, allowAuth,
                magic, loopbackFail);
    }

    public LcpSettings withMru(int m) {
        return new LcpSettings(m, asyncmap, pcomp, accomp, requireAuth, allowAuth, magic, loopbackFail);
    }

    public LcpSettings withAuth(Set<AuthMethod> require, Set<AuthMethod> allow) {
        return new LcpSettings(mru, asyncmap, pcomp, accomp, require, allow, magic, loopbackFail);
    }

    public LcpSettings withMagic(boolean m) {
        return new LcpSettings(mru, asyncmap, pcomp, accomp, requireAuth, allowAuth, m, loopbackFail);
    }
}
