package org.jppp.protocol.config;

import java.util.Optional;
import java.util.Set;

/**
 * Authentication and the names used in it (pppd(8) "auth", "require-*", "refuse-*", "name",
 * "user", "password", "remotename", and the CHAP/PAP timers of RFC 1994 / RFC 1334).
 * {@link #toString()} never shows the password.
 */
public record AuthSettings(
        boolean auth,
        Set<AuthProtocol> required,
        Set<AuthProtocol> refused,
        Optional<String> name,
        Optional<String> user,
        Optional<String> password,
        Optional<String> remotename,
        boolean usehostname,
        Optional<String> domain,
        boolean hidePassword,
        int chapInterval,
        int chapRestart,
        int chapMaxChallenge,
        int papRestart,
        int papMaxAuthreq,
        int papTimeout) {

    public AuthSettings {
        required = Set.copyOf(required);
        refused = Set.copyOf(refused);
        Limits.NON_NEGATIVE.require("chap-interval", chapInterval);
        Limits.RESTART.require("chap-restart", chapRestart);
        Limits.COUNTER.require("chap-max-challenge", chapMaxChallenge);
        Limits.RESTART.require("pap-restart", papRestart);
        Limits.COUNTER.require("pap-max-authreq", papMaxAuthreq);
        Limits.NON_NEGATIVE.require("pap-timeout", papTimeout);
    }

    @Override
    public String toString() {
        return "AuthSettings[auth=" + auth + ", required=" + required + ", refused=" + refused
                + ", name=" + name + ", user=" + user
                + ", password=" + password.map(p -> "??????").orElse("none")
                + ", remotename=" + remotename + ", usehostname=" + usehostname + ", domain=" + domain
                + ", hidePassword=" + hidePassword + ", chapInterval=" + chapInterval
                + ", chapRestart=" + chapRestart + ", chapMaxChallenge=" + chapMaxChallenge
                + ", papRestart=" + papRestart + ", papMaxAuthreq=" + papMaxAuthreq
                + ", papTimeout=" + papTimeout + "]";
    }
}
