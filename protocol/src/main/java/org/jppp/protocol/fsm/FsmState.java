package org.jppp.protocol.fsm;

/** The ten states of the RFC 1661 §4.2 option negotiation automaton, numbered as in the §4.1 table. */
public enum FsmState {
    INITIAL("INITIAL"),
    STARTING("STARTING"),
    CLOSED("CLOSED"),
    STOPPED("STOPPED"),
    CLOSING("CLOSING"),
    STOPPING("STOPPING"),
    REQ_SENT("REQSENT"),
    ACK_RCVD("ACKRCVD"),
    ACK_SENT("ACKSENT"),
    OPENED("OPENED");

    private final String logName;

    FsmState(String logName) {
        this.logName = logName;
    }

    /** pppd's spelling of the state, used in the transition log. */
    public String logName() {
        return logName;
    }

    /**
     * Whether the Restart timer runs in this state (RFC 1661 §4.2: it runs in Closing, Stopping,
     * Request-Sent, Ack-Received and Ack-Sent, and nowhere else).
     */
    public boolean runsRestartTimer() {
        return switch (this) {
            case CLOSING, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> true;
            case INITIAL, STARTING, CLOSED, STOPPED, OPENED -> false;
        };
    }

    /** Whether a Configure-Request of ours is part of an ongoing negotiation in this state. */
    public boolean negotiating() {
        return switch (this) {
            case REQ_SENT, ACK_RCVD, ACK_SENT -> true;
            case INITIAL, STARTING, CLOSED, STOPPED, CLOSING, STOPPING, OPENED -> false;
        };
    }
}
