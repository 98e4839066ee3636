package org.jppp.supervisor.pppoe;

import java.util.OptionalInt;
import org.jppp.actors.session.SessionSettings;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.discovery.ClientConfig;

/**
 * RFC 4638 for a PPPoE session, as pppd's rp-pppoe plugin does it: the MRU and MTU LCP may use
 * are capped by the Ethernet interface (its MTU less the 8 octets of PPPoE and PPP headers); when
 * both the configured {@code mtu} and {@code mru} still exceed 1492 the host asks for that much
 * in a PPP-Max-Payload tag, and only an access concentrator that echoes the tag lets the session
 * go above 1492 (§4: the host MUST NOT otherwise). Without the echo both are clamped to 1492
 * (RFC 2516 §7).
 */
public final class PppoeMtu {
    private PppoeMtu() {}

    /** The PPP-Max-Payload to announce for these options on an interface of this MTU, if any. */
    public static OptionalInt request(PppdSettings settings, int interfaceMtu) {
        return ClientConfig.requestedMaxPayload(configuredMtu(settings), configuredMru(settings), interfaceMtu);
    }

    /**
     * The largest PPP payload of the session: what both sides agreed on in discovery, else
     * RFC 2516's 1492.
     */
    public static int limit(OptionalInt agreed) {
        return PppoeConstants.maxMru(agreed);
    }

    /**
     * LCP's settings for the session: our MRU (asked for in the Configure-Request) and the MTU
     * ceiling (the interface's MTU is the smaller of it and the peer's MRU), both at most
     * {@link #limit}.
     */
    public static SessionSettings apply(SessionSettings session, PppdSettings settings, OptionalInt agreed) {
        int limit = limit(agreed);
        return bound(session, Math.min(configuredMtu(settings), limit), Math.min(configuredMru(settings), limit));
    }

    /** The session with this MTU ceiling and this MRU asked for. */
    static SessionSettings bound(SessionSettings session, int mtu, int mru) {
        return session.withLcp(session.lcp().withMru(mru)).withMtu(OptionalInt.of(mtu));
    }

    /** pppd's {@code mtu} (lcp_allowoptions' MRU), 1500 unless set. */
    static int configuredMtu(PppdSettings settings) {
        return settings.lcp().mtu().orElse(LcpSettings.DEFAULT_MRU);
    }

    /** pppd's {@code mru} (lcp_wantoptions' MRU), 1500 unless set. */
    static int configuredMru(PppdSettings settings) {
        return settings.lcp().defaultMru() ? LcpSettings.DEFAULT_MRU : settings.lcp().mru();
    }
}
