package org.jppp.io.loop;

/**
 * Readiness callbacks of one registered fd. They run on the {@link EventLoop} thread, so they must
 * be short: hand the event on (an async callback into a stream stage, a queue) rather than doing
 * slow work. They are hints: a handler always does non-blocking I/O and copes with
 * {@code EAGAIN}, and may be called once more after it re-armed or the registration closed.
 */
public interface ReadyHandler {
    /** The fd is readable, or hung up / in error (the read will report which). */
    void readable();

    /** The fd is writable, or hung up / in error (the write will report which). */
    void writable();

    /**
     * The registration ended: {@link Registration#close()} or the loop shut down. Waiters should
     * stop waiting. Called at most once.
     */
    default void closed() {}
}
