package org.jppp.protocol.authn;

import java.util.Objects;
import java.util.Optional;
import org.jppp.protocol.config.AuthSettings;

/**
 * The names authentication uses (pppd(8) {@code name}, {@code user}, {@code remotename}).
 *
 * @param ourName    our name as authenticator: the Name of our CHAP Challenges and the server
 *                   column when looking up the peer's secret ({@code name}, else the host name)
 * @param user       the name we authenticate as: PAP Peer-ID, CHAP Response Name, EAP Identity
 *                   ({@code user}, else {@code ourName})
 * @param remoteName the peer's name when set with {@code remotename}: it overrides the names the
 *                   peer sends, for the secrets lookup
 */
public record AuthNames(String ourName, String user, Optional<String> remoteName) {
    public AuthNames {
        Objects.requireNonNull(ourName, "ourName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(remoteName, "remoteName");
    }

    /**
     * The names from the options and the host name: {@code domain} is appended to the host name
     * (not to an explicit {@code name}), as pppd(8) describes.
     */
    public static AuthNames from(AuthSettings settings, String hostName) {
        String ourName = settings.name()
                .orElseGet(() -> hostName + settings.domain().map(d -> "." + d).orElse(""));
        return new AuthNames(ourName, settings.user().orElse(ourName), settings.remotename());
    }

    /** The peer's name to look secrets up with: {@code remotename} if set, else what the peer sent. */
    String peerName(String sent) {
        return remoteName.orElse(sent);
    }
}
