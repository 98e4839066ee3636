package org.jppp.protocol.authn;

/**
 * One direction of one authentication protocol, as a pure state machine (STYLE.md habit 4): no
 * I/O, no clock, no threads. Every event returns the actions to perform and the log lines to
 * write. Time enters only as {@link #timeout()}, which the owner calls when the timer it was told
 * to start (by {@link AuthAction.StartTimer} for this machine's {@link #role()}) fires.
 *
 * <p>Instances are mutable and not thread-safe: one owner drives each.
 */
public interface AuthMachine {

    Role role();

    AuthMethod method();

    /** The Authentication phase begins (RFC 1661 §3.5): LCP is Opened and asked for this protocol. */
    AuthResult start();

    /**
     * A packet of this machine's protocol arrived: its octets from the Code field on (the PPP
     * Protocol field already removed). Malformed packets and packets for the other direction are
     * dropped and counted, never thrown.
     */
    AuthResult receive(byte[] packet);

    /** This machine's timer fired. A timeout the machine no longer expects is ignored. */
    AuthResult timeout();

    /** The peer sent an LCP Protocol-Reject for this protocol: it cannot authenticate with it. */
    AuthResult protocolRejected();

    /** The link left the Authentication and Network phases: stop everything, quietly. */
    AuthResult lowerDown();

    /** Received packets dropped so far (malformed, for the other direction, or stale). */
    long discardedPackets();
}
