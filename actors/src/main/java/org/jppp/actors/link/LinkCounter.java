package org.jppp.actors.link;

/** What one link counts; bad input is counted, never thrown (STYLE habit 6). */
public enum LinkCounter {
    /** Every frame received from the lower link, control or data (pppd's {@code pkts_in}). */
    FRAMES_IN,
    /** IP datagrams passed from the link to the IP side. */
    IP_IN,
    /** IP datagrams passed from the IP side to the link. */
    IP_OUT,
    /** IP datagrams dropped in either direction: their NCP is not Opened, or they are not IP. */
    IP_DROPPED,
    /** Control packets silently discarded because the phase does not admit them (RFC 1661 §3.2). */
    CONTROL_DISCARDED,
    /** Frames too short for a Protocol field, control packets whose Length does not fit. */
    MALFORMED,
    /** Protocol-Rejects sent for protocols nobody here speaks (RFC 1661 §5.7). */
    PROTOCOL_REJECTS
}
