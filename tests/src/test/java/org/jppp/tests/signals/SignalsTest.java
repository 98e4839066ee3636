package org.jppp.tests.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jppp.tests.serial.Logs;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;
import org.jppp.tests.serial.PtyLab;
import org.jppp.tests.serial.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signals a user sends to a running {@code bin/pppd} (what {@code poff -d} and {@code poff -c}
 * send), and {@code up_sdnotify}, on a real link: jppp against jppp over a pty, each in its own
 * network namespace, LCP echoes every second so that debug traces appear continuously while debug
 * is on. The systemd side of {@code up_sdnotify} is a {@code socat} datagram receiver named by
 * NOTIFY_SOCKET.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalsTest {
    private static final Duration UP = Duration.ofSeconds(40);
    private static final String ECHO_TRACE = "sent [LCP EchoReq";

    @RegisterExtension
    static final PtyLab LAB = new PtyLab("sig");

    @Test
    void usr1TogglesDebugUsr2IsLoggedAndUpSdnotifySendsReady() throws Exception {
        Path etcA = LAB.etc("a");
        Path etcB = LAB.etc("b");
        Path notify = LAB.root().resolve("notify.sock");
        Path received = LAB.root().resolve("notify.out");
        Process systemd = new ProcessBuilder("socat", "-u", "UNIX-RECV:" + notify + ",unlink-early", "STDOUT")
                .redirectOutput(received.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (PppdProcess pppd = start(etcA, etcB, notify)) {
            pppd.awaitLog("remote IP address 10.79.0.2", UP);
            assertEquals("READY=1\nSTATUS=ppp0 up: 10.79.0.1 <--> 10.79.0.2",
                    TempDirs.awaitContent(received, "STATUS=", Duration.ofSeconds(20)), pppd.log());

            Thread.sleep(1500);
            assertFalse(pppd.log().contains(ECHO_TRACE), "debug is off at first:\n" + pppd.log());

            pppd.signal("USR1");
            pppd.awaitLog("Debug turned ON (SIGUSR1)", Duration.ofSeconds(20));
            pppd.awaitLog(ECHO_TRACE, Duration.ofSeconds(20));

            pppd.signal("USR1");
            pppd.awaitLog("Debug turned OFF (SIGUSR1)", Duration.ofSeconds(20));
            // An echo already being logged may land just after the line (later on a loaded machine);
            // then none for 3 echo intervals.
            Thread.sleep(1000);
            int tracesAtOff = pppd.count(Logs.literal(ECHO_TRACE));
            Thread.sleep(3000);
            assertEquals(tracesAtOff, pppd.count(Logs.literal(ECHO_TRACE)), "debug is off again:\n" + pppd.log());

            pppd.signal("USR2");
            pppd.awaitLog("Renegotiate compression (SIGUSR2): no compression negotiated, nothing to do",
                    Duration.ofSeconds(20));
            assertEquals(2, LAB.a().ping("10.79.0.2", 2), "the link survives USR1 and USR2:\n" + pppd.log());

            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        } finally {
            systemd.destroy();
        }
    }

    /**
     * A (10.79.0.1:10.79.0.2, no debug, up_sdnotify, LCP echo every second) with B on its pty
     * (no debug either, so every trace in the shared log is A's).
     */
    private PppdProcess start(Path etcA, Path etcB, Path notify) throws IOException {
        List<String> client = List.of(Repo.pppd().toString(), "notty", "nodetach", "noauth", "noipdefault");
        String pty = LAB.ptyInB(etcB, client);
        List<String> server = new ArrayList<>(List.of("env", "NOTIFY_SOCKET=" + notify, Repo.pppd().toString()));
        server.addAll(List.of("pty", pty, "noauth", "10.79.0.1:10.79.0.2", "lcp-echo-interval", "1", "up_sdnotify"));
        return PppdProcess.start(LAB.a().prefix(server), etcA, etcA);
    }
}
