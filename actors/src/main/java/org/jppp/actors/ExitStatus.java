package org.jppp.actors;

/**
 * pppd's exit statuses (pppd(8) "EXIT STATUS", the EXIT_* constants of pppd.h), which a session
 * reports when it finishes so that the caller can exit with them and apply persist/maxfail.
 */
public final class ExitStatus {
    /** The link was established and then terminated normally (or by the peer in the Network phase). */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FATAL_ERROR = 1;
    public static final int EXIT_OPTION_ERROR = 2;
    public static final int EXIT_NOT_ROOT = 3;
    public static final int EXIT_NO_KERNEL_SUPPORT = 4;
    /** Terminated on a signal or a user's request. */
    public static final int EXIT_USER_REQUEST = 5;
    public static final int EXIT_LOCK_FAILED = 6;
    public static final int EXIT_OPEN_FAILED = 7;
    public static final int EXIT_CONNECT_FAILED = 8;
    public static final int EXIT_PTYCMD_FAILED = 9;
    /** LCP or every NCP failed to reach Opened. */
    public static final int EXIT_NEGOTIATION_FAILED = 10;
    /** The peer failed to authenticate itself to us. */
    public static final int EXIT_PEER_AUTH_FAILED = 11;
    public static final int EXIT_IDLE_TIMEOUT = 12;
    public static final int EXIT_CONNECT_TIME = 13;
    public static final int EXIT_CALLBACK = 14;
    /** The peer stopped answering LCP Echo-Requests. */
    public static final int EXIT_PEER_DEAD = 15;
    /** The lower link hung up, or (on a tty, as pppd 2.4.9 shows) the peer ended the link. */
    public static final int EXIT_HANGUP = 16;
    /** Our Magic-Number kept coming back: the line is looped back (RFC 1661 §6.4). */
    public static final int EXIT_LOOPBACK = 17;
    public static final int EXIT_INIT_FAILED = 18;
    /** We failed to authenticate ourselves to the peer. */
    public static final int EXIT_AUTH_TOPEER_FAILED = 19;
    public static final int EXIT_TRAFFIC_LIMIT = 20;
    public static final int EXIT_CNID_AUTH_FAILED = 21;

    private ExitStatus() {
    }
}
