package org.jppp.protocol.authn;

/**
 * The two directions of the Authentication phase (RFC 1661 §3.5, RFC 1994 §2): we prove who we are
 * to the peer (RFC 1994's "peer", pppd's "auth with peer"), or we check the peer's proof (the
 * "authenticator", pppd's "auth peer"). Each direction runs its own machine with its own timer.
 */
public enum Role {
    /** We authenticate ourselves to the peer: the peer asked for it in its LCP Authentication-Protocol. */
    AUTHENTICATEE(Role.EXIT_AUTH_TOPEER_FAILED, "Failed to authenticate ourselves to peer"),
    /** We authenticate the peer: we asked for it in our LCP Authentication-Protocol. */
    AUTHENTICATOR(Role.EXIT_PEER_AUTH_FAILED, "Authentication failed");

    /** pppd's exit status when the peer failed to authenticate itself to us. */
    public static final int EXIT_PEER_AUTH_FAILED = 11;
    /** pppd's exit status when we failed to authenticate ourselves to the peer. */
    public static final int EXIT_AUTH_TOPEER_FAILED = 19;

    private final int exitStatus;
    private final String terminateReason;

    Role(int exitStatus, String terminateReason) {
        this.exitStatus = exitStatus;
        this.terminateReason = terminateReason;
    }

    /** The pppd exit status when this direction fails (auth.c auth_peer_fail, auth_withpeer_fail). */
    public int exitStatus() {
        return exitStatus;
    }

    /** The reason pppd puts in the LCP Terminate-Request when this direction fails. */
    public String terminateReason() {
        return terminateReason;
    }
}
