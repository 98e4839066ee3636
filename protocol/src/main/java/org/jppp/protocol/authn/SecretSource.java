package org.jppp.protocol.authn;

import java.util.Objects;
import java.util.Optional;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.config.SecretsEntry;

/**
 * Where a machine finds secrets: one source for PAP (pap-secrets) and one for CHAP and EAP
 * (chap-secrets), as pppd keeps them.
 */
public interface SecretSource {

    /**
     * The secret we prove ourselves with, authenticating as {@code ourName} to {@code remoteName}
     * (null when the peer's name is unknown, which matches any server).
     */
    Optional<Secret> ownSecret(String ourName, String remoteName);

    /** The entry holding the secret the peer calling itself {@code peerName} must know, us being {@code ourName}. */
    Optional<SecretsEntry> peerEntry(String peerName, String ourName);

    /**
     * pppd's get_secret / get_pap_passwd over one secrets file: as the authenticatee the
     * {@code password} option, when given, wins over the file; as the authenticator only the
     * file counts (pppd never checks a peer against {@code password}).
     */
    static SecretSource of(Secrets file, Optional<String> password) {
        Objects.requireNonNull(file, "file");
        Optional<Secret> fixed = password.map(Secret::of);
        return new SecretSource() {
            @Override public Optional<Secret> ownSecret(String ourName, String remoteName) {
                return fixed.isPresent() ? fixed : file.toAuthenticateToPeer(ourName, remoteName).map(SecretsEntry::secret);
            }

            @Override public Optional<SecretsEntry> peerEntry(String peerName, String ourName) {
                return file.toAuthenticatePeer(peerName, ourName);
            }

            @Override public String toString() {
                return "SecretSource[" + file.file() + (fixed.isPresent() ? ", password=<hidden>]" : "]");
            }
        };
    }
}
