package org.jppp.supervisor.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.jppp.actors.ExitStatus;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.supervisor.options.ConfigDefaults;
import org.jppp.supervisor.options.OptionsLoader;
import org.jppp.supervisor.options.SettingsFactory;
import org.jppp.supervisor.options.SystemProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer of the daemon stopped while its first dial is still waiting for a thread of the
 * daemon's dialer (many peers started at once, {@code pppctl up} then {@code down} straight
 * away): it ends with pppd's status for a user request, and the dial never runs.
 */
class PeerRunTest {
    /** The dial would fail at once with pppd's "Failed to open ..." (exit 7) if it ran. */
    private static final String MISSING_DEVICE = "/dev/ttyJPPPnone\nnoauth\n";

    @TempDir
    Path etc;

    private final ActorTestKit kit = ActorTestKit.create();
    private EventLoop loop;
    private final CountDownLatch dialMayStart = new CountDownLatch(1);
    private final CountDownLatch dialDone = new CountDownLatch(1);

    /**
     * The daemon's dialer as it is when the peer's first task (its dial) has been handed over but
     * not started yet: that task waits for {@link #dialMayStart}; every later one (the closing
     * of what the peer opened) runs at once.
     */
    private final ExecutorService dialer = new AbstractExecutorService() {
        private final AtomicBoolean first = new AtomicBoolean(true);

        @Override
        public void execute(Runnable task) {
            boolean isDial = first.getAndSet(false);
            Thread t = new Thread(() -> {
                if (isDial) {
                    try {
                        dialMayStart.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                try {
                    task.run();
                } finally {
                    if (isDial) {
                        dialDone.countDown();
                    }
                }
            }, isDial ? "held-dial" : "dialer");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    };

    @BeforeEach
    void start() {
        loop = EventLoop.start("peer-run-test");
    }

    @AfterEach
    void stop() {
        dialMayStart.countDown();
        kit.shutdownTestKit();
        loop.close();
    }

    private ActorRef<PeerRun.Command> peer(String name, String options, ExecutorService pool,
            TestProbe<PeerRun.Ended> ended) throws Exception {
        Files.createDirectories(etc.resolve("peers"));
        Files.writeString(etc.resolve("peers").resolve(name), options);
        PppdSettings settings = SettingsFactory.build(OptionsLoader.load(etc, List.of("call", name),
                ConfigDefaults.read(ConfigFactory.load()), SystemProbe.host(), line -> { }));
        PeerRun.Shared shared = new PeerRun.Shared(etc, loop, new PppoeLines(loop), pool, new PeerDebug());
        return kit.spawn(PeerRun.create(name, 1, settings, shared, ended.getRef()));
    }

    @Test
    void stopBeforeTheDialStarted_endsWithUserRequest_andTheDialNeverRuns() throws Exception {
        TestProbe<PeerRun.Ended> ended = kit.createTestProbe();
        ActorRef<PeerRun.Command> peer = peer("queued", MISSING_DEVICE, dialer, ended);

        peer.tell(new PeerRun.Stop());
        PeerRun.Ended end = ended.expectMessageClass(PeerRun.Ended.class, Duration.ofSeconds(10));
        assertEquals(ExitStatus.EXIT_USER_REQUEST, end.exitStatus(), end.toString());

        // The held dial, let start now, does nothing: had it dialled, the missing device would
        // have been logged and the peer told to end again.
        dialMayStart.countDown();
        assertTrue(dialDone.await(10, TimeUnit.SECONDS));
        ended.expectNoMessage(Duration.ofMillis(500));
    }

    /**
     * pppd's main loop with persist: each pass that cannot open the device ends with
     * EXIT_OPEN_FAILED and counts for maxfail; the last one's status is the run's. A redial
     * whose device fails is such a pass, not a crash of the session (status 1, a stack trace).
     */
    @Test
    void persist_deviceMissingOnEveryRedial_maxfailEndsWithOpenFailed() throws Exception {
        TestProbe<PeerRun.Ended> ended = kit.createTestProbe();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            peer("missing", MISSING_DEVICE + "persist\nholdoff 0\nmaxfail 3\n", pool, ended);
            PeerRun.Ended end = ended.expectMessageClass(PeerRun.Ended.class, Duration.ofSeconds(20));
            assertEquals(ExitStatus.EXIT_OPEN_FAILED, end.exitStatus(), end.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
