package org.jppp.protocol.authn;

import java.util.Optional;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.config.SecretsFile;

/** The two ends used throughout: the client "alice" and the server "gw". */
final class Fixtures {
    static final String PAP_SECRETS = """
            alice  gw  alicepw  10.0.0.2
            bob    gw  ""       *
            """;
    static final String CHAP_SECRETS = """
            alice  gw     alicechap  10.0.0.2
            gw     alice  gwchap
            User   *      clientPass
            """;

    private Fixtures() {
    }

    static Secrets secrets(String text, String file) {
        try {
            return SecretsFile.parse(text, file);
        } catch (OptionException e) {
            throw new AssertionError(e);
        }
    }

    static AuthContext context(AuthNames names, AuthTimers timers, Optional<String> password, ScriptedRandom random) {
        return new AuthContext(names, timers,
                SecretSource.of(secrets(PAP_SECRETS, "pap-secrets"), password),
                SecretSource.of(secrets(CHAP_SECRETS, "chap-secrets"), password), random);
    }

    /** The client: we are "alice" and authenticate to "gw". */
    static AuthContext alice(ScriptedRandom random) {
        return context(new AuthNames("alice", "alice", Optional.empty()), AuthTimers.PPPD_DEFAULTS, Optional.empty(),
                random);
    }

    /** The server: we are "gw" and check our peers. */
    static AuthContext gw(ScriptedRandom random) {
        return context(new AuthNames("gw", "gw", Optional.empty()), AuthTimers.PPPD_DEFAULTS, Optional.empty(), random);
    }

    static AuthContext alice() {
        return alice(new ScriptedRandom());
    }

    static AuthContext gw() {
        return gw(new ScriptedRandom());
    }

    /** The same timers with chap-interval set. */
    static AuthTimers chapInterval(int seconds) {
        AuthTimers d = AuthTimers.PPPD_DEFAULTS;
        return new AuthTimers(d.papRestart(), d.papMaxAuthreq(), d.papTimeout(), d.chapRestart(), d.chapMaxChallenge(),
                java.time.Duration.ofSeconds(seconds), d.eapRestart(), d.eapMaxRequests(), d.eapTimeout(),
                d.eapMaxPeerRequests());
    }
}
