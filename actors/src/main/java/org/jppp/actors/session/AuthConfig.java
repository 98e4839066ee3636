package org.jppp.actors.session;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jppp.protocol.authn.AuthContext;
import org.jppp.protocol.authn.AuthNames;
import org.jppp.protocol.authn.AuthTimers;
import org.jppp.protocol.authn.SecretSource;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.cp.AuthMethod;

/**
 * Who authenticates whom on a session, and with what (pppd's {@code auth}, {@code require-*},
 * {@code refuse-*}, {@code name}, {@code user}, {@code password}, {@code remotename}, the PAP/CHAP
 * timers and the secrets files). {@link #toString()} never shows the password.
 *
 * @param require     methods we require the peer to authenticate with (empty: the peer need not)
 * @param allow       methods we agree to authenticate ourselves with
 * @param names       our name, the name we log in as, the peer's configured name
 * @param timers      retransmission and give-up times
 * @param papSecrets  pap-secrets
 * @param chapSecrets chap-secrets (also for EAP-MD5)
 * @param password    the {@code password} option, which wins over the files when we authenticate
 */
public record AuthConfig(Set<AuthMethod> require, Set<AuthMethod> allow, AuthNames names, AuthTimers timers,
                         Secrets papSecrets, Secrets chapSecrets, Optional<String> password) {

    /** Nobody requires authentication; with no secrets we could not prove ourselves either. */
    public static final AuthConfig NONE = new AuthConfig(Set.of(), EnumSet.allOf(AuthMethod.class),
            new AuthNames("", "", Optional.empty()), AuthTimers.PPPD_DEFAULTS, new Secrets("pap-secrets", List.of()),
            new Secrets("chap-secrets", List.of()), Optional.empty());

    public AuthConfig {
        require = Set.copyOf(require);
        allow = Set.copyOf(allow);
    }

    /** What the authentication machines of one link need. */
    public AuthContext context(RandomGenerator random) {
        return new AuthContext(names, timers, SecretSource.of(papSecrets, password),
                SecretSource.of(chapSecrets, password), random);
    }

    @Override
    public String toString() {
        return "AuthConfig[require=" + require + ", allow=" + allow + ", names=" + names
                + ", password=" + password.map(p -> "??????").orElse("none")
                + ", secrets=" + papSecrets.file() + "," + chapSecrets.file() + "]";
    }
}
