package org.jppp.io.packet;

/** What an {@link EthernetEndpoint} counts, over both of its sockets and all sessions. */
public enum EndpointCounter {
    /** Discovery packets parsed and queued for the discovery source. */
    DISCOVERY_IN,
    /** Discovery packets dropped because the discovery source had not pulled and its queue was full. */
    DISCOVERY_DROPPED,
    /** Discovery packets sent. */
    DISCOVERY_OUT,
    /** Discovery packets not sent: the socket buffer was full or the kernel refused them. */
    DISCOVERY_OUT_DROPPED,
    /** Session frames queued for a registered session. */
    SESSION_IN,
    /** Session frames for a registered session dropped because that session's queue was full. */
    SESSION_DROPPED,
    /** Session frames whose (source MAC, SESSION_ID) matches no registered session. */
    UNKNOWN_SESSION,
    /**
     * Of those, frames kept and queued for a session registered a moment later by its PADS
     * ({@link EthernetEndpoint#registerGranted}).
     */
    EARLY_CLAIMED,
    /** Unknown-session notices dropped because nobody drained {@link EthernetEndpoint#unknownSessions()}. */
    UNKNOWN_SESSION_DROPPED,
    /** Frames sent to another host's unicast MAC (seen in promiscuous mode): not ours, ignored. */
    NOT_FOR_US,
    /**
     * Frames too short for their headers, with a bad VER/TYPE or CODE, a LENGTH beyond the frame,
     * no PPP payload, or longer than the MTU allows.
     */
    MALFORMED
}
