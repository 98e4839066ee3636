package org.jppp.supervisor.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.jppp.supervisor.options.ConfigDefaults;
import org.jppp.supervisor.options.SystemProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The daemon in-process with peers whose dial fails without any network (a device that does not
 * exist, a connect script that fails), each failure logged for its peer: a peer's {@code logfile}
 * gets that peer's lines and no other's, {@code nolog} gets nothing, and a file two running peers
 * share is open once and closed when {@code down} has stopped them both.
 */
class DaemonLogfileTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Fails at once, in the dial: pppd's "Failed to open ...", exit 7. */
    private static final String MISSING_DEVICE = "/dev/ttyJPPPnone\nnoauth\n";
    /** Opens (a pty master is a tty), then the connect script fails: "Connect script failed", exit 8. */
    private static final String FAILING_CONNECT = "/dev/ptmx\nconnect /bin/false\nnoauth\n";

    @TempDir
    Path etc;
    @TempDir
    Path run;
    @TempDir
    Path logs;

    private Daemon daemon;

    /** The daemon's level (cli/Jpppd via LogSetup); the tests' logback-test.xml has DEBUG. */
    private static Logger jppp() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.jppp");
    }

    private Level testLevel;

    @BeforeEach
    void start() throws Exception {
        testLevel = jppp().getLevel();
        jppp().setLevel(Level.INFO);
        Files.createDirectories(etc.resolve("peers"));
        Map<String, Object> defaults = ConfigDefaults.read(ConfigFactory.load());
        daemon = Daemon.start(new Daemon.Settings(etc, run, List.of(), defaults, SystemProbe.host()), new PeerDebug());
    }

    @AfterEach
    void stop() {
        daemon.shutdown(Duration.ofSeconds(5));
        jppp().setLevel(testLevel);
    }

    private void peer(String name, String options) throws IOException {
        Files.writeString(etc.resolve("peers").resolve(name), options);
    }

    private Manager.Reply ask(Function<ActorRef<Manager.Reply>, Manager.Command> command) throws Exception {
        return AskPattern.ask(daemon.manager(), command::apply, WAIT, daemon.system().scheduler())
                .toCompletableFuture().get(WAIT.toSeconds() + 1, TimeUnit.SECONDS);
    }

    private PeerStatus status(String name) throws Exception {
        return assertInstanceOf(Manager.Statuses.class, ask(r -> new Manager.Status(Optional.of(name), r)))
                .peers().get(0);
    }

    /** Waits until {@code name}'s run is over (STOPPED with its exit status). */
    private PeerStatus awaitStopped(String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            PeerStatus s = status(name);
            if (s.state().equals("STOPPED") && s.lastExit().isPresent()) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " still running: " + status(name));
    }

    /** Waits until {@code name} waits out its holdoff after a failed dial. */
    private void awaitHoldoff(String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(name).state().equals("HOLDOFF")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " not in holdoff: " + status(name));
    }

    private static void awaitLines(Path file, int atLeast) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= atLeast) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(file + " has not " + atLeast + " lines: "
                + (Files.exists(file) ? Files.readString(file) : "(missing)"));
    }

    @Test
    void logfileGetsItsPeersLinesOnly_nologNothing_fileClosedWhenThePeerEnds() throws Exception {
        Path a = logs.resolve("one.log");
        Path c = logs.resolve("three.log");
        peer("one", FAILING_CONNECT + "logfile " + a + "\n");
        peer("two", MISSING_DEVICE);
        peer("three", MISSING_DEVICE + "logfile " + c + "\nnolog\n");

        for (String name : List.of("two", "one", "three")) {
            assertInstanceOf(Manager.Ok.class, ask(r -> new Manager.Start(name, List.of(), r)));
        }
        assertEquals(8, awaitStopped("one").lastExit().get().status());
        assertEquals(7, awaitStopped("two").lastExit().get().status());
        assertEquals(7, awaitStopped("three").lastExit().get().status());

        // one's line, the message alone; nothing of two's "Failed to open /dev/ttyJPPPnone".
        assertEquals("Connect script failed\n", Files.readString(a));
        assertFalse(Files.exists(c), "nolog cancels logfile");
        assertEquals(0, PeerLogFilesTest.openDescriptors(a));
        assertEquals(Map.of(), daemon.logFiles().openFiles());
    }

    @Test
    void fileSharedByTwoRunningPeers_openOnce_closedAfterDown_andAgainAfterUpDownCycles() throws Exception {
        Path shared = logs.resolve("shared.log");
        // persist with a long holdoff: each stays running (HOLDOFF) after its failed dial.
        String persist = MISSING_DEVICE + "persist\nmaxfail 0\nholdoff 30\nlogfile " + shared + "\n";
        peer("s1", persist);
        peer("s2", persist);
        assertInstanceOf(Manager.Ok.class, ask(r -> new Manager.Start("s1", List.of(), r)));
        assertInstanceOf(Manager.Ok.class, ask(r -> new Manager.Start("s2", List.of(), r)));
        awaitHoldoff("s1");
        awaitHoldoff("s2");

        assertEquals(1, PeerLogFilesTest.openDescriptors(shared));
        assertEquals(Map.of(shared, 2), daemon.logFiles().openFiles());

        assertInstanceOf(Manager.Ok.class, ask(r -> new Manager.Stop(Optional.of("s1"), r)));
        assertEquals(1, PeerLogFilesTest.openDescriptors(shared), "s2 still writes there");
        assertInstanceOf(Manager.Ok.class, ask(r -> new Manager.Stop(Optional.of("s2"), r)));
        assertEquals(0, PeerLogFilesTest.openDescriptors(shared));
        assertEquals(Map.of(), daemon.logFiles().openFiles());

        // Each start opens the file anew (its lines arrive) and each down closes it again.
        for (int i = 1; i <= 5; i++) {
            int before = Files.readAllLines(shared).size();
            assertInstanceOf(Manager.Ok.class, ask(r -> new Manager.Start("s1", List.of(), r)));
            awaitHoldoff("s1");
            assertEquals(1, PeerLogFilesTest.openDescriptors(shared));
            assertTrue(Files.readAllLines(shared).size() > before, "cycle " + i);
            assertInstanceOf(Manager.Ok.class, ask(r -> new Manager.Stop(Optional.of("s1"), r)));
            assertEquals(0, PeerLogFilesTest.openDescriptors(shared));
        }
        assertEquals(Map.of(), daemon.logFiles().openFiles());
        List<String> lines = Files.readAllLines(shared);
        assertTrue(lines.stream().allMatch(
                l -> l.contains("Failed to open /dev/ttyJPPPnone: No such file or directory")), lines.toString());
    }
}
