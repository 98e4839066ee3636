package org.jppp.tests.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * Issue 4's "ours vs ours" proof: one {@code bin/jpppd} with 100 PPPoE sessions to our
 * {@code bin/pppoe-server} in another namespace. The peers are as a pppd user writes many of
 * them: {@code peers/dslN} holds only {@code file /etc/ppp/pppoe-dsl} (the options they share) and
 * its {@code linkname}. All 100 are started with {@code up} on the control socket, come up, and
 * answer a ping through their own interface; {@code down} closes 50 of them with PADTs and their
 * interfaces go; SIGTERM closes the rest (exit 5) and leaves no session on the access
 * concentrator and no {@code ppp} interface on either side. The daemon's thread count is read at
 * 0, 100 and 50 sessions up: many sessions must not mean many threads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HundredSessionsTest {
    private static final int SESSIONS = 100;
    private static final int DOWNED = 50;
    private static final Duration UP = Duration.ofSeconds(120);
    /**
     * Threads the daemon may add between one session and 100 once the transient ones (a dial's,
     * a hook's, a close's) are gone: Pekko's dispatcher growing towards its parallelism under the
     * load of 99 dials, the JIT's and the process reaper's. A thread per session would be 99.
     */
    private static final int SHARED_THREADS = 20;
    private static final Pattern CLOSED = Pattern.compile("Session \\d+ closed for client ");
    private static final Pattern CLOSED_BY_PADT = Pattern.compile("Session \\d+ closed for client \\S+: Received PADT");
    private static final Pattern IDLE = Pattern.compile("pppoe-server: no sessions in use");

    private AccessConcentratorLab lab;
    private NetNamespace acNs;
    private NetNamespace clientNs;
    private PppdProcess server;
    private PppdProcess daemon;

    @BeforeAll
    void start() throws Exception {
        lab = AccessConcentratorLab.create("hundred");
        clientNs = lab.clientNs();
        // Every session comes from the one MAC of the client's veth: the per-MAC PADI limit is lifted.
        // No unit cache: every ended session's interface is deleted at once, so that none is left
        // while the AC runs (the cache is UnitCacheReuseTest's).
        AccessConcentrator ac = lab.accessConcentrator("ac").options("auth", "require-chap", "name jppp-ac",
                "lcp-echo-interval 10", "lcp-echo-failure 3").pool("10.98.0.10-250")
                .args("-L", "10.98.0.1", "-N", Integer.toString(SESSIONS), "-C", "jppp-ac", "-S", "internet",
                        "--padi-rate", "500:500", "--unit-cache", "0").start();
        acNs = ac.ns();
        server = ac.server();
    }

    @AfterAll
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void hundredSessions_upPingedHalfDownedThenSigterm_nothingLeftBehind() throws Exception {
        Path etc = PppoeEtc.user(lab.root(), "client");
        Path run = Files.createDirectories(lab.root().resolve("run"));
        Path common = etc.resolve("pppoe-dsl");
        Files.writeString(common, "plugin rp-pppoe.so\nnic-veth0\nuser alice\nnoauth\nrp_pppoe_service internet\n"
                + "lcp-echo-interval 10\nlcp-echo-failure 3\n");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= SESSIONS; i++) {
            names.add("dsl" + i);
            Files.writeString(etc.resolve("peers/dsl" + i), "file " + common + "\nlinkname dsl" + i + "\n");
        }
        daemon = lab.own(PppdProcess.start(clientNs.prefix(List.of(Repo.jpppd().toString())), etc, run));
        Control control = new Control(run.resolve("jppp.sock"));
        control.awaitSocket(Duration.ofSeconds(60), daemon);
        int threadsIdle = threads();

        // One session first: what every session shares (the PPPoE line of veth0 and its actor
        // system, the dispatchers' first threads) then exists, and the threads counted from
        // here on are those that more sessions add.
        assertTrue(control.request(Control.command("up", names.get(0))).path("ok").asBoolean());
        awaitUp(control, 1);
        int threadsOneUp = awaitThreadsAtMost(Integer.MAX_VALUE, "with one session up");
        long startedAt = System.nanoTime();
        List<JsonNode> started = control.requests(names.subList(1, SESSIONS).stream()
                .map(n -> Control.command("up", n)).toList());
        for (JsonNode reply : started) {
            assertTrue(reply.path("ok").asBoolean(), reply.toString());
        }
        Map<String, JsonNode> peers = awaitUp(control, SESSIONS);
        long upSeconds = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
        Set<String> interfaces = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (JsonNode p : peers.values()) {
            interfaces.add(p.path("interface").asText());
            addresses.add(p.path("local").asText());
            assertEquals("10.98.0.1", p.path("remote").asText(), p.toString());
            assertEquals(1, p.path("attempt").asInt(), p.toString());
        }
        assertEquals(SESSIONS, interfaces.size(), interfaces.toString());
        assertEquals(SESSIONS, addresses.size(), addresses.toString());
        assertEquals(SESSIONS, server.count(Pattern.compile("CHAP peer authentication succeeded for alice")),
                server.log());

        // Each session answers a ping through its own interface (all at once, one ping each), once
        // the AC's end of each has logged its addresses too: the AC's IPCP may open a moment
        // after the client's (when the last Configure-Ack is the client's), and until its
        // interface passes datagrams the ping would be lost.
        awaitAcEnds(addresses);
        Map<String, Boolean> answered = pingThrough(interfaces);
        assertEquals(Set.of(true), Set.copyOf(answered.values()), "pings through every interface: " + answered);
        for (JsonNode p : Control.byName(control.request("{\"cmd\":\"status\"}")).values()) {
            assertTrue(p.path("tx_packets").asLong() >= 1 && p.path("rx_packets").asLong() >= 1,
                    "the ping crossed " + p.path("name").asText() + ": " + p);
        }

        int threadsAllUp = awaitThreadsAtMost(threadsOneUp + SHARED_THREADS, "with " + SESSIONS + " sessions up");

        // down for half of them: Terminate-Request and PADT each, the interface goes, the rest stay up.
        int closedBefore = server.count(CLOSED);
        int padtsBefore = server.count(CLOSED_BY_PADT);
        List<String> downed = names.subList(SESSIONS - DOWNED, SESSIONS);
        Set<String> downedInterfaces = downed.stream().map(n -> peers.get(n).path("interface").asText())
                .collect(Collectors.toSet());
        for (JsonNode reply : control.requests(downed.stream().map(n -> Control.command("down", n)).toList())) {
            assertTrue(reply.path("ok").asBoolean(), reply.toString());
        }
        awaitCount(CLOSED, closedBefore + DOWNED);
        assertEquals(padtsBefore + DOWNED, server.count(CLOSED_BY_PADT), server.log());
        Map<String, JsonNode> half = control.status();
        assertEquals(names.subList(0, SESSIONS - DOWNED), List.copyOf(half.keySet()), half.toString());
        assertTrue(half.values().stream().allMatch(Control::isUp), half.toString());
        String links = awaitLinksWithout(downedInterfaces);
        for (String ifname : interfaces) {
            assertEquals(!downedInterfaces.contains(ifname), links.contains(": " + ifname + ":"), ifname + ": " + links);
        }
        int threadsHalf = awaitThreadsAtMost(threadsAllUp, "after " + DOWNED + " sessions went down");

        // SIGTERM: the other 50 close with PADTs, exit 5, nothing left on either side.
        daemon.terminate();
        assertEquals(5, daemon.awaitExit(Duration.ofSeconds(60)), daemon.log());
        awaitCount(CLOSED, closedBefore + SESSIONS);
        assertEquals(padtsBefore + SESSIONS, server.count(CLOSED_BY_PADT), server.log());
        clientNs.awaitNoPppLinks(Duration.ofSeconds(60));
        acNs.awaitNoPppLinks(Duration.ofSeconds(60));
        String last = server.log().lines().filter(l -> IDLE.matcher(l).find() || l.contains("created for client"))
                .reduce((a, b) -> b).orElse("");
        assertTrue(IDLE.matcher(last).find(), "the access concentrator holds no session: " + server.log());
        assertFalse(Files.exists(run.resolve("jppp.sock")), "socket left behind");
        System.out.printf("HundredSessionsTest: %d up %d s after the 2nd to 100th were started; threads: %d idle, %d with 1 up, %d with %d up,"
                + " %d with %d up%n", SESSIONS, upSeconds, threadsIdle, threadsOneUp, threadsAllUp, SESSIONS,
                threadsHalf, SESSIONS - DOWNED);
    }

    /** Waits until the daemon has {@code n} peers, all up. */
    private Map<String, JsonNode> awaitUp(Control control, int n) throws Exception {
        long deadline = System.nanoTime() + UP.toNanos();
        Map<String, JsonNode> peers = control.status();
        while (peers.size() != n || !peers.values().stream().allMatch(Control::isUp)) {
            if (System.nanoTime() > deadline) {
                List<String> down = peers.values().stream().filter(p -> !Control.isUp(p))
                        .map(p -> p.path("name").asText()).toList();
                String theirLines = daemon.log().lines().filter(l -> down.stream().anyMatch(d -> l.startsWith(d + ": ")))
                        .collect(Collectors.joining("\n"));
                throw new AssertionError((peers.size() - down.size()) + " of " + n + " up within " + UP
                        + "; not up: " + down.stream().map(peers::get).toList() + "\ntheir lines:\n" + theirLines
                        + "\naccess concentrator:\n" + server.log());
            }
            Thread.sleep(500);
            peers = control.status();
        }
        return peers;
    }

    /** Waits until the AC has logged "remote IP address A" for each client address A. */
    private void awaitAcEnds(Set<String> addresses) throws InterruptedException {
        long deadline = System.nanoTime() + UP.toNanos();
        Set<String> missing = new HashSet<>(addresses);
        while (true) {
            Matcher m = Pattern.compile("remote IP address (\\S+)").matcher(server.log());
            while (m.find()) {
                missing.remove(m.group(1));
            }
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the AC's end of " + missing + " not up within " + UP + ":\n" + server.log());
            }
            Thread.sleep(250);
        }
    }

    /** One ping from each interface's own address to the AC, all in parallel: interface to whether it was answered. */
    private Map<String, Boolean> pingThrough(Set<String> interfaces) {
        String script = interfaces.stream().sorted()
                .map(i -> "(ping -n -q -c 1 -W 5 -I " + i + " 10.98.0.1 >/dev/null 2>&1 && echo ok " + i
                        + " || echo lost " + i + ") &")
                .collect(Collectors.joining("\n", "", "\nwait\n"));
        String out = clientNs.exec("bash", "-c", script).output();
        Map<String, Boolean> answered = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^(ok|lost) (ppp\\d+)$").matcher(out);
        while (m.find()) {
            answered.put(m.group(2), m.group(1).equals("ok"));
        }
        assertEquals(interfaces, answered.keySet(), out);
        return answered;
    }

    /** The daemon JVM's threads ({@code ip netns exec} and bin/jpppd exec'd into java). */
    private int threads() throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(daemon.pid()), "task"))) {
            return (int) tasks.count();
        }
    }

    /** Their names, numbers folded, with how many of each: what to look at when a bound fails. */
    private String threadNames() throws IOException {
        Map<String, Integer> names = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(daemon.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.merge(Files.readString(task.resolve("comm")).trim().replaceAll("\\d+$", "#"), 1,
                            Integer::sum);
                } catch (IOException e) {
                    // The thread ended meanwhile.
                }
            }
        }
        return names.toString();
    }

    /**
     * Waits for the thread count to settle (unchanged for 6 s) at or under {@code bound}: the
     * transient threads of dials, hooks and closes end after 5 to 10 idle seconds. Returns it.
     */
    private int awaitThreadsAtMost(int bound, String when) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        int n = threads();
        int stableFor = 0;
        while (n > bound || stableFor < 6) {
            if (System.nanoTime() > deadline) {
                if (n <= bound) {
                    return n;
                }
                throw new AssertionError(n + " threads " + when + " (at most " + bound + " expected): "
                        + threadNames());
            }
            Thread.sleep(1000);
            int now = threads();
            stableFor = now == n ? stableFor + 1 : 0;
            n = now;
        }
        return n;
    }

    private void awaitCount(Pattern pattern, int total) throws InterruptedException {
        assertEquals(total, server.awaitCount(pattern, total, Duration.ofSeconds(60)), server.log());
    }

    private String awaitLinksWithout(Set<String> gone) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            String links = clientNs.exec("ip", "-o", "link", "show").output();
            if (gone.stream().noneMatch(i -> links.contains(": " + i + ":")) || System.nanoTime() > deadline) {
                return links;
            }
            Thread.sleep(250);
        }
    }
}
