package org.jppp.tests.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jppp.tests.lab.AccessConcentratorLab;
import org.jppp.tests.serial.PppdProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Session set-up between our client and our access concentrator loses no packet to the
 * asynchronous hand-overs that single-threaded pppd does not have: the AC's first LCP
 * Configure-Request right behind its PADS (read on another socket than the PADS, before the host
 * registered the session), and the first Configure-Request of a protocol whose automaton had not
 * yet been opened. Either loss showed as a Restart-timer retransmission ({@code on TO+}) and a
 * session 3 s late, in about half of the sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PppoeSetupRaceTest {
    private static final int SESSIONS = 10;
    /**
     * Sessions allowed a retransmission anyway: a JVM starting on two cores shared with other
     * builds can be descheduled past the 3 s Restart timer; the lost-packet races gave 3 to 5 of 10.
     */
    private static final int ALLOWED_SLOW = 1;
    private static final Duration UP = Duration.ofSeconds(60);
    private static final Pattern SESSION = Pattern.compile("PPP session is (\\d+)");
    private static final Pattern TIMEOUT = Pattern.compile("(LCP|IPCP): \\w+ -> \\w+ on TO\\+");

    private AccessConcentratorLab lab;
    private PppdProcess server;
    private final List<PppdProcess> clients = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        lab = AccessConcentratorLab.create("pppoe-race");
        server = lab.accessConcentrator("ac").options("auth", "require-chap", "name jppp-ac", "debug",
                "lcp-echo-interval 10", "lcp-echo-failure 6")
                .args("-L", "10.98.0.1", "-R", "10.98.0.10", "-N", "50", "-C", "jppp-ac", "-S", "internet",
                        "--padi-rate", "500:500").start().server();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            clients.forEach(PppdProcess::close);
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    void tenSessions_oneAfterAnother_noConfigureRequestWaitsForTheRestartTimer() throws Exception {
        // One after another, as the benchmark does: each client's JVM start is alone on the CPU.
        for (int unit = 1; unit <= SESSIONS; unit++) {
            Path etc = PppoeEtc.client(lab.root(), "race-" + unit, "veth0", "rp_pppoe_service internet", "debug");
            PppdProcess pppd = lab.callProvider(etc, "unit", Integer.toString(unit));
            clients.add(pppd);
            pppd.awaitLog("remote IP address 10.98.0.1", UP);
        }
        int slow = 0;
        StringBuilder report = new StringBuilder();
        for (PppdProcess pppd : clients) {
            String log = pppd.log();
            // An automaton handed the peer's packet before its Open and Up (the second race).
            assertFalse(log.contains("ignored in INITIAL"), log);
            Matcher id = SESSION.matcher(log);
            assertTrue(id.find(), log);
            String session = id.group(1);
            String acSession = acLogOf(session);
            assertFalse(acSession.contains("ignored in INITIAL"), acSession);
            if (TIMEOUT.matcher(log).find() || TIMEOUT.matcher(acSession).find()) {
                slow++;
                report.append("session ").append(session).append(" retransmitted:\n").append(log)
                        .append("\n--- AC ---\n").append(acSession).append('\n');
            }
        }
        assertTrue(slow <= ALLOWED_SLOW, slow + " of " + SESSIONS + " sessions waited for a Restart timer\n" + report);
        for (PppdProcess pppd : clients) {
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        }
    }

    /**
     * The AC's log lines of one session: the sessions come up one after another, so from its
     * {@code Session N created} line to the next session's (its LCP echoes later are not set-up).
     */
    private String acLogOf(String session) {
        String log = server.log();
        int from = log.indexOf("Session " + session + " created");
        assertTrue(from >= 0, log);
        int to = log.indexOf(" created for client ", log.indexOf('\n', from));
        return log.substring(from, to < 0 ? log.length() : to);
    }
}
