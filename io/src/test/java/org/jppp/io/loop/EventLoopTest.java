package org.jppp.io.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jppp.io.IoTestSupport;
import org.jppp.io.posix.Libc;
import org.junit.jupiter.api.Test;

class EventLoopTest {
    private static final int FDS = 200;

    /** Records which fds were reported readable, on which thread, and closed() calls. */
    private static final class Recorder {
        final Set<Integer> readableFds = ConcurrentHashMap.newKeySet();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch readable;
        final CountDownLatch closed;

        Recorder(int expectedReadable, int expectedClosed) {
            readable = new CountDownLatch(expectedReadable);
            closed = new CountDownLatch(expectedClosed);
        }

        ReadyHandler handlerFor(int fd) {
            return new ReadyHandler() {
                @Override
                public void readable() {
                    threads.add(Thread.currentThread().getName());
                    if (readableFds.add(fd)) {
                        readable.countDown();
                    }
                }

                @Override
                public void writable() {
                    threads.add(Thread.currentThread().getName());
                }

                @Override
                public void closed() {
                    closed.countDown();
                }
            };
        }
    }

    @Test
    void manyFds_servedByOneThread() throws Exception {
        List<Integer> fds = new ArrayList<>();
        Recorder recorder = new Recorder(2 * FDS, 2 * FDS);
        try (EventLoop loop = EventLoop.start("jppp-loop-many")) {
            List<Registration> registrations = new ArrayList<>();
            for (int i = 0; i < FDS; i++) {
                int[] pipe = IoTestSupport.pipe();
                fds.add(pipe[0]);
                fds.add(pipe[1]);
                int efd = Libc.check(Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC), "eventfd");
                fds.add(efd);
                Registration pipeRegistration = loop.register(pipe[0], recorder.handlerFor(pipe[0]));
                Registration eventRegistration = loop.register(efd, recorder.handlerFor(efd));
                pipeRegistration.armRead();
                eventRegistration.armRead();
                registrations.add(pipeRegistration);
                registrations.add(eventRegistration);
                Libc.write(pipe[1], new Memory(1), 1);
                Libc.eventfd_write(efd, 1);
            }
            assertEquals(2 * FDS, loop.registrationCount());
            assertTrue(recorder.readable.await(10, TimeUnit.SECONDS), "every fd reported readable");
            assertEquals(2 * FDS, recorder.readableFds.size());
            assertEquals(Set.of("jppp-loop-many"), recorder.threads);
            long loopThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("jppp-loop-many")).count();
            assertEquals(1, loopThreads);
            registrations.forEach(Registration::close);
            assertEquals(0, loop.registrationCount());
            assertTrue(recorder.closed.await(10, TimeUnit.SECONDS));
        } finally {
            fds.forEach(Libc::close);
        }
    }

    @Test
    void armRead_isOneShot_untilArmedAgain() throws Exception {
        int[] pipe = IoTestSupport.pipe();
        AtomicInteger calls = new AtomicInteger();
        try (EventLoop loop = EventLoop.start("jppp-loop-oneshot")) {
            Registration registration = loop.register(pipe[0], readableOnly(calls::incrementAndGet));
            Libc.write(pipe[1], new Memory(1), 1);
            registration.armRead();
            waitFor(() -> calls.get() == 1);
            Thread.sleep(100);
            assertEquals(1, calls.get(), "still readable but not armed: no second call");
            registration.armRead();
            waitFor(() -> calls.get() == 2);
        } finally {
            Libc.close(pipe[0]);
            Libc.close(pipe[1]);
        }
    }

    @Test
    void register_wakesBlockedLoop() throws Exception {
        int efd = Libc.check(Libc.eventfd(1, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC), "eventfd");
        CountDownLatch fired = new CountDownLatch(1);
        try (EventLoop loop = EventLoop.start("jppp-loop-wake")) {
            Thread.sleep(50); // the loop thread is now blocked in epoll_wait with nothing registered
            loop.register(efd, readableOnly(fired::countDown)).armRead();
            // The loop waits with epoll_wait(-1), which never returns on its own: the eventfd can
            // only be seen if registering woke it. No latency bound: that would fail on a loaded
            // machine without saying anything about the wake-up.
            assertTrue(fired.await(10, TimeUnit.SECONDS), "the blocked loop was not woken by register");
        } finally {
            Libc.close(efd);
        }
    }

    @Test
    void execute_runsOnLoopThread() throws Exception {
        try (EventLoop loop = EventLoop.start("jppp-loop-exec")) {
            CountDownLatch ran = new CountDownLatch(1);
            AtomicInteger onLoop = new AtomicInteger();
            loop.execute(() -> {
                if (loop.inLoop()) {
                    onLoop.incrementAndGet();
                }
                ran.countDown();
            });
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertEquals(1, onLoop.get());
        }
    }

    @Test
    void close_withPendingRegistrations_cancelsThemPromptly() throws Exception {
        int count = 50;
        List<int[]> pipes = new ArrayList<>();
        Recorder recorder = new Recorder(0, count);
        EventLoop loop = EventLoop.start("jppp-loop-close");
        try {
            List<Registration> registrations = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int[] pipe = IoTestSupport.pipe();
                pipes.add(pipe);
                Registration registration = loop.register(pipe[0], recorder.handlerFor(pipe[0]));
                registration.armRead(); // never becomes readable
                registrations.add(registration);
            }
            loop.execute(() -> {}); // a task possibly still queued at shutdown
            loop.close();
            // close() waits for the loop thread up to its 5 s join timeout: had the thread hung
            // (blocked in epoll_wait, not woken), it would still be there. Checked by the thread,
            // not by the time close took, which a loaded machine stretches.
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("jppp-loop-close")), "close did not hang: loop thread ended");
            assertTrue(recorder.closed.await(10, TimeUnit.SECONDS), "every registration told closed()");
            assertTrue(recorder.readableFds.isEmpty(), "no readiness was reported");
            assertFalse(registrations.get(0).isOpen());
            registrations.get(0).armRead(); // harmless after shutdown
            registrations.get(0).close();
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("jppp-loop-close")), "loop thread ended");
            int[] late = pipes.get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.register(late[0], recorder.handlerFor(late[0])));
            assertEquals("event loop jppp-loop-close is closed", e.getMessage());
        } finally {
            loop.close();
            for (int[] pipe : pipes) {
                Libc.close(pipe[0]);
                Libc.close(pipe[1]);
            }
        }
    }

    private static ReadyHandler readableOnly(Runnable action) {
        return new ReadyHandler() {
            @Override
            public void readable() {
                action.run();
            }

            @Override
            public void writable() {}
        };
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(5);
        }
    }
}
