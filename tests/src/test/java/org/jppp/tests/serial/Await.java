package org.jppp.tests.serial;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for something that a process, a namespace or the kernel does in its own time: the
 * condition is polled until it holds or the deadline passes. A generous deadline costs nothing
 * when the thing happens; a fixed sleep fails a test on a loaded machine.
 */
public final class Await {
    private Await() {}

    /** Whether {@code condition} held within {@code timeout} (it is checked once more at the deadline). */
    public static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return condition.getAsBoolean();
            }
            Thread.sleep(50);
        }
        return true;
    }
}
