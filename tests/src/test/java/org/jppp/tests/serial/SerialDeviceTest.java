package org.jppp.tests.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * jppp on a serial device (a tty): two ttys joined back to back by socat stand for a null-modem
 * cable; the connect and disconnect scripts run around the link as pppd runs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerialDeviceTest {
    private static final Duration UP = Duration.ofSeconds(40);

    private NetNamespace a;
    private NetNamespace b;
    private Path root;
    private Process cable;

    @BeforeAll
    void setUp() throws Exception {
        root = Files.createTempDirectory("jppp-tty");
        a = NetNamespace.create();
        b = NetNamespace.create();
        cable = new ProcessBuilder("socat", "PTY,link=" + tty("a") + ",rawer", "PTY,link=" + tty("b") + ",rawer")
                .redirectErrorStream(true).redirectOutput(root.resolve("socat.log").toFile()).start();
        assertTrue(Await.until(() -> Files.exists(tty("a")) && Files.exists(tty("b")), Duration.ofSeconds(30)),
                "socat made no ttys");
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (cable != null) {
            cable.destroy();
            cable.waitFor(5, TimeUnit.SECONDS);
        }
        for (NetNamespace ns : new NetNamespace[] {a, b}) {
            if (ns != null) {
                ns.close();
            }
        }
        TempDirs.delete(root);
    }

    private Path tty(String side) {
        return root.resolve("tty" + side);
    }

    @Test
    void failingConnectScriptExitsWithStatus8() throws Exception {
        Path etc = TempDirs.etc(root, "connect-fails");
        try (PppdProcess pppd = PppdProcess.start(a, etc, etc, List.of(tty("a").toString(), "115200", "local",
                "nocrtscts", "noauth", "nodetach", "connect", "exit 3"))) {
            assertEquals(8, pppd.awaitExit(UP), pppd.log());
            assertTrue(pppd.log().contains("Connect script failed"), pppd.log());
        }
    }

    /** SIGTERM while the connect script runs: the script is ended and we exit with 5, as pppd. */
    @Test
    void signalDuringConnectScriptExitsWithStatus5() throws Exception {
        Path etc = TempDirs.etc(root, "connect-signal");
        Path started = etc.resolve("connect-started");
        try (PppdProcess pppd = PppdProcess.start(a, etc, etc, List.of(tty("a").toString(), "115200", "local",
                "nocrtscts", "noauth", "nodetach", "connect", "touch " + started + "; sleep 61.5"))) {
            assertTrue(Await.until(() -> Files.exists(started), Duration.ofSeconds(30)), pppd.log());
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
            assertTrue(pppd.log().contains("Terminating on signal 15"), pppd.log());
            // The child was sent SIGTERM before the exit; it may take a moment to die and be reaped
            // (on its own it would sleep for a minute).
            assertTrue(Await.until(() -> ProcessHandle.allProcesses()
                    .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 61.5")), Duration.ofSeconds(15)),
                    "the connect script's child outlived the run");
        }
    }

    @Test
    void linkOverTtysWithConnectAndDisconnectScripts() throws Exception {
        Path etcA = TempDirs.etc(root, "tty-a");
        Path etcB = TempDirs.etc(root, "tty-b");
        List<String> line = List.of("115200", "local", "nocrtscts", "noauth", "nodetach");
        try (PppdProcess pa = PppdProcess.start(a, etcA, etcA, Args.concat(List.of(tty("a").toString()), line,
                    List.of("10.80.0.1:10.80.0.2", "connect", "touch " + etcA.resolve("connected"),
                            "disconnect", "touch " + etcA.resolve("disconnected"))));
                PppdProcess pb = PppdProcess.start(b, etcB, etcB, Args.concat(List.of(tty("b").toString()), line,
                        List.of("noipdefault")))) {
            pa.awaitLog("remote IP address 10.80.0.2", UP);
            pb.awaitLog("remote IP address 10.80.0.1", UP);
            assertTrue(pa.log().contains("Serial connection established."), pa.log());
            assertTrue(pa.log().contains("Connect: ppp0 <--> " + tty("a")), pa.log());
            assertTrue(Files.exists(etcA.resolve("connected")));
            assertEquals(3, a.ping("10.80.0.2", 3), pa.log());
            pa.terminate();
            assertEquals(5, pa.awaitExit(Duration.ofSeconds(20)), pa.log());
            assertTrue(Files.exists(etcA.resolve("disconnected")), pa.log());
            assertTrue(pa.log().contains("Serial link disconnected."), pa.log());
            pb.terminate();
            pb.awaitExit(Duration.ofSeconds(20));
        }
    }
}
