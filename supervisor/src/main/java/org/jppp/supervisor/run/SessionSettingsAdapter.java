package org.jppp.supervisor.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.session.AuthConfig;
import org.jppp.actors.session.SessionSettings;
import org.jppp.protocol.authn.AuthNames;
import org.jppp.protocol.authn.AuthTimers;
import org.jppp.protocol.config.AuthProtocol;
import org.jppp.protocol.config.AuthSettings;
import org.jppp.protocol.config.ControlCounters;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.config.SecretsFile;
import org.jppp.protocol.cp.AuthMethod;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.protocol.fsm.FsmConfig;
import org.jppp.protocol.wire.Ipv4;

/**
 * pppd's options as one {@link PeerSession}'s {@link SessionSettings}. A stop-gap adapter: the
 * actors module is to provide this mapping itself; until it does, the run uses this one.
 */
final class SessionSettingsAdapter {
    private SessionSettingsAdapter() {}

    static SessionSettings from(PppdSettings s, Path etcDir) throws LinkSetupException {
        org.jppp.protocol.config.LcpSettings lcp = s.lcp();
        LcpSettings lcpOptions = new LcpSettings(lcp.mru(),
                lcp.defaultAsyncmap() ? OptionalInt.empty() : OptionalInt.of(lcp.asyncmap().orElse(0)),
                lcp.pcomp(), lcp.accomp(), Set.of(), EnumSet.allOf(AuthMethod.class), lcp.magic(),
                LcpSettings.DEFAULT.loopbackFail());
        org.jppp.protocol.config.IpcpSettings ip = s.ipcp();
        Optional<IpcpSettings> ipcp = ip.enabled()
                ? Optional.of(new IpcpSettings(ip.local().orElse(Ipv4.ANY), ip.remote().orElse(Ipv4.ANY),
                        ip.acceptLocal(), ip.acceptRemote(), ip.usepeerdns(), ip.msDns()))
                : Optional.empty();
        return new SessionSettings(lcpOptions, fsm(lcp.counters()), Duration.ofSeconds(lcp.echoInterval()),
                lcp.echoFailure(), lcp.echoAdaptive(), ipcp, fsm(ip.counters()), Optional.empty(),
                FsmConfig.DEFAULT, lcp.mtu().map(OptionalInt::of).orElse(OptionalInt.empty()), AuthConfig.NONE)
                .withAuth(auth(s.auth(), etcDir));
    }

    private static FsmConfig fsm(ControlCounters c) {
        return new FsmConfig(c.maxConfigure(), c.maxTerminate(), c.maxFailure(), Duration.ofSeconds(c.restart()),
                false, false);
    }

    private static AuthConfig auth(AuthSettings a, Path etcDir) throws LinkSetupException {
        Set<AuthMethod> require = EnumSet.noneOf(AuthMethod.class);
        if (a.auth()) {
            a.required().forEach(p -> require.add(method(p)));
            if (require.isEmpty()) {
                require.addAll(EnumSet.of(AuthMethod.CHAP_MD5, AuthMethod.PAP));
            }
        }
        Set<AuthMethod> allow = EnumSet.allOf(AuthMethod.class);
        a.refused().forEach(p -> allow.remove(method(p)));
        return new AuthConfig(require, allow, AuthNames.from(a, hostName()), AuthTimers.from(a),
                secrets(etcDir, "pap-secrets"), secrets(etcDir, "chap-secrets"), a.password());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static AuthMethod method(AuthProtocol p) {
        return switch (p) {
            case PAP -> AuthMethod.PAP;
            case CHAP -> AuthMethod.CHAP_MD5;
            case MSCHAP -> AuthMethod.CHAP_MS;
            case MSCHAP_V2 -> AuthMethod.CHAP_MS_V2;
            case EAP -> AuthMethod.EAP;
        };
    }

    /** A secrets file of the configuration directory; a missing one holds no secrets. */
    private static Secrets secrets(Path etcDir, String name) throws LinkSetupException {
        Path file = etcDir.resolve(name);
        if (!Files.isReadable(file)) {
            return new Secrets(file.toString(), List.of());
        }
        try {
            return SecretsFile.parse(file);
        } catch (IOException | OptionException e) {
            throw new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR, "Can't read " + file + ": " + e.getMessage());
        }
    }
}
