package org.jppp.tests.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user finds in syslog: {@code bin/pppd} in its default mode (no {@code nodetach}) writes
 * to standard error only until the link is connected, where it detaches (the command returns 0
 * and a child in a session of its own runs the link), and everything to syslog as
 * {@code pppd[PID]: ...} with facility daemon. The run's /dev/log is a socket of the test's own
 * (with-syslog.sh), in a private mount namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyslogTest {
    private static final Duration UP = Duration.ofSeconds(40);
    /** {@code <PRI>timestamp pppd[PID]: message}; PRI = facility daemon (3) * 8 + severity. */
    private static final Pattern LINE = Pattern.compile("<(\\d+)>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d pppd\\[(\\d+)\\]: ");

    @RegisterExtension
    static final PtyLab LAB = new PtyLab("syslog");

    @Test
    void pppdLinesGoToSyslogWithIdentPidAndDaemonFacility() throws Exception {
        Path etc = LAB.etc("etc");
        Path syslog = LAB.root().resolve("syslog");
        Path script = Path.of(SyslogTest.class.getResource("with-syslog.sh").toURI());
        String inner = String.join(" ", LAB.b().prefix(List.of(Repo.pppd().toString(), "notty", "noauth", "nodetach",
                "noipdefault")));
        List<String> command = Args.concat(List.of("env", "JPPP_SYSLOG_WAIT_PIDFILE=" + etc.resolve("ppp0.pid"),
                "bash", script.toString(), syslog.toString()),
                LAB.a().prefix(List.of(Repo.pppd().toString(), "pty", inner, "noauth", "10.81.0.1:10.81.0.2")));
        try (PppdProcess pppd = PppdProcess.start(command, etc, etc)) {
            // Detached: bin/pppd returns 0 at the Connect line; its child runs the link.
            pppd.awaitLog("Connect: ppp0 <--> /dev/pts/", UP);
            String text = TempDirs.awaitContent(syslog, "remote IP address 10.81.0.2", UP);
            assertTrue(text.contains("remote IP address 10.81.0.2"), "syslog:\n" + text + "\nstderr:\n" + pppd.log());
            int connect = priorityOf(text, "Connect: ppp0 <--> /dev/pts/");
            assertEquals(3 * 8 + 5, connect, "daemon.notice");
            assertEquals(3 * 8 + 5, priorityOf(text, "local  IP address 10.81.0.1"));
            // stderr stops after the Connect line, where pppd detaches.
            assertTrue(!pppd.log().contains("local  IP address 10.81.0.1"), pppd.log());
            long child = Long.parseLong(Files.readAllLines(etc.resolve("ppp0.pid")).get(0).trim());
            Commands.run("kill", "-TERM", Long.toString(child)).requireSuccess();
            assertEquals(0, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
            String after = TempDirs.awaitContent(syslog, "Exit.", Duration.ofSeconds(20));
            assertTrue(after.contains("Terminating on signal 15"), after);
            assertTrue(after.contains("pppd[" + child + "]: Exit."), after);
        }
    }

    /** The syslog priority of the datagram carrying {@code message}. */
    private static int priorityOf(String syslog, String message) {
        int at = syslog.indexOf(message);
        if (at < 0) {
            fail("no \"" + message + "\" in syslog:\n" + syslog);
        }
        Matcher m = LINE.matcher(syslog.substring(0, at));
        int priority = -1;
        while (m.find()) {
            if (m.end() == at) {
                priority = Integer.parseInt(m.group(1));
            }
        }
        assertTrue(priority >= 0, "\"" + message + "\" is not a pppd[PID] line:\n" + syslog);
        return priority;
    }
}
