package org.jppp.protocol.authn;

import java.util.Objects;

/**
 * One direction of authentication failed; the link must be terminated.
 *
 * @param role   which direction: it decides pppd's exit status
 * @param method the protocol used
 * @param reason what went wrong, in words (never a secret)
 */
public record AuthFailure(Role role, AuthMethod method, String reason) {
    public AuthFailure {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
    }

    /** 19 (EXIT_AUTH_TOPEER_FAILED) or 11 (EXIT_PEER_AUTH_FAILED). */
    public int exitStatus() {
        return role.exitStatus();
    }

    /** The reason for LCP's Terminate-Request, as pppd gives it to lcp_close. */
    public String terminateReason() {
        return role.terminateReason();
    }
}
