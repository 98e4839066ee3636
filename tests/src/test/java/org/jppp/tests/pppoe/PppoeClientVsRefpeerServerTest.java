package org.jppp.tests.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.RefPeer;
import org.jppp.tests.serial.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * jppp's {@code bin/pppd} with {@code plugin rp-pppoe.so} against the real thing: rp-pppoe's
 * pppoe-server and Debian's pppd in the refpeer guest ({@code start-server.sh}: CHAP, local
 * 10.77.0.1, pool from 10.77.0.10, DNS 10.77.0.53, AC-Name refpeer-ac, service internet). Our
 * client runs in a network namespace of the test's own, bridged to the guest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PppoeClientVsRefpeerServerTest {
    private static final Duration UP = Duration.ofSeconds(60);
    private static final String AC_MAC = "52:54:00:77:00:01";

    private NetNamespace ns;
    private RefPeer server;
    private Path root;

    @BeforeAll
    void boot() throws Exception {
        root = Files.createTempDirectory("jppp-pppoe-cli");
        ns = NetNamespace.create();
        server = RefPeer.startWith("start-server.sh", "REFPEER-SERVER-READY", "jppp-pe-ac", "--peer-ns", ns.name(),
                "--peer-if", "veth0");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
            TempDirs.delete(root);
        }
    }

    private PppdProcess dial(Path etc, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("call", "provider"));
        args.addAll(List.of(extra));
        return PppdProcess.start(ns, etc, etc, args);
    }

    @Test
    @Order(1)
    void unknownServiceFailsDiscoveryWithExitEight() throws Exception {
        String log = discoveryFails("wrong-service", "rp_pppoe_service", "no-such-service");
        assertTrue(log.contains("Plugin rp-pppoe.so loaded."), log);
    }

    /** The guest's server answers with its own AC-Name: a PADO from any other AC is not ours (pppd: rp_pppoe_ac). */
    @Test
    @Order(1)
    void unknownAcNameFailsDiscoveryWithExitEight() throws Exception {
        discoveryFails("wrong-ac", "rp_pppoe_ac", "no-such-ac");
    }

    /**
     * A client in {@code ROOT/dir} with {@code option value} that no PADO matches gives up after two
     * PADIs with pppd's EXIT_CONNECT_FAILED (8) and no session; its log.
     */
    private String discoveryFails(String dir, String option, String value) throws Exception {
        Path etc = PppoeEtc.client(root, dir, "veth0");
        try (PppdProcess pppd = dial(etc, option, value, "pppoe-padi-timeout", "1", "pppoe-padi-attempts", "2")) {
            assertEquals(8, pppd.awaitExit(UP), pppd.log());
            String log = pppd.log();
            assertTrue(log.contains("Timeout waiting for PADO packets"), log);
            assertTrue(log.contains("Unable to complete PPPoE Discovery"), log);
            assertTrue(!log.contains("PPP session is"), log);
            return log;
        }
    }

    @Test
    @Order(2)
    void chapSessionCarriesPingsAndDnsAndSigtermSendsPadt() throws Exception {
        Path etc = PppoeEtc.client(root, "chap", "veth0", "usepeerdns");
        long mark = server.consoleLength();
        try (PppdProcess pppd = dial(etc)) {
            sessionComesUp(pppd, etc);
            String log = pppd.log();
            assertTrue(log.contains("Plugin rp-pppoe.so loaded."), log);
            assertTrue(Pattern.compile("PPP session is \\d+").matcher(log).find(), log);
            assertTrue(log.contains("Connected to " + AC_MAC + " via interface veth0"), log);
            assertTrue(log.contains("Using interface ppp0"), log);
            assertTrue(log.contains("CHAP authentication succeeded"), log);
            server.awaitConsole(mark, Pattern.compile("REFPEER-EVENT ip-up .*local=10\\.77\\.0\\.1 remote=10\\.77\\.0\\.10 "
                    + "peer=alice"), Duration.ofSeconds(10));

            long beforeTerm = server.consoleLength();
            terminatesWithExitFive(pppd);
            assertTrue(pppd.log().contains("Terminating on signal 15"), pppd.log());
            // pppoe-server logs the PADT it received and hangs up the session's pppd.
            server.awaitConsole(beforeTerm, Pattern.compile("pppoe-server\\[\\d+\\]: PADT"), Duration.ofSeconds(10));
            server.awaitConsole(beforeTerm, Pattern.compile("REFPEER-EVENT ip-down .*peer=alice"), Duration.ofSeconds(20));
        }
    }

    @Test
    @Order(3)
    void serverStopEndsTheLinkWithPppdsStatus() throws Exception {
        Path etc = PppoeEtc.client(root, "server-stop", "veth0");
        try (PppdProcess pppd = dial(etc)) {
            pppd.awaitLog("remote IP address 10.77.0.1", UP);
            server.guest("refpeer-server stop");
            // The AC's PADT (or its pppd's Terminate-Request) ends the link from the peer's side:
            // pppd's EXIT_HANGUP (16), as when the kernel unbinds the session on a PADT.
            int status = pppd.awaitExit(Duration.ofSeconds(30));
            String log = pppd.log();
            assertEquals(16, status, log);
            assertTrue(log.contains("terminated -- received PADT from peer") || log.contains("LCP terminated by peer"),
                    log);
            assertTrue(log.contains("Connection terminated."), log);
        } finally {
            server.guest("refpeer-server start");
        }
    }

    /** Restarts the guest's pppoe-server with another authentication (the guest keeps running). */
    private void serverAuth(String auth) throws InterruptedException {
        long mark = server.consoleLength();
        server.guest("printf 'REFPEER_AUTH=" + auth + "\\n' > /run/refpeer.override; refpeer-server restart");
        server.awaitConsole(mark, Pattern.compile("REFPEER-SERVER up .*auth=" + auth), Duration.ofSeconds(30));
    }

    /** A whole session against the server as it is now: address, DNS, a route and pings through ppp0. */
    private void sessionComesUp(PppdProcess pppd, Path etc) throws Exception {
        pppd.awaitLog("remote IP address 10.77.0.1", UP);
        String log = pppd.log();
        assertTrue(log.contains("Connect: ppp0 <--> veth0"), log);
        assertTrue(log.contains("local  IP address 10.77.0.10"), log);
        assertTrue(log.contains("primary   DNS address 10.77.0.53"), log);
        assertTrue(TempDirs.awaitContent(etc.resolve("resolv.conf"), "nameserver 10.77.0.53", Duration.ofSeconds(20))
                .contains("nameserver 10.77.0.53"));
        String route = ns.exec("ip", "route", "get", "10.77.0.1").output();
        assertTrue(route.contains("dev ppp0"), route);
        // The guest's pppd may run its ipcp_up a moment after ours: pings once the link carries one.
        ns.awaitReachable("10.77.0.1", null, Duration.ofSeconds(30));
        assertEquals(3, ns.ping("10.77.0.1", 3));
    }

    /** SIGTERM: pppd's EXIT_USER_REQUEST (5). */
    private static void terminatesWithExitFive(PppdProcess pppd) throws InterruptedException {
        pppd.terminate();
        assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
    }

    @Test
    @Order(4)
    void papSessionCarriesPingsAndDns() throws Exception {
        sessionWithServerAuth("pap", (log, mark) -> {
            assertTrue(log.contains("PAP authentication succeeded"), log);
            assertTrue(!log.contains("CHAP authentication"), log);
            server.awaitConsole(mark, Pattern.compile("REFPEER-EVENT ip-up .*remote=10\\.77\\.0\\.10 peer=alice"),
                    Duration.ofSeconds(10));
        });
    }

    @Test
    @Order(5)
    void noauthSessionCarriesPingsAndDns() throws Exception {
        sessionWithServerAuth("noauth", (log, mark) -> assertTrue(!log.contains("authentication succeeded"), log));
    }

    /** What a session's log (and the guest's console from {@code consoleMark} on) must show besides {@link #sessionComesUp}. */
    private interface SessionCheck {
        void check(String log, long consoleMark) throws Exception;
    }

    /**
     * The guest's server restarted with {@code auth} (back to CHAP afterwards, also on failure), a
     * client in {@code ROOT/AUTH} with usepeerdns: the session comes up, passes {@code check}, and
     * SIGTERM ends it.
     */
    private void sessionWithServerAuth(String auth, SessionCheck check) throws Exception {
        serverAuth(auth);
        try {
            Path etc = PppoeEtc.client(root, auth, "veth0", "usepeerdns");
            long mark = server.consoleLength();
            try (PppdProcess pppd = dial(etc)) {
                sessionComesUp(pppd, etc);
                check.check(pppd.log(), mark);
                terminatesWithExitFive(pppd);
            }
        } finally {
            serverAuth("chap");
        }
    }

    @Test
    @Order(6)
    void persistRedialsAfterTheServerComesBack() throws Exception {
        Path etc = PppoeEtc.client(root, "persist", "veth0", "usepeerdns", "persist", "holdoff 1", "maxfail 0",
                "pppoe-padi-timeout 1");
        try (PppdProcess pppd = dial(etc)) {
            sessionComesUp(pppd, etc);
            server.guest("refpeer-server stop");
            pppd.awaitLog("Connection terminated.", Duration.ofSeconds(30));
            // Discovery goes on (holdoff 1, maxfail 0) until an AC answers again.
            Thread.sleep(2000);
            server.guest("refpeer-server start");
            Pattern up = Pattern.compile("remote IP address 10\\.77\\.0\\.1\\b");
            assertEquals(2, pppd.awaitCount(up, 2, UP), pppd.log());
            ns.awaitReachable("10.77.0.1", null, Duration.ofSeconds(30));
            assertEquals(3, ns.ping("10.77.0.1", 3));
            terminatesWithExitFive(pppd);
        } finally {
            server.guest("refpeer-server status || refpeer-server start");
        }
    }
}
