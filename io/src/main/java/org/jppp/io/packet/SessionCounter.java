package org.jppp.io.packet;

/** What one {@link SessionChannel} counts. */
public enum SessionCounter {
    /** PPP frames received for the session and queued for its source. */
    FRAMES_IN,
    /** Frames received for the session but dropped because its source had not pulled and its queue was full. */
    DROPPED_IN,
    /** PPP frames sent. */
    FRAMES_OUT,
    /**
     * PPP frames not sent: empty, longer than the interface MTU minus the PPPoE header, or
     * refused by the kernel.
     */
    DROPPED_OUT,
    /** Times the socket's send buffer was full and the sink waited for it to drain (back-pressure, not loss). */
    SEND_WAITS
}
