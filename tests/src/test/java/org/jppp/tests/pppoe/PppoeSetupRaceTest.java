package org.jppp.tests.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Sessions allowed a lost Configure-Request anyway: a JVM stalled for 2 s between reading the
     * AC's first one and registering the session lets the endpoint forget it (its early frames
     * are kept 2 s); the lost-packet races gave 3 to 5 of 10. A retransmission whose original
     * did arrive, only late (a JVM descheduled past the 3 s Restart timer on a loaded machine),
     * lost nothing and is not counted.
     */
    private static final int ALLOWED_LOST = 1;
    private static final Duration UP = Duration.ofSeconds(60);
    private static final Pattern SESSION = Pattern.compile("PPP session is (\\d+)");
    private static final Pattern TIMEOUT = Pattern.compile("(LCP|IPCP): \\w+ -> \\w+ on TO\\+");
    /** A Configure-Request in a debug trace; retransmissions keep their id (RFC 1661 §5.1). */
    private static final Pattern CONF_REQ = Pattern.compile("(sent|rcvd) \\[(LCP|IPCP) ConfReq id=(0x\\p{XDigit}+)");

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
        int lossy = 0;
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
            boolean retransmitted = TIMEOUT.matcher(log).find() || TIMEOUT.matcher(acSession).find();
            if (retransmitted && (lost(log, acSession) > 0 || lost(acSession, log) > 0)) {
                lossy++;
                report.append("session ").append(session).append(" lost a Configure-Request:\n").append(log)
                        .append("\n--- AC ---\n").append(acSession).append('\n');
            }
        }
        assertTrue(lossy <= ALLOWED_LOST, lossy + " of " + SESSIONS + " sessions lost a Configure-Request and waited "
                + "for a Restart timer\n" + report);
        for (PppdProcess pppd : clients) {
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        }
    }

    /**
     * Configure-Requests {@code sender} sent that {@code receiver} never logged receiving, counted
     * per protocol and id (a retransmission keeps the id, so each copy counts). Both ends are
     * Opened when this is read, so every request sent before the last was received or lost.
     */
    private static int lost(String sender, String receiver) {
        Map<String, Integer> sent = confReqs(sender, "sent");
        Map<String, Integer> received = confReqs(receiver, "rcvd");
        int lost = 0;
        for (Map.Entry<String, Integer> e : sent.entrySet()) {
            lost += Math.max(0, e.getValue() - received.getOrDefault(e.getKey(), 0));
        }
        return lost;
    }

    private static Map<String, Integer> confReqs(String log, String direction) {
        Map<String, Integer> n = new HashMap<>();
        Matcher m = CONF_REQ.matcher(log);
        while (m.find()) {
            if (m.group(1).equals(direction)) {
                n.merge(m.group(2) + " " + m.group(3), 1, Integer::sum);
            }
        }
        return n;
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
