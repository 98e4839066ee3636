package org.jppp.io.packet;

/**
 * The wake-up of the one stream stage attached to something (an inbox's source, a session's
 * sink): usually an async callback into the stage. A second stage while one runs is refused,
 * because two consumers of one queue would each see half of it.
 */
final class WakeUp implements Runnable {
    private static final Runnable NOBODY = () -> {};

    private final String what;
    private volatile Runnable waiter = NOBODY;

    /** @param what names the holder and role in the error, e.g. {@code "pb discovery ... a consumer"} */
    WakeUp(String what) {
        this.what = what;
    }

    synchronized void attach(Runnable stageWaiter) {
        if (waiter != NOBODY) {
            throw new IllegalStateException(what + " running");
        }
        waiter = stageWaiter;
    }

    /** Detaches {@code stageWaiter} if it is the one attached; returns whether it was. */
    synchronized boolean detach(Runnable stageWaiter) {
        if (waiter != stageWaiter) {
            return false;
        }
        waiter = NOBODY;
        return true;
    }

    /** Wakes the attached stage, if any; from any thread. */
    @Override
    public void run() {
        waiter.run();
    }
}
