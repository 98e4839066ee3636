package org.jppp.tests.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jppp.tests.lab.AccessConcentratorLab;
import org.jppp.tests.pppoe.PppoeEtc;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code bin/jpppd} with three PPPoE peers ({@code provider1..3}, listed in {@code jppp.conf})
 * against our {@code bin/pppoe-server} in another namespace, driven through the control socket:
 * all come up on distinct interfaces and addresses, {@code down} stops one (PADT) and leaves the
 * others up, {@code up} brings it back, {@code redial} dials again, and SIGTERM closes every
 * session and exits 5 with nothing left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpppdTest {
    private static final Duration UP = Duration.ofSeconds(90);
    private static final Pattern CLOSED = Pattern.compile("Session \\d+ closed for client ");
    private static final List<String> PEERS = List.of("provider1", "provider2", "provider3");

    private AccessConcentratorLab lab;
    private NetNamespace clientNs;
    private PppdProcess server;
    private PppdProcess daemon;
    private Path run;
    private Control control;

    @BeforeAll
    void start() throws Exception {
        lab = AccessConcentratorLab.create("daemon");
        clientNs = lab.clientNs();
        server = lab.accessConcentrator("ac").options("auth", "require-chap", "name jppp-ac", "ms-dns 10.99.0.53",
                "lcp-echo-interval 5", "lcp-echo-failure 3").pool("10.99.0.10-250")
                .args("-L", "10.99.0.1", "-N", "20", "-C", "jppp-ac", "-S", "internet", "--padi-rate", "100:100")
                .start().server();
    }

    @AfterAll
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private JsonNode request(String line) throws IOException {
        return control.request(line);
    }

    private JsonNode peer(JsonNode status, String name) {
        for (JsonNode p : status.path("peers")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Waits until {@code name} is UP with an address (at least {@code attempt}); returns its status. */
    private JsonNode awaitUp(String name, int attempt) throws Exception {
        long deadline = System.nanoTime() + UP.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode status = request("{\"cmd\":\"status\"}");
            last = status;
            JsonNode p = peer(status, name);
            if (p != null && p.path("state").asText().equals("UP") && !p.path("local").isNull()
                    && !p.path("interface").isNull() && p.path("attempt").asInt() >= attempt) {
                return p;
            }
            Thread.sleep(300);
        }
        fail(name + " not UP (attempt >= " + attempt + "): " + last + "\n" + daemon.log());
        return null;
    }

    private int closedSessions() {
        return server.count(CLOSED);
    }

    private void awaitClosed(int total) throws InterruptedException {
        assertEquals(total, server.awaitCount(CLOSED, total, Duration.ofSeconds(30)), server.log());
    }

    @Test
    void threePeersInOneDaemon_downUpRedialAndSigterm() throws Exception {
        Path etc = PppoeEtc.user(lab.root(), "client");
        run = Files.createDirectories(lab.root().resolve("run"));
        for (String name : PEERS) {
            Files.writeString(etc.resolve("peers/" + name), "plugin rp-pppoe.so\nnic-veth0\nuser alice\nnoauth\n"
                    + "rp_pppoe_service internet\nusepeerdns\npersist\nholdoff 1\nmaxfail 0\n");
        }
        Files.writeString(etc.resolve("jppp.conf"), "jppp.peers = [ provider1, provider2 ]\n");
        daemon = lab.own(PppdProcess.start(clientNs.prefix(List.of(Repo.jpppd().toString(), "--peer", "provider3")),
                etc, run));
        daemon.awaitLog("control socket " + run.resolve("jppp.sock"), Duration.ofSeconds(60));
        control = new Control(run.resolve("jppp.sock"));

        Set<String> interfaces = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (String name : PEERS) {
            JsonNode p = awaitUp(name, 1);
            interfaces.add(p.path("interface").asText());
            addresses.add(p.path("local").asText());
            assertEquals("10.99.0.1", p.path("remote").asText(), p.toString());
            assertEquals("10.99.0.53", p.path("dns").path(0).asText(), p.toString());
            assertEquals("NETWORK", p.path("phase").asText(), p.toString());
        }
        assertEquals(3, interfaces.size(), interfaces.toString());
        assertEquals(3, addresses.size(), addresses.toString());
        for (String ifname : interfaces) {
            // The AC's IPCP may open a moment after ours: the ping series starts once the link carries one.
            clientNs.awaitReachable("10.99.0.1", ifname, Duration.ofSeconds(30));
            String out = clientNs.exec("ping", "-n", "-c", "2", "-W", "2", "-i", "0.3", "-I", ifname, "10.99.0.1")
                    .output();
            assertTrue(out.contains("2 received"), ifname + ": " + out);
        }
        // The pings went out through the interface: the peer got them (tx) and answered (rx).
        JsonNode afterPing = peer(request("{\"cmd\":\"status\",\"peer\":\"provider1\"}"), "provider1");
        assertTrue(afterPing.path("tx_packets").asLong() >= 2, afterPing.toString());
        assertTrue(afterPing.path("rx_packets").asLong() >= 2, afterPing.toString());
        assertTrue(afterPing.path("uptime_s").isNumber(), afterPing.toString());

        String log = daemon.log();
        assertTrue(Pattern.compile("(?m)^provider1: Connect: ppp\\d+ <--> veth0$").matcher(log).find(), log);
        assertTrue(Pattern.compile("(?m)^provider2: local  IP address 10\\.99\\.0\\.\\d+$").matcher(log).find(), log);

        int closed = closedSessions();
        JsonNode down = request("{\"cmd\":\"down\",\"peer\":\"provider2\"}");
        assertTrue(down.path("ok").asBoolean(), down.toString());
        awaitClosed(closed + 1);
        server.awaitLog(": Received PADT", Duration.ofSeconds(30));
        JsonNode gone = request("{\"cmd\":\"status\",\"peer\":\"provider2\"}");
        assertEquals("no such peer: provider2", gone.path("error").asText(), gone.toString());
        JsonNode all = request("{\"cmd\":\"status\"}");
        assertEquals("UP", peer(all, "provider1").path("state").asText(), all.toString());
        assertEquals("UP", peer(all, "provider3").path("state").asText(), all.toString());
        assertEquals(2, all.path("peers").size(), all.toString());

        JsonNode up = request("{\"cmd\":\"up\",\"peer\":\"provider2\"}");
        assertTrue(up.path("ok").asBoolean(), up.toString());
        awaitUp("provider2", 1);

        int attemptBefore = peer(request("{\"cmd\":\"status\"}"), "provider1").path("attempt").asInt();
        JsonNode redial = request("{\"cmd\":\"redial\",\"peer\":\"provider1\"}");
        assertTrue(redial.path("ok").asBoolean(), redial.toString());
        JsonNode again = awaitUp("provider1", attemptBefore + 1);
        assertEquals(attemptBefore + 1, again.path("attempt").asInt(), again.toString());

        JsonNode bad = request("{\"cmd\":");
        assertFalse(bad.path("ok").asBoolean(), bad.toString());
        assertTrue(bad.path("error").asText().startsWith("bad request: "), bad.toString());

        int expectedClosed = closedSessions() + 3;
        daemon.terminate();
        assertEquals(5, daemon.awaitExit(Duration.ofSeconds(60)), daemon.log());
        awaitClosed(expectedClosed);
        assertFalse(Files.exists(run.resolve("jppp.sock")), "socket left behind");
        assertFalse(Files.exists(run.resolve("jpppd.pid")), "pid file left behind");
        String links = clientNs.exec("ip", "-o", "link", "show").output();
        assertFalse(Pattern.compile(": ppp\\d+[:@]").matcher(links).find(), links);
        assertNotEquals(-1, daemon.log().indexOf("Terminating on signal 15"), daemon.log());
    }
}
