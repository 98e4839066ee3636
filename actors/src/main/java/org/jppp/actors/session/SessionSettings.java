package org.jppp.actors.session;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.cp.Ipv6cpSettings;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.protocol.fsm.FsmConfig;

/**
 * Everything one {@link PeerSession} negotiates, in the protocol layer's terms; built from
 * pppd's options by {@link SessionSettingsMapper}.
 *
 * @param lcp          LCP options
 * @param lcpFsm       LCP's counters and Restart timer
 * @param echoInterval {@code lcp-echo-interval}; zero turns the keepalive off
 * @param echoFailure  {@code lcp-echo-failure}; zero never declares the peer dead
 * @param echoAdaptive {@code lcp-echo-adaptive}
 * @param ipcp         IPCP options; empty after {@code noip}
 * @param ipcpFsm      IPCP's counters and Restart timer
 * @param ipv6cp       IPv6CP options; empty unless {@code +ipv6}
 * @param ipv6cpFsm    IPv6CP's counters and Restart timer
 * @param mtu          {@code mtu}: the most we send, whatever the peer's MRU
 * @param auth         who authenticates whom, and with what
 */
public record SessionSettings(LcpSettings lcp, FsmConfig lcpFsm, Duration echoInterval, int echoFailure,
                              boolean echoAdaptive, Optional<IpcpSettings> ipcp, FsmConfig ipcpFsm,
                              Optional<Ipv6cpSettings> ipv6cp, FsmConfig ipv6cpFsm, OptionalInt mtu,
                              AuthConfig auth) {

    /** pppd's defaults with {@code noipdefault usepeerdns}: a client asking for everything, no keepalive. */
    public static final SessionSettings CLIENT = new SessionSettings(LcpSettings.DEFAULT, FsmConfig.DEFAULT,
            Duration.ZERO, 0, false, Optional.of(IpcpSettings.CLIENT), FsmConfig.DEFAULT, Optional.empty(),
            FsmConfig.DEFAULT, OptionalInt.empty(), AuthConfig.NONE);

    public SessionSettings withLcp(LcpSettings l) {
        return new SessionSettings(l, lcpFsm, echoInterval, echoFailure, echoAdaptive, ipcp, ipcpFsm, ipv6cp,
                ipv6cpFsm, mtu, auth);
    }

    /** The same automaton tunables for LCP, IPCP and IPv6CP. */
    public SessionSettings withFsm(FsmConfig f) {
        return new SessionSettings(lcp, f, echoInterval, echoFailure, echoAdaptive, ipcp, f, ipv6cp, f, mtu, auth);
    }

    public SessionSettings withEcho(Duration interval, int failure, boolean adaptive) {
        return new SessionSettings(lcp, lcpFsm, interval, failure, adaptive, ipcp, ipcpFsm, ipv6cp, ipv6cpFsm,
                mtu, auth);
    }

    public SessionSettings withIpcp(Optional<IpcpSettings> i) {
        return new SessionSettings(lcp, lcpFsm, echoInterval, echoFailure, echoAdaptive, i, ipcpFsm, ipv6cp,
                ipv6cpFsm, mtu, auth);
    }

    public SessionSettings withIpv6cp(Optional<Ipv6cpSettings> i) {
        return new SessionSettings(lcp, lcpFsm, echoInterval, echoFailure, echoAdaptive, ipcp, ipcpFsm, i,
                ipv6cpFsm, mtu, auth);
    }

    /** The MTU ceiling: the interface's MTU is the smaller of it and the peer's MRU. */
    public SessionSettings withMtu(OptionalInt m) {
        return new SessionSettings(lcp, lcpFsm, echoInterval, echoFailure, echoAdaptive, ipcp, ipcpFsm, ipv6cp,
                ipv6cpFsm, m, auth);
    }

    public SessionSettings withAuth(AuthConfig a) {
        return new SessionSettings(lcp.withAuth(a.require(), a.allow()), lcpFsm, echoInterval, echoFailure,
                echoAdaptive, ipcp, ipcpFsm, ipv6cp, ipv6cpFsm, mtu, a);
    }
}
