package org.jppp.io.loop;

import com.sun.jna.Memory;
import com.sun.jna.Platform;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jppp.io.posix.Errno;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One epoll thread serving any number of non-blocking fds, so a process with thousands of
 * sessions has one I/O thread rather than one per fd.
 *
 * <p>The loop only waits and dispatches readiness: it never reads or writes. Owners of fds do
 * their non-blocking I/O on their own threads (for streams, the stage's) and {@link
 * Registration#armRead() arm} one-shot interest when the kernel says {@code EAGAIN}. Blocking
 * reads are never used because a blocked {@code read()} on a TUN or packet socket is not woken by
 * {@code close()} or interrupts (PLATFORM-NOTES).
 *
 * <p>An eventfd in the epoll set wakes the thread for {@link #execute(Runnable) tasks} and for
 * shutdown. Registration changes need no wake-up: {@code epoll_ctl} from any thread takes effect
 * in a concurrent {@code epoll_wait}. {@link #close()} wakes the thread, waits for it to finish,
 * tells every open registration {@link ReadyHandler#closed()} and closes the epoll fd and eventfd.
 */
public final class EventLoop implements AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    /** Offset of {@code epoll_data} in {@code struct epoll_event}: packed on x86-64 only. */
    static final int EPOLL_DATA_OFFSET = Platform.isIntel() && Platform.is64Bit() ? 4 : 8;

    private static final int EPOLL_EVENT_STRIDE = EPOLL_DATA_OFFSET + 8;
    private static final int MAX_EVENTS = 256;
    private static final long WAKE_ID = 0;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final int epollFd;
    private final int wakeFd;
    private final Thread thread;
    private final Map<Long, Registration> registrations = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextId = new AtomicLong(WAKE_ID + 1);
    private final Object lifecycle = new Object();
    private volatile boolean running = true;

    private EventLoop(String name) {
        this.name = name;
        this.epollFd = Libc.check(Libc.epoll_create1(Libc.EPOLL_CLOEXEC), "epoll_create1");
        int efd = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        if (efd < 0) {
            int errno = Libc.errno();
            Libc.close(epollFd);
            throw new NativeException("eventfd", errno);
        }
        this.wakeFd = efd;
        Memory event = new Memory(16);
        event.setInt(0, Libc.EPOLLIN);
        event.setLong(EPOLL_DATA_OFFSET, WAKE_ID);
        if (Libc.epoll_ctl(epollFd, Libc.EPOLL_CTL_ADD, wakeFd, event) < 0) {
            int errno = Libc.errno();
            Libc.close(wakeFd);
            Libc.close(epollFd);
            throw new NativeException("epoll_ctl(EPOLL_CTL_ADD, eventfd)", errno);
        }
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /** Creates the loop and starts its daemon thread named {@code name}. */
    public static EventLoop start(String name) {
        EventLoop loop = new EventLoop(name);
        loop.thread.start();
        return loop;
    }

    public String name() {
        return name;
    }

    /** Whether the caller is this loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Adds {@code fd} with no interest armed. The fd must be non-blocking; the caller keeps
     * ownership and must {@link Registration#close()} before closing the fd.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public Registration register(int fd, ReadyHandler handler) {
        Registration registration = new Registration(this, fd, nextId.getAndIncrement(), handler);
        // The lock orders registration against shutdown(), which closes the epoll fd.
        synchronized (lifecycle) {
            if (!running) {
                throw new IllegalStateException("event loop " + name + " is closed");
            }
            registration.add();
            registrations.put(registration.id(), registration);
        }
        return registration;
    }

    /** Runs {@code task} on the loop thread soon; dropped if the loop closes first. */
    public void execute(Runnable task) {
        if (!running) {
            throw new IllegalStateException("event loop " + name + " is closed");
        }
        tasks.add(task);
        wake();
    }

    /** Number of open registrations (for tests and statistics). */
    public int registrationCount() {
        return registrations.size();
    }

    /** Stops the thread and releases everything; never blocks on an fd. Idempotent. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        if (inLoop()) {
            return;
        }
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("event loop {} did not stop within {}", name, JOIN_TIMEOUT);
        }
    }

    int epollFd() {
        return epollFd;
    }

    void forget(long id) {
        registrations.remove(id);
    }

    private void wake() {
        if (Libc.eventfd_write(wakeFd, 1) < 0 && Libc.errno() != Errno.EAGAIN) {
            LOG.warn("event loop {}: eventfd_write failed: {}", name, Errno.name(Libc.errno()));
        }
    }

    private void run() {
        Memory events = new Memory((long) MAX_EVENTS * EPOLL_EVENT_STRIDE);
        try {
            while (running) {
                int n = Libc.epoll_wait(epollFd, events, MAX_EVENTS, -1);
                if (n < 0) {
                    int errno = Libc.errno();
                    if (errno == Errno.EINTR) {
                        continue;
                    }
                    throw new NativeException("epoll_wait", errno);
                }
                for (int i = 0; i < n && running; i++) {
                    long offset = (long) i * EPOLL_EVENT_STRIDE;
                    dispatch(events.getLong(offset + EPOLL_DATA_OFFSET), events.getInt(offset));
                }
                runTasks();
            }
        } catch (RuntimeException | Error e) {
            LOG.error("event loop {} failed", name, e);
        } finally {
            running = false;
            shutdown();
        }
    }

    private void dispatch(long id, int ready) {
        if (id == WAKE_ID) {
            Libc.eventfd_read(wakeFd, new long[1]);
            return;
        }
        Registration registration = registrations.get(id);
        if (registration == null) {
            return;
        }
        try {
            registration.fire(ready);
        } catch (RuntimeException e) {
            LOG.warn("event loop {}: handler of fd {} failed", name, registration.fd(), e);
        }
    }

    private void runTasks() {
        Runnable task;
        while (running && (task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("event loop {}: task failed", name, e);
            }
        }
    }

    private void shutdown() {
        int dropped = tasks.size();
        tasks.clear();
        if (dropped > 0) {
            LOG.debug("event loop {}: {} pending tasks dropped at shutdown", name, dropped);
        }
        synchronized (lifecycle) {
            for (Registration registration : registrations.values()) {
                registration.cancel();
            }
            registrations.clear();
            Libc.close(wakeFd);
            Libc.close(epollFd);
        }
    }
}
