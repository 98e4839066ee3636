package org.jppp.protocol.framing;

/** What the HDLC-like framing stages count (RFC 1662 §4.3 says which frames are dropped). */
public enum HdlcCounter {
    /** Frames encoded and handed to the serial line. */
    FRAMES_OUT,
    /** Frames received with a good FCS and passed up. */
    FRAMES_IN,
    /** Frames dropped because the FCS residue was wrong. */
    BAD_FCS,
    /** Non-empty frames shorter than two octets plus the FCS (RFC 1662 §4.3). */
    RUNT,
    /** Frames longer than the MRU plus address, control and protocol octets plus the FCS. */
    TOO_LONG,
    /** Frames ended by Control Escape followed by the closing Flag (RFC 1662 §4.3). */
    ABORTED,
    /** Unescaped octets below 0x20 flagged in the receive ACCM, discarded (RFC 1662 §7.1). */
    CONTROL_DISCARDED
}
