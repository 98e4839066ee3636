package org.jppp.io.loop;

import com.sun.jna.Memory;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;

/**
 * One fd in an {@link EventLoop}'s epoll set. Interest is one-shot ({@code EPOLLONESHOT}): after
 * {@link #armRead()} the handler is told once that the fd became readable, and the owner arms
 * again when it wants more. This is how back-pressure reaches the kernel: a reader that has no
 * demand simply does not arm, and the loop never reads on anyone's behalf.
 *
 * <p>Arming calls {@code epoll_ctl(EPOLL_CTL_MOD)} directly from the caller's thread. epoll is
 * thread-safe and a concurrent {@code epoll_wait} sees the change at once, so arming needs no
 * wake-up of the loop thread. A lock per registration keeps the armed bits and the kernel's entry
 * consistent between the arming thread and the loop thread that consumes fired bits.
 *
 * <p>The epoll entry carries this registration's unique id rather than the fd, so an event still
 * queued for a closed registration whose fd number was reused is recognized as stale and dropped.
 */
public final class Registration implements AutoCloseable {
    private static final int EPOLL_EVENT_SIZE = 16;

    private final EventLoop loop;
    private final int fd;
    private final long id;
    private final ReadyHandler handler;
    private final Memory event = new Memory(EPOLL_EVENT_SIZE);
    private int armed;
    private boolean closed;

    Registration(EventLoop loop, int fd, long id, ReadyHandler handler) {
        this.loop = loop;
        this.fd = fd;
        this.id = id;
        this.handler = handler;
    }

    public int fd() {
        return fd;
    }

    long id() {
        return id;
    }

    /** Asks for one {@link ReadyHandler#readable()} call when the fd is (or becomes) readable. */
    public void armRead() {
        arm(Libc.EPOLLIN);
    }

    /** Asks for one {@link ReadyHandler#writable()} call when the fd is (or becomes) writable. */
    public void armWrite() {
        arm(Libc.EPOLLOUT);
    }

    public synchronized boolean isOpen() {
        return !closed;
    }

    /**
     * Removes the fd from the epoll set (it does not close the fd) and calls
     * {@link ReadyHandler#closed()}. Must happen before the fd is closed: an fd shared with a
     * child process would otherwise stay in the set. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            armed = 0;
            // ENOENT/EBADF here only mean the entry is already gone; nothing to undo.
            Libc.epoll_ctl(loop.epollFd(), Libc.EPOLL_CTL_DEL, fd, null);
        }
        loop.forget(id);
        notifyClosed();
    }

    void add() {
        synchronized (this) {
            ctl(Libc.EPOLL_CTL_ADD, 0);
        }
    }

    /** Called by the loop when it shuts down: the epoll fd is about to go, so no syscall. */
    void cancel() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            armed = 0;
        }
        notifyClosed();
    }

    /** Consumes the fired bits on the loop thread and calls the handler for those that were armed. */
    void fire(int events) {
        int fired;
        synchronized (this) {
            if (closed) {
                return;
            }
            boolean failed = (events & (Libc.EPOLLERR | Libc.EPOLLHUP)) != 0;
            fired = failed ? armed : events & armed;
            armed &= ~fired;
            if (armed != 0) {
                // One-shot disabled the whole entry; keep the interest that has not fired yet.
                ctl(Libc.EPOLL_CTL_MOD, armed);
            }
        }
        if ((fired & Libc.EPOLLIN) != 0) {
            handler.readable();
        }
        if ((fired & Libc.EPOLLOUT) != 0) {
            handler.writable();
        }
    }

    private void arm(int bit) {
        synchronized (this) {
            if (closed || (armed & bit) != 0) {
                return;
            }
            armed |= bit;
            ctl(Libc.EPOLL_CTL_MOD, armed);
        }
    }

    private void ctl(int op, int interest) {
        // struct epoll_event is packed on x86-64 (data at offset 4) and naturally aligned elsewhere.
        event.setInt(0, interest | Libc.EPOLLONESHOT);
        event.setLong(EventLoop.EPOLL_DATA_OFFSET, id);
        if (Libc.epoll_ctl(loop.epollFd(), op, fd, event) < 0) {
            throw new NativeException(opName(op) + ", fd " + fd + ")", Libc.errno());
        }
    }

    private static String opName(int op) {
        return switch (op) {
            case Libc.EPOLL_CTL_ADD -> "epoll_ctl(EPOLL_CTL_ADD";
            case Libc.EPOLL_CTL_MOD -> "epoll_ctl(EPOLL_CTL_MOD";
            default -> "epoll_ctl(" + op;
        };
    }

    private void notifyClosed() {
        try {
            handler.closed();
        } catch (RuntimeException e) {
            EventLoop.LOG.warn("fd {}: closed() handler failed", fd, e);
        }
    }
}
