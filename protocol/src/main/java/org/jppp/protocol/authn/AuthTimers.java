package org.jppp.protocol.authn;

import java.time.Duration;
import org.jppp.protocol.config.AuthSettings;

/**
 * Retransmission and give-up times of the three protocols. A zero duration turns the timer off.
 *
 * @param papRestart        pap-restart: Authenticate-Request retransmission interval
 * @param papMaxAuthreq     pap-max-authreq: Authenticate-Requests sent before giving up
 * @param papTimeout        pap-timeout: how long the authenticator waits for a request (0: forever)
 * @param chapRestart       chap-restart: Challenge retransmission interval
 * @param chapMaxChallenge  chap-max-challenge: Challenges sent before giving up
 * @param chapInterval      chap-interval: rechallenge period after success (0: never)
 * @param eapRestart        eap-restart: Request retransmission interval (authenticator)
 * @param eapMaxRequests    eap-max-sreq: Requests sent before giving up (authenticator)
 * @param eapTimeout        eap-timeout: how long the authenticatee waits for the outcome (0: forever)
 * @param eapMaxPeerRequests eap-max-rreq: Requests the authenticatee answers before giving up (0: no limit)
 */
public record AuthTimers(Duration papRestart, int papMaxAuthreq, Duration papTimeout,
        Duration chapRestart, int chapMaxChallenge, Duration chapInterval,
        Duration eapRestart, int eapMaxRequests, Duration eapTimeout, int eapMaxPeerRequests) {

    /** pppd's defaults (upap.h, chap-new.c, eap.h). */
    public static final AuthTimers PPPD_DEFAULTS = new AuthTimers(Duration.ofSeconds(3), 10, Duration.ofSeconds(30),
            Duration.ofSeconds(3), 10, Duration.ZERO, Duration.ofSeconds(3), 10, Duration.ofSeconds(20), 20);

    public AuthTimers {
        positive(papRestart, "pap-restart");
        positive(chapRestart, "chap-restart");
        positive(eapRestart, "eap-restart");
        notNegative(papTimeout, "pap-timeout");
        notNegative(chapInterval, "chap-interval");
        notNegative(eapTimeout, "eap-timeout");
        atLeastOne(papMaxAuthreq, "pap-max-authreq");
        atLeastOne(chapMaxChallenge, "chap-max-challenge");
        atLeastOne(eapMaxRequests, "eap-max-sreq");
        if (eapMaxPeerRequests < 0) {
            throw new IllegalArgumentException("eap-max-rreq must not be negative");
        }
    }

    /** The PAP and CHAP settings from the options; EAP has no options in {@link AuthSettings} yet, so pppd's defaults. */
    public static AuthTimers from(AuthSettings s) {
        AuthTimers d = PPPD_DEFAULTS;
        return new AuthTimers(Duration.ofSeconds(s.papRestart()), s.papMaxAuthreq(), Duration.ofSeconds(s.papTimeout()),
                Duration.ofSeconds(s.chapRestart()), s.chapMaxChallenge(), Duration.ofSeconds(s.chapInterval()),
                d.eapRestart, d.eapMaxRequests, d.eapTimeout, d.eapMaxPeerRequests);
    }

    private static void positive(Duration d, String name) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void notNegative(Duration d, String name) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    private static void atLeastOne(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }
}
