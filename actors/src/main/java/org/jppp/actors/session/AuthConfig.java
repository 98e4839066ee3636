package org.jppp.actors.session;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.cp.AuthMethod;

/**
 * Who authenticates whom on a session, and with what (pppd's {@code auth}, {@code require-*},
 * {@code refuse-*}, {@code name}, {@code user}, {@code password}, {@code remotename} and the
 * secrets files). {@link #toString()} never shows a secret.
 *
 * @param require    methods we require the peer to authenticate with (empty: the peer need not)
 * @param allow      methods we agree to authenticate ourselves with
 * @param ourName    our name: the {@code user} we log in as, and the name in our Challenges
 * @param password   the {@code password} option; otherwise the secrets files give it
 * @param remoteName {@code remotename}: the peer's name for choosing our secret
 * @param secrets    pap-secrets/chap-secrets entries, for checking the peer and finding ours
 */
public record AuthConfig(Set<AuthMethod> require, Set<AuthMethod> allow, String ourName,
                         Optional<Secret> password, Optional<String> remoteName, Secrets secrets) {

    /** Nobody authenticates; we would answer any method if we had a secret. */
    public static final AuthConfig NONE = new AuthConfig(Set.of(), EnumSet.allOf(AuthMethod.class), "",
            Optional.empty(), Optional.empty(), new Secrets("none", List.of()));

    public AuthConfig {
        require = Set.copyOf(require);
        allow = Set.copyOf(allow);
    }

    @Override
    public String toString() {
        return "AuthConfig[require=" + require + ", allow=" + allow + ", ourName=" + ourName
                + ", password=" + password.map(p -> "??????").orElse("none") + ", remoteName=" + remoteName
                + ", secrets=" + secrets.file() + "]";
    }
}
