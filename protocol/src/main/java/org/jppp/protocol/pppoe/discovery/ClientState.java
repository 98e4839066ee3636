package org.jppp.protocol.pppoe.discovery;

/** Where the client is in RFC 2516 §5: pppd's STATE_SENT_PADI, STATE_SENT_PADR, STATE_SESSION. */
public enum ClientState {
    /** Not started. */
    IDLE,
    /** PADI broadcast, waiting for a PADO (§5.1, §5.2). */
    SENT_PADI,
    /** PADR sent to the chosen access concentrator, waiting for its PADS (§5.3, §5.4). */
    SENT_PADR,
    /** PADS received: the PPP session stage runs. */
    SESSION,
    /** Discovery gave up. */
    FAILED,
    /** The session ended by a PADT, sent or received (§5.5), or discovery was aborted. */
    TERMINATED
}
