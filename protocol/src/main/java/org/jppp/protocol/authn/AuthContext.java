package org.jppp.protocol.authn;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What every authentication machine of a link needs.
 *
 * @param names       our names and the peer's configured name
 * @param timers      retransmission and give-up times
 * @param papSecrets  pap-secrets (and {@code password}) for PAP
 * @param chapSecrets chap-secrets (and {@code password}) for CHAP, MS-CHAP and EAP-MD5
 * @param random      the source of challenges, peer challenges and initial identifiers; tests
 *                    inject a scripted one
 */
public record AuthContext(AuthNames names, AuthTimers timers, SecretSource papSecrets, SecretSource chapSecrets,
        RandomGenerator random) {
    public AuthContext {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(papSecrets, "papSecrets");
        Objects.requireNonNull(chapSecrets, "chapSecrets");
        Objects.requireNonNull(random, "random");
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    int randomIdentifier() {
        return random.nextInt(256);
    }
}
