package org.jppp.protocol.framing;

/** What the PPPoE session encapsulation stages count. */
public enum PppoeCounter {
    /** PPP frames encapsulated and handed down. */
    FRAMES_OUT,
    /** PPP frames of our session passed up. */
    FRAMES_IN,
    /** Outgoing frames dropped because they do not fit the Ethernet MTU. */
    OVERSIZE_OUT,
    /** Received frames whose EtherType is not PPPoE Session (0x8864). */
    WRONG_ETHERTYPE,
    /** Received session frames not sent from our peer's MAC to ours. */
    OTHER_MAC,
    /** Received session frames from our peer with another SESSION_ID. */
    OTHER_SESSION,
    /** Received frames whose Ethernet or PPPoE header is malformed, or that carry no PPP frame. */
    MALFORMED
}
