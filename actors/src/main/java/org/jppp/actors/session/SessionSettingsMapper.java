package org.jppp.actors.session;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jppp.protocol.authn.AuthNames;
import org.jppp.protocol.authn.AuthTimers;
import org.jppp.protocol.config.AuthProtocol;
import org.jppp.protocol.config.AuthSettings;
import org.jppp.protocol.config.ControlCounters;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.cp.AuthMethod;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.cp.Ipv6cpSettings;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.protocol.fsm.FsmConfig;
import org.jppp.protocol.wire.Ipv4;

/**
 * pppd's options ({@link PppdSettings}) in the terms the protocol layer negotiates with: the one
 * place where option names meet RFC options.
 */
public final class SessionSettingsMapper {
    /** pppd's DEFLOOPBACKFAIL: Naks of our Magic-Number before the line counts as looped back. */
    private static final int LOOPBACK_FAIL = 10;

    private SessionSettingsMapper() {
    }

    /**
     * @param hostName    for our default name ({@code name} unset), as pppd uses gethostname
     * @param papSecrets  the pap-secrets file, read by the caller
     * @param chapSecrets the chap-secrets file, read by the caller
     */
    public static SessionSettings map(PppdSettings s, String hostName, Secrets papSecrets, Secrets chapSecrets) {
        AuthConfig auth = auth(s.auth(), hostName, papSecrets, chapSecrets);
        org.jppp.protocol.config.LcpSettings l = s.lcp();
        LcpSettings lcp = new LcpSettings(l.defaultMru() ? LcpSettings.DEFAULT_MRU : l.mru(),
                l.defaultAsyncmap() ? OptionalInt.empty() : OptionalInt.of(l.asyncmap().orElse(0)),
                l.pcomp(), l.accomp(), auth.require(), auth.allow(), l.magic(), LOOPBACK_FAIL);
        if (s.pppoe().enabled()) {
            lcp = lcp.forPppoe();
        }
        return new SessionSettings(lcp, fsm(l.counters()), Duration.ofSeconds(l.echoInterval()), l.echoFailure(),
                l.echoAdaptive(), ipcp(s.ipcp()), fsm(s.ipcp().counters()), ipv6cp(s.ipv6cp()),
                fsm(s.ipv6cp().counters()), l.mtu().map(OptionalInt::of).orElse(OptionalInt.empty()), auth);
    }

    /** RFC 1661 §4.6 counters and Restart timer from {@code <prefix>-restart}, {@code -max-*}. */
    static FsmConfig fsm(ControlCounters c) {
        return new FsmConfig(c.maxConfigure(), c.maxTerminate(), c.maxFailure(), Duration.ofSeconds(c.restart()),
                false, false);
    }

    /** Without an address pppd asks the peer for one (it would take the host name's; jppp does not). */
    static Optional<IpcpSettings> ipcp(org.jppp.protocol.config.IpcpSettings i) {
        if (!i.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new IpcpSettings(i.local().orElse(Ipv4.ANY), i.remote().orElse(Ipv4.ANY),
                i.acceptLocal(), i.acceptRemote(), i.usepeerdns(), i.msDns()));
    }

    static Optional<Ipv6cpSettings> ipv6cp(org.jppp.protocol.config.Ipv6cpSettings i) {
        if (!i.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new Ipv6cpSettings(i.localId().orElse(0), i.remoteId().orElse(0)));
    }

    /**
     * pppd's auth.c: {@code require-X} asks for X; {@code auth} alone asks for every method not
     * refused (pppd then drops those it has no secrets for); {@code refuse-X} removes X from
     * what we answer.
     */
    static AuthConfig auth(AuthSettings a, String hostName, Secrets papSecrets, Secrets chapSecrets) {
        Set<AuthMethod> refused = methods(a.refused());
        Set<AuthMethod> require = methods(a.required());
        if (a.auth() && require.isEmpty()) {
            require = EnumSet.allOf(AuthMethod.class);
            require.removeAll(refused);
        }
        Set<AuthMethod> allow = EnumSet.allOf(AuthMethod.class);
        allow.removeAll(refused);
        return new AuthConfig(require, allow, AuthNames.from(a, hostName), AuthTimers.from(a), papSecrets,
                chapSecrets, a.password());
    }

    private static Set<AuthMethod> methods(Set<AuthProtocol> protocols) {
        Set<AuthMethod> out = EnumSet.noneOf(AuthMethod.class);
        protocols.forEach(p -> out.add(method(p)));
        return out;
    }

    /** pppd's require-chap and refuse-chap mean CHAP with MD5 only. */
    static AuthMethod method(AuthProtocol p) {
        return switch (p) {
            case PAP -> AuthMethod.PAP;
            case CHAP -> AuthMethod.CHAP_MD5;
            case MSCHAP -> AuthMethod.CHAP_MS;
            case MSCHAP_V2 -> AuthMethod.CHAP_MS_V2;
            case EAP -> AuthMethod.EAP;
        };
    }
}
