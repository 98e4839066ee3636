package org.jppp.io.packet;

/**
 * The aggregate demand behind one socket's reader: how many of its {@link Inbox inboxes} have
 * room. The reader goes on while at least one has; a full inbox only loses its own frames. When
 * every inbox is full (nobody wants anything) the reader pauses and leaves frames in the kernel's
 * buffer; the first inbox that gets room again resumes it.
 *
 * <p>Transitions are counted under this object's lock, but they happen only when an inbox
 * crosses its capacity, not per frame; the reader's per-batch check is a volatile read.
 */
final class ReadDemand {
    private final Runnable resume;
    private volatile int withRoom;
    private boolean paused;

    ReadDemand(Runnable resume) {
        this.resume = resume;
    }

    /** True if some inbox has room; otherwise marks the reader paused (it must stop). */
    boolean mayRead() {
        if (withRoom > 0) {
            return true;
        }
        synchronized (this) {
            if (withRoom > 0) {
                return true;
            }
            paused = true;
            return false;
        }
    }

    /**
     * Brings the count in line with {@code inbox}'s current state. Called by an inbox after it
     * crossed its capacity either way, after opening and after closing; whichever of two racing
     * calls comes last sees the final size, so the count is never left wrong.
     */
    void recount(Inbox<?> inbox) {
        boolean resumeNow = false;
        synchronized (this) {
            boolean room = inbox.hasRoom();
            if (room != inbox.roomCounted) {
                inbox.roomCounted = room;
                withRoom += room ? 1 : -1;
                if (room && paused) {
                    paused = false;
                    resumeNow = true;
                }
            }
        }
        if (resumeNow) {
            resume.run();
        }
    }

    /** Inboxes with room (for tests and statistics). */
    int withRoom() {
        return withRoom;
    }
}
