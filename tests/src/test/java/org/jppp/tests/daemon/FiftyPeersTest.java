package org.jppp.tests.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;
import org.jppp.tests.serial.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 5's isolation proof: one {@code bin/jpppd} runs 50 PPPoE peers, 40 through access
 * concentrator A and 10 through access concentrator B (each in a namespace of its own, joined to
 * the client namespace by a veth pair). Killing B (SIGKILL: no PADT, the clients find out by LCP
 * echoes) must leave the 40 peers of A untouched: a ping running over three of them loses
 * nothing, and {@code pppctl status --json} shows each peer's true state throughout; with
 * {@code persist} the 10 come back once B runs again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiftyPeersTest {
    private static final int ON_A = 40;
    private static final int ON_B = 10;
    private static final Duration UP = Duration.ofSeconds(150);

    private NetNamespace clientNs;
    private NetNamespace acA;
    private NetNamespace acB;
    private Path root;
    private Path runDir;
    private Path etcB;
    private PppdProcess serverA;
    private PppdProcess serverB;
    private PppdProcess daemon;
    private Control control;

    @BeforeAll
    void start() throws Exception {
        root = Files.createTempDirectory("jppp-fifty");
        clientNs = NetNamespace.create();
        acA = NetNamespace.create();
        acB = NetNamespace.create();
        link(acA, "vetha");
        link(acB, "vethb");
        serverA = server(acA, "a", "vetha", "10.91.0");
        etcB = TempDirs.etc(root, "b");
        serverB = server(acB, "b", "vethb", "10.92.0");

        Path etc = TempDirs.etc(root, "client");
        TempDirs.secrets(etc, "alice", "*", "s3cret");
        Files.createDirectories(etc.resolve("peers"));
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= ON_A + ON_B; i++) {
            String name = "p" + i;
            names.add('"' + name + '"');
            Files.writeString(etc.resolve("peers/" + name), String.join("\n",
                    "plugin rp-pppoe.so", "nic-" + (i <= ON_A ? "vetha" : "vethb"), "user alice", "noauth",
                    "persist", "holdoff 1", "maxfail 0", "lcp-echo-interval 1", "lcp-echo-failure 3",
                    "linkname " + name, "") );
        }
        Files.writeString(etc.resolve("jppp.conf"), "jppp.peers = [" + String.join(", ", names) + "]\n");
        runDir = Files.createDirectories(root.resolve("run"));
        daemon = PppdProcess.start(clientNs.prefix(List.of(Repo.root().resolve("bin/jpppd").toString())), etc, runDir);
        control = new Control(runDir.resolve("jppp.sock"));
    }

    private void link(NetNamespace ac, String ifname) {
        ac.exec("ip", "link", "add", ifname, "type", "veth", "peer", "name", ifname, "netns", clientNs.name())
                .requireSuccess();
        ac.exec("ip", "link", "set", ifname, "up").requireSuccess();
        clientNs.exec("ip", "link", "set", ifname, "up").requireSuccess();
    }

    private PppdProcess server(NetNamespace ns, String name, String ifname, String net) throws Exception {
        Path etc = TempDirs.etc(root, name);
        TempDirs.secrets(etc, "alice", "*", "s3cret");
        Files.writeString(etc.resolve("pppoe-server-options"), "lcp-echo-interval 1\nlcp-echo-failure 3\n");
        Path pool = etc.resolve("pool");
        Files.writeString(pool, net + ".10-250\n");
        PppdProcess server = PppdProcess.start(ns.prefix(List.of(Repo.pppoeServer().toString(), "-F", "-I", ifname,
                "-L", net + ".1", "-p", pool.toString(), "-N", "100", "-C", "ac-" + name,
                "--padi-rate", "500:500")), etc, etc);
        server.awaitLog("pppoe-server: serving [" + ifname + "]", Duration.ofSeconds(30));
        return server;
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (daemon != null) {
                daemon.close();
            }
            for (PppdProcess s : new PppdProcess[] {serverA, serverB}) {
                if (s != null) {
                    s.close();
                }
            }
        } finally {
            for (NetNamespace ns : new NetNamespace[] {clientNs, acA, acB}) {
                if (ns != null) {
                    ns.close();
                }
            }
            TempDirs.delete(root);
        }
    }

    /** Peer name to its status object. */
    private Map<String, JsonNode> status() throws Exception {
        Map<String, JsonNode> peers = new TreeMap<>();
        for (JsonNode peer : control.request("{\"cmd\":\"status\"}").get("peers")) {
            peers.put(peer.get("name").asText(), peer);
        }
        return peers;
    }

    private static boolean up(JsonNode peer) {
        return peer != null && peer.get("state").asText().equals("UP") && !peer.get("local").isNull();
    }

    private Map<String, JsonNode> awaitUp(int from, int to, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, JsonNode> peers = status();
            boolean all = true;
            for (int i = from; i <= to; i++) {
                all &= up(peers.get("p" + i));
            }
            if (all) {
                return peers;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("peers p" + from + "..p" + to + " not all up: " + peers + "\n" + daemon.log());
            }
            Thread.sleep(500);
        }
    }

    private static int received(String pingOutput) {
        Matcher m = Pattern.compile("(\\d+) packets transmitted, (\\d+) received").matcher(pingOutput);
        assertTrue(m.find(), pingOutput);
        return Integer.parseInt(m.group(2));
    }

    @Test
    void killingOneAccessConcentratorLeavesTheOtherPeersUntouched() throws Exception {
        control.awaitSocket(Duration.ofSeconds(60), daemon);
        Map<String, JsonNode> peers = awaitUp(1, ON_A + ON_B, UP);
        assertEquals(ON_A + ON_B, peers.size(), peers.toString());
        assertEquals(ON_A + ON_B, peers.values().stream().map(p -> p.get("interface").asText()).distinct().count(),
                "every peer has its own interface: " + peers);

        // Three pings over peers of A, running while B is killed: 60 packets each, none may be lost.
        List<CompletableFuture<String>> pings = new ArrayList<>();
        for (String name : List.of("p1", "p20", "p40")) {
            String ifname = peers.get(name).get("interface").asText();
            pings.add(CompletableFuture.supplyAsync(() -> clientNs.exec("ping", "-n", "-c", "60", "-i", "0.2",
                    "-W", "2", "-I", ifname, "10.91.0.1").output()));
        }
        Thread.sleep(2000);
        serverB.close();
        // LCP echoes every second, three missed: the peers of B notice within a few seconds.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, JsonNode> during;
        do {
            Thread.sleep(500);
            during = status();
        } while (countUp(during, ON_A + 1, ON_A + ON_B) > 0 && System.nanoTime() < deadline);
        assertEquals(0, countUp(during, ON_A + 1, ON_A + ON_B), "B's peers are down: " + during);
        assertEquals(ON_A, countUp(during, 1, ON_A), "A's peers are all still up: " + during);
        for (int i = ON_A + 1; i <= ON_A + ON_B; i++) {
            String state = during.get("p" + i).get("state").asText();
            assertTrue(List.of("DIALING", "HOLDOFF").contains(state), "p" + i + " redials (persist): " + state);
        }
        for (CompletableFuture<String> ping : pings) {
            assertEquals(60, received(ping.get()), "no packet lost over A's peers while B died");
        }
        for (int i = 1; i <= ON_A; i++) {
            assertEquals(1, status().get("p" + i).get("attempt").asInt(), "p" + i + " never redialled");
        }

        // B back: its peers redial and come up again, A's are still on their first attempt.
        serverB = server(acB, "b2", "vethb", "10.92.0");
        Map<String, JsonNode> after = awaitUp(ON_A + 1, ON_A + ON_B, Duration.ofSeconds(90));
        for (int i = ON_A + 1; i <= ON_A + ON_B; i++) {
            assertTrue(after.get("p" + i).get("attempt").asInt() > 1, "p" + i + " redialled");
        }
        assertEquals(0, clientNs.ping("10.92.0.1", 1) == 1 ? 0 : 1, "B reachable again");
    }

    private static int countUp(Map<String, JsonNode> peers, int from, int to) {
        int n = 0;
        for (int i = from; i <= to; i++) {
            n += up(peers.get("p" + i)) ? 1 : 0;
        }
        return n;
    }
}
