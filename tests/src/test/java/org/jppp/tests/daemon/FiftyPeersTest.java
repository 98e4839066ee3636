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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jppp.tests.lab.AccessConcentratorLab;
import org.jppp.tests.lab.AccessConcentratorLab.AccessConcentrator;
import org.jppp.tests.pppoe.PppoeEtc;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 5's isolation proof: one {@code bin/jpppd} runs 50 PPPoE peers, {@code p1..p40} through
 * access concentrator A and {@code p41..p50} through access concentrator B, each AC our
 * {@code bin/pppoe-server} in a namespace of its own joined to the client's by a veth pair. B is
 * killed (SIGKILL: no PADT; the clients find out by their LCP echoes): a ping running over three
 * of A's peers loses nothing, and every status read while it runs, {@code pppctl status --json}
 * among them, shows A's 40 up on their first attempt and B's 10 leaving UP for DIALING or
 * HOLDOFF. With {@code persist} B's peers come back once B runs again, and carry a ping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiftyPeersTest {
    private static final int ON_A = 40;
    private static final int ON_B = 10;
    private static final int ALL = ON_A + ON_B;
    private static final Duration UP = Duration.ofSeconds(120);
    /** Three echoes a second apart unanswered, plus the time to log it and hang up. */
    private static final Duration NOTICED = Duration.ofSeconds(15);
    private static final Set<String> REDIALLING = Set.of("DIALING", "HOLDOFF");
    /**
     * 0.2 s apart: they run for 20 s, longer than the 2 s before B is killed plus {@link #NOTICED},
     * so that B's peers leave UP while they run however long, within that bound, it takes.
     */
    private static final int PINGS = 100;

    private AccessConcentratorLab lab;
    private NetNamespace clientNs;
    private AccessConcentrator acB;
    private PppdProcess daemon;
    private Control control;

    @BeforeAll
    void start() throws Exception {
        lab = AccessConcentratorLab.create("fifty");
        clientNs = lab.clientNs();
        accessConcentrator(lab.accessConcentrator("ac-a").link("vetha"), "ac-a", "10.91.0");
        acB = accessConcentrator(lab.accessConcentrator("ac-b").link("vethb"), "ac-b", "10.92.0");

        Path etc = PppoeEtc.user(lab.root(), "client");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= ALL; i++) {
            names.add('"' + name(i) + '"');
            // A dead AC is found by LCP echoes within seconds; discovery gives up after 1+2 s
            // so a redialling peer tries again soon after its AC is back.
            Files.writeString(etc.resolve("peers/" + name(i)), String.join("\n", "plugin rp-pppoe.so",
                    "nic-" + (i <= ON_A ? "vetha" : "vethb"), "user alice", "noauth", "persist", "holdoff 1",
                    "maxfail 0", "lcp-echo-interval 1", "lcp-echo-failure 3", "pppoe-padi-timeout 1",
                    "pppoe-padi-attempts 2", ""));
        }
        Files.writeString(etc.resolve("jppp.conf"), "jppp.peers = [" + String.join(", ", names) + "]\n");
        Path run = Files.createDirectories(lab.root().resolve("run"));
        daemon = lab.own(PppdProcess.start(clientNs.prefix(List.of(Repo.jpppd().toString())), etc, run));
        control = new Control(run.resolve("jppp.sock"));
    }

    private static String name(int i) {
        return "p" + i;
    }

    /** {@code ac} handing out {@code net.10-250}, itself {@code net.1}, named {@code name}. */
    private static AccessConcentrator accessConcentrator(AccessConcentratorLab.Builder ac, String name, String net)
            throws Exception {
        // Every session comes from the one MAC of the client's veth: the per-MAC PADI limit is lifted.
        return ac.options("lcp-echo-interval 10", "lcp-echo-failure 3").pool(net + ".10-250")
                .args("-L", net + ".1", "-N", "60", "-C", name, "--padi-rate", "500:500").start();
    }

    @AfterAll
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void killingOneAccessConcentratorLeavesTheOtherPeersUntouched() throws Exception {
        control.awaitSocket(Duration.ofSeconds(60), daemon);
        awaitUp(1, ALL, 1);
        // The user's view of the same: pppctl, as a user runs it.
        Map<String, JsonNode> peers = control.pppctlStatus();
        assertEquals(ALL, peers.size(), peers.toString());
        assertEquals(ALL, upCount(peers, 1, ALL), peers.toString());
        assertEquals(ALL, peers.values().stream().map(p -> p.path("interface").asText()).distinct().count(),
                "every peer has its own interface: " + peers);
        for (int i = 1; i <= ALL; i++) {
            String net = i <= ON_A ? "10.91.0." : "10.92.0.";
            assertTrue(peers.get(name(i)).path("local").asText().startsWith(net), peers.get(name(i)).toString());
        }

        // Three pings over peers of A, running while B is killed: none may be lost (once each
        // link carries a ping at all: A's end of the last peers may have opened IPCP just now).
        for (int i : List.of(1, 20, ON_A)) {
            clientNs.awaitReachable("10.91.0.1", peers.get(name(i)).path("interface").asText(), Duration.ofSeconds(30));
        }
        List<CompletableFuture<String>> pings = new ArrayList<>();
        for (int i : List.of(1, 20, ON_A)) {
            String ifname = peers.get(name(i)).path("interface").asText();
            pings.add(CompletableFuture.supplyAsync(() -> clientNs.exec("ping", "-n", "-c", Integer.toString(PINGS),
                    "-i", "0.2", "-W", "2", "-I", ifname, "10.91.0.1").output()));
        }
        Thread.sleep(2000);
        acB.kill();
        long killedAt = System.nanoTime();

        // Every status read while the pings run: A's 40 up on attempt 1; B's 10 leave UP.
        Set<String> seenOfB = new TreeSet<>();
        boolean pppctlRead = false;
        long noticedAt = 0;
        while (!pings.stream().allMatch(CompletableFuture::isDone)) {
            boolean bDown = noticedAt != 0;
            Map<String, JsonNode> now = bDown && !pppctlRead ? control.pppctlStatus() : control.status();
            pppctlRead |= bDown;
            assertAOnFirstAttempt(now);
            for (int i = ON_A + 1; i <= ALL; i++) {
                seenOfB.add(now.get(name(i)).path("state").asText());
            }
            if (noticedAt == 0 && upCount(now, ON_A + 1, ALL) == 0) {
                noticedAt = System.nanoTime();
                for (int i = ON_A + 1; i <= ALL; i++) {
                    JsonNode p = now.get(name(i));
                    assertTrue(REDIALLING.contains(p.path("state").asText()), "persist redials: " + p);
                    assertTrue(p.path("interface").isNull() && p.path("local").isNull(), p.toString());
                }
            }
            Thread.sleep(300);
        }
        assertTrue(pppctlRead, "B's peers did not all leave UP while the pings ran: " + seenOfB);
        Duration noticed = Duration.ofNanos(noticedAt - killedAt);
        assertTrue(noticed.compareTo(NOTICED) < 0, "B's death noticed after " + noticed);
        for (CompletableFuture<String> ping : pings) {
            assertEquals(PINGS, received(ping.get()), "no packet lost over A's peers while B died: " + ping.get());
        }
        String log = daemon.log();
        assertTrue(Pattern.compile("(?m)^p4[1-9]: No response to 3 echo-requests$").matcher(log).find(), log);
        assertTrue(IntStream.rangeClosed(1, ON_A).noneMatch(i -> log.contains(name(i) + ": No response to")), log);

        // B back: its peers redial and come up again; A's are still on their first attempt.
        acB = accessConcentrator(lab.accessConcentrator("ac-b-again").in(acB), "ac-b-again", "10.92.0");
        Map<String, JsonNode> after = awaitUp(ON_A + 1, ALL, 2);
        assertAOnFirstAttempt(after);
        String viaB = after.get(name(ON_A + 1)).path("interface").asText();
        clientNs.awaitReachable("10.92.0.1", viaB, Duration.ofSeconds(30));
        String out = clientNs.exec("ping", "-n", "-c", "3", "-i", "0.3", "-W", "2", "-I", viaB, "10.92.0.1").output();
        assertEquals(3, received(out), viaB + ": " + out);
        System.out.printf("FiftyPeersTest: B's death noticed after %d ms; B's peers were seen %s%n",
                noticed.toMillis(), seenOfB);
    }

    private static void assertAOnFirstAttempt(Map<String, JsonNode> peers) {
        for (int i = 1; i <= ON_A; i++) {
            JsonNode p = peers.get(name(i));
            assertTrue(Control.isUp(p) && p.path("attempt").asInt() == 1, "A's peer untouched: " + p);
        }
    }

    /** Waits until peers {@code from..to} are all up, on attempt {@code attempt} or later. */
    private Map<String, JsonNode> awaitUp(int from, int to, int attempt) throws Exception {
        long deadline = System.nanoTime() + UP.toNanos();
        while (true) {
            Map<String, JsonNode> peers = control.status();
            List<JsonNode> notUp = IntStream.rangeClosed(from, to).mapToObj(i -> peers.get(name(i)))
                    .filter(p -> !Control.isUp(p) || p.path("attempt").asInt() < attempt).toList();
            if (notUp.isEmpty()) {
                return peers;
            }
            if (System.nanoTime() > deadline) {
                Set<String> names = notUp.stream().map(p -> p.path("name").asText()).collect(Collectors.toSet());
                String theirLines = daemon.log().lines()
                        .filter(l -> names.stream().anyMatch(n -> l.startsWith(n + ": ")))
                        .collect(Collectors.joining("\n"));
                throw new AssertionError("not up within " + UP + ": " + notUp + "\ntheir lines:\n" + theirLines);
            }
            Thread.sleep(500);
        }
    }

    private static int upCount(Map<String, JsonNode> peers, int from, int to) {
        return (int) IntStream.rangeClosed(from, to).filter(i -> Control.isUp(peers.get(name(i)))).count();
    }

    private static int received(String pingOutput) {
        Matcher m = Pattern.compile("(\\d+) packets transmitted, (\\d+) received").matcher(pingOutput);
        assertTrue(m.find(), pingOutput);
        return Integer.parseInt(m.group(2));
    }
}
