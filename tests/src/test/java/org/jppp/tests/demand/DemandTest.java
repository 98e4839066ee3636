package org.jppp.tests.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jppp.tests.lab.AccessConcentratorLab;
import org.jppp.tests.pppoe.PppoeEtc;
import org.jppp.tests.serial.Commands;
import org.jppp.tests.serial.Logs;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Dial on demand, idle and the interface kept across redials, with our PPPoE access concentrator
 * ({@code bin/pppoe-server}) in one namespace and {@code bin/pppd} in another, joined by a veth.
 * The client knows the concentrator's address ({@code :10.99.0.1}), as a demand setup must for
 * traffic to be routed to the interface before the link exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemandTest {
    private static final Duration UP = Duration.ofSeconds(60);
    private static final Pattern CLOSED = Pattern.compile("Session \\d+ closed for client ");

    private AccessConcentratorLab lab;
    private NetNamespace clientNs;
    private PppdProcess server;

    @BeforeAll
    void start() throws Exception {
        lab = AccessConcentratorLab.create("demand");
        clientNs = lab.clientNs();
        server = lab.accessConcentrator("ac").options("auth", "require-chap", "name jppp-ac").pool("10.99.0.10-20")
                .args("-L", "10.99.0.1", "-N", "20", "-C", "jppp-ac", "-S", "internet").start().server();
    }

    @AfterEach
    void stopClients() {
        lab.closeClients();
    }

    /** After {@link #stopClients()}, which JUnit runs after every test. */
    @AfterAll
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private PppdProcess dial(String name, String... options) throws Exception {
        return lab.dial("veth0", name, options);
    }

    private static void awaitCount(PppdProcess p, String literal, int n, Duration timeout)
            throws InterruptedException {
        assertEquals(n, p.awaitCount(Logs.literal(literal), n, timeout), literal + " in\n" + p.log());
    }

    /**
     * Replies to {@code ping -c 5} with a 20 s deadline: the first echo request waits in the demand
     * queue while the link comes up, so replies come only after discovery, CHAP and IPCP.
     */
    private int pingThroughDemand() {
        String out = clientNs.exec("ping", "-n", "-c", "5", "-i", "0.5", "-w", "20", "10.99.0.1").output();
        Matcher m = Pattern.compile("(\\d+) received").matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String ifindex() {
        return clientNs.exec("cat", "/sys/class/net/ppp0/ifindex").output().trim();
    }

    @Test
    @Order(1)
    void demand_interfaceUpFirst_pingDials_idleHangsUp_pingDialsAgain() throws Exception {
        int closedBefore = server.count(CLOSED);
        PppdProcess pppd = dial("demand", ":10.99.0.1", "demand", "idle", "5", "persist", "holdoff", "1");
        pppd.awaitLog("remote IP address 10.99.0.1", Duration.ofSeconds(30));
        String log = pppd.log();
        assertTrue(log.contains("Using interface ppp0"), log);
        assertTrue(log.contains("local  IP address 10.64.64.64"), "pppd's placeholder for unit 0: " + log);
        Commands.Result link = clientNs.exec("ip", "-o", "link", "show", "ppp0");
        assertTrue(link.output().contains(",UP"), link.output());
        String index = ifindex();
        Thread.sleep(2000);
        assertFalse(pppd.log().contains("Starting link"), "no dial without traffic: " + pppd.log());
        assertFalse(server.log().contains("CHAP peer authentication succeeded"), "no session at the AC yet");

        assertTrue(pingThroughDemand() >= 1, pppd.log());
        log = pppd.log();
        assertTrue(log.contains("Starting link"), log);
        assertTrue(log.contains("Local IP address changed to 10.99.0."), log);
        server.awaitLog("CHAP peer authentication succeeded for alice", Duration.ofSeconds(20));

        pppd.awaitLog("Terminating connection due to lack of activity.", Duration.ofSeconds(20));
        server.awaitCount(CLOSED, closedBefore + 1, Duration.ofSeconds(30));
        Thread.sleep(1500);
        assertEquals(index, ifindex(), "ppp0 stays, the same interface");
        assertTrue(pppd.log().contains("Starting link"));
        assertEquals(1, pppd.count(Logs.literal("Starting link")), pppd.log());

        assertTrue(pingThroughDemand() >= 1, pppd.log());
        awaitCount(pppd, "Starting link", 2, Duration.ofSeconds(20));
        assertEquals(index, ifindex());
        pppd.terminate();
        assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
    }

    /**
     * pppd's demand_conf adds the {@code defaultroute} with the interface: with no remote address
     * known, the concentrator's address is reached only through that route, and a ping to it
     * dials. The route stays while the link is up and goes when pppd exits.
     */
    @Test
    @Order(4)
    void demandDefaultroute_routeUpFront_pingOverItDials() throws Exception {
        Path etc = PppoeEtc.client(lab.root(), "demand-route", "veth0", "rp_pppoe_service internet");
        // pppd's ip_demand_conf runs ip-pre-up once, with the placeholder addresses set and the
        // interface still down; its ipcp_up does not run it again with demand.
        Path preUps = etc.resolve("pre-up.log");
        Path script = etc.resolve("ip-pre-up");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$* IPLOCAL=$IPLOCAL flags=$(cat /sys/class/net/$1/flags)\" >> " + preUps + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        PppdProcess pppd = lab.client(etc, "demand", "defaultroute", "idle", "30");
        pppd.awaitLog("remote IP address 10.112.112.112", Duration.ofSeconds(30));
        List<String> preUpRuns = Files.readAllLines(preUps);
        assertEquals(1, preUpRuns.size(), preUpRuns.toString());
        Matcher preUp = Pattern.compile("ppp(\\d+) veth0 0 10\\.64\\.64\\.\\d+ 10\\.112\\.112\\.\\d+ "
                + "IPLOCAL=10\\.64\\.64\\.\\d+ flags=0x(\\p{XDigit}+)").matcher(preUpRuns.get(0));
        assertTrue(preUp.matches(), preUpRuns.get(0));
        assertEquals(0, Integer.parseInt(preUp.group(2), 16) & 1, "IFF_UP not set yet: " + preUpRuns.get(0));
        String routes = clientNs.exec("ip", "-4", "route", "show", "default").output();
        assertTrue(routes.contains("dev ppp0"), "default route up front: " + routes + "\n" + pppd.log());
        Thread.sleep(1000);
        assertFalse(pppd.log().contains("Starting link"), "no dial without traffic: " + pppd.log());

        assertTrue(pingThroughDemand() >= 1, pppd.log());
        String log = pppd.log();
        assertTrue(log.contains("Starting link"), log);
        assertTrue(log.contains("Remote IP address changed to 10.99.0.1"), log);
        routes = clientNs.exec("ip", "-4", "route", "show", "default").output();
        assertEquals(1, routes.lines().filter(l -> l.contains("dev ppp0")).count(), "one default route: " + routes);
        assertEquals(1, Files.readAllLines(preUps).size(), "not again at IPCP up: " + Files.readAllLines(preUps));

        pppd.terminate();
        assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        routes = clientNs.exec("ip", "-4", "route", "show", "default").output();
        assertFalse(routes.contains("ppp0"), "removed at exit: " + routes);
    }

    @Test
    @Order(2)
    void persist_sighupRedialsOnTheSameInterface() throws Exception {
        PppdProcess pppd = dial("persist", "persist", "holdoff", "1");
        pppd.awaitLog("remote IP address 10.99.0.1", UP);
        String index = ifindex();
        Commands.run("kill", "-HUP", Long.toString(pppd.pid())).requireSuccess();
        awaitCount(pppd, "remote IP address 10.99.0.1", 2, UP);
        assertEquals(index, ifindex(), "the redial reuses ppp0: " + pppd.log());
        // The AC's IPCP may open a moment after ours: wait until the redialled link carries a ping.
        clientNs.awaitReachable("10.99.0.1", null, Duration.ofSeconds(30));
        assertEquals(1, clientNs.ping("10.99.0.1", 1));
        pppd.terminate();
        assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
    }

    @Test
    @Order(3)
    void idleWithoutDemand_exits12() throws Exception {
        PppdProcess pppd = dial("idle", "idle", "3");
        pppd.awaitLog("remote IP address 10.99.0.1", UP);
        assertEquals(12, pppd.awaitExit(Duration.ofSeconds(30)), pppd.log());
        assertTrue(pppd.log().contains("Terminating connection due to lack of activity."), pppd.log());
    }
}
