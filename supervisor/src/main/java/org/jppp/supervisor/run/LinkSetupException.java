package org.jppp.supervisor.run;

/**
 * A run cannot proceed: the message is the one line the user reads (no stack trace), the status
 * is pppd's exit status for it.
 */
public final class LinkSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    public LinkSetupException(int exitStatus, String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
