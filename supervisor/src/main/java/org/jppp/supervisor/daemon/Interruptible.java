package org.jppp.supervisor.daemon;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * One blocking task (a peer's first dial) on a pool thread, which {@link #cancel} interrupts
 * while it runs and keeps from starting if it has not. Unlike {@code Future.cancel(true)} the
 * task's future is always completed: with a {@link CancellationException} at once when the task
 * had not started (it then never does anything), so whoever waits for it is never left waiting;
 * by the task itself, with whatever it threw or returned, when it was interrupted while running
 * (what it opened is then the waiter's to close). An interrupt never reaches the pool thread
 * after the task has left it.
 */
final class Interruptible<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private Thread running;
    private boolean started;
    private boolean cancelled;

    private Interruptible() {
    }

    /** Runs {@code work} on {@code pool}, logging with {@code mdc}. */
    static <T> Interruptible<T> submit(Executor pool, Map<String, String> mdc, Callable<T> work) {
        Interruptible<T> task = new Interruptible<>();
        pool.execute(() -> task.run(mdc, work));
        return task;
    }

    CompletableFuture<T> result() {
        return result;
    }

    private void run(Map<String, String> mdc, Callable<T> work) {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            started = true;
            running = Thread.currentThread();
        }
        MDC.setContextMap(mdc);
        try {
            result.complete(work.call());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        } finally {
            synchronized (this) {
                running = null;
                // An interrupt that came late stays with this task, not the pool's next one.
                Thread.interrupted();
            }
            MDC.clear();
        }
    }

    /** Interrupts the task if it runs, or keeps it from starting. */
    synchronized void cancel() {
        cancelled = true;
        if (running != null) {
            running.interrupt();
        } else if (!started) {
            result.completeExceptionally(new CancellationException("cancelled before it started"));
        }
    }
}
