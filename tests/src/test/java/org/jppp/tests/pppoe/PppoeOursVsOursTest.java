package org.jppp.tests.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jppp.tests.lab.AccessConcentratorLab;
import org.jppp.tests.lab.AccessConcentratorLab.AccessConcentrator;
import org.jppp.tests.serial.Await;
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
 * jppp against jppp: {@code bin/pppoe-server} in one namespace, {@code bin/pppd} clients in
 * another, joined by a veth pair created directly inside the two namespaces (nothing in the host's
 * own). The server hands out addresses from a {@code -p} pool file and authenticates with CHAP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PppoeOursVsOursTest {
    private static final Duration UP = Duration.ofSeconds(90);
    private static final int MANY = 20;
    private static final Pattern CLOSED = Pattern.compile("Session \\d+ closed for client ");
    private static final Pattern RECEIVED_PADT = Pattern.compile(": Received PADT");

    private AccessConcentratorLab lab;
    private NetNamespace acNs;
    private NetNamespace clientNs;
    private PppdProcess server;

    @BeforeAll
    void start() throws Exception {
        lab = AccessConcentratorLab.create("pppoe-ours");
        clientNs = lab.clientNs();
        // RFC 4638: veth1 carries 1508-octet payloads at both ends; veth2 only at the client's,
        // so the AC there cannot grant more than 1492.
        AccessConcentrator ac = lab.accessConcentrator("ac").link("veth0").link("veth1", 1508, 1508)
                .link("veth2", 1500, 1508)
                .options("auth", "require-chap", "name jppp-ac", "ms-dns 10.99.0.53", "lcp-echo-interval 5",
                        "lcp-echo-failure 3")
                .pool("# the clients' addresses", "10.99.0.10-250")
                // All clients share one MAC address: the PADI rate limit is lifted for them.
                .args("-L", "10.99.0.1", "-N", "200", "-C", "jppp-ac", "-S", "internet", "--padi-rate", "500:500")
                .start();
        acNs = ac.ns();
        server = ac.server();
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

    private PppdProcess dial(String name, String... extra) throws Exception {
        return dialOn("veth0", name, extra);
    }

    private PppdProcess dialOn(String ifname, String name, String... extra) throws Exception {
        return lab.dial(ifname, name, extra);
    }

    /**
     * Waits until the server has closed this many sessions in all. A session ends on the server
     * either by the client's PADT or, when the client's Terminate-Request came first, by the
     * server's own PPP finishing (its PADT then crosses the client's, which is then for a session
     * the server has already freed).
     */
    private void awaitClosed(int total) throws InterruptedException {
        assertEquals(total, server.awaitCount(CLOSED, total, Duration.ofSeconds(30)), server.log());
    }

    private static int count(String text, Pattern pattern) {
        return Logs.count(text, pattern);
    }

    /**
     * Waits until the AC's end of the session that gave the client {@code address} has logged
     * it (past {@code mark}, the length of the AC's log before the test dialed): the AC's IPCP
     * may open a moment after the client's (the last Configure-Ack is the client's), and a ping
     * sent before its interface passes datagrams would be lost.
     */
    private void awaitAcUp(int mark, String address) throws InterruptedException {
        Pattern line = Pattern.compile("remote IP address " + Pattern.quote(address) + "\\b");
        assertTrue(Await.until(() -> line.matcher(server.log().substring(mark)).find(), UP),
                "the AC's end of " + address + " is not up:\n" + server.log());
    }

    @Test
    @Order(1)
    void oneSessionGetsThePoolsFirstAddressAndSigtermSendsPadt() throws Exception {
        int mark = server.log().length();
        PppdProcess pppd = dial("one");
        pppd.awaitLog("remote IP address 10.99.0.1", UP);
        String log = pppd.log();
        assertTrue(log.contains("local  IP address 10.99.0.10"), log);
        assertTrue(log.contains("CHAP authentication succeeded"), log);
        assertTrue(log.contains("Connect: ppp0 <--> veth0"), log);
        awaitAcUp(mark, "10.99.0.10");
        assertEquals(3, clientNs.ping("10.99.0.1", 3));
        server.awaitLog("CHAP peer authentication succeeded for alice", Duration.ofSeconds(20));

        pppd.terminate();
        assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        server.awaitLog(": Received PADT", Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void twentyClientDaemonsShareTheServer() throws Exception {
        int closedBefore = count(server.log(), CLOSED);
        int mark = server.log().length();
        List<PppdProcess> clients = new ArrayList<>();
        for (int unit = 1; unit <= MANY; unit++) {
            clients.add(dial("many-" + unit, "unit", Integer.toString(unit)));
            // Twenty JVMs starting at once on two cores would starve each other's LCP timers.
            Thread.sleep(700);
        }
        Set<String> addresses = new HashSet<>();
        Pattern local = Pattern.compile("local  IP address (10\\.99\\.0\\.\\d+)");
        for (PppdProcess pppd : clients) {
            pppd.awaitLog("remote IP address 10.99.0.1", UP, server);
            Matcher m = local.matcher(pppd.log());
            assertTrue(m.find(), pppd.log());
            addresses.add(m.group(1));
        }
        assertEquals(MANY, addresses.size(), addresses.toString());
        for (String address : addresses) {
            awaitAcUp(mark, address);
            assertEquals(1, acNs.ping(address, 1), "ping " + address);
        }
        for (PppdProcess pppd : clients) {
            pppd.terminate();
        }
        for (PppdProcess pppd : clients) {
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(30)), pppd.log());
        }
        awaitClosed(closedBefore + MANY);
    }

    @Test
    @Order(4)
    void clampMssLowersTheMssOfSynsCrossingTheLink() throws Exception {
        int mark = server.log().length();
        PppdProcess pppd = dial("clamp", "clamp-mss", "1400");
        pppd.awaitLog("remote IP address 10.99.0.1", UP);
        Matcher address = Pattern.compile("local  IP address (10\\.99\\.0\\.\\d+)").matcher(pppd.log());
        assertTrue(address.find(), pppd.log());
        awaitAcUp(mark, address.group(1));
        // Capture the SYNs arriving at the server's side of the link, once tcpdump says it listens
        // (it prints that on stderr, merged here, when its capture is open).
        Process capture = new ProcessBuilder(acNs.prefix(List.of("timeout", "60", "tcpdump", "-l", "-n", "-i", "any",
                "-c", "1", "tcp[tcpflags] & tcp-syn != 0"))).redirectErrorStream(true).start();
        StringBuilder captured = new StringBuilder();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                capture.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                captured.append(line).append('\n');
                if (line.startsWith("listening on")) {
                    break;
                }
            }
            // Connection attempts from the client's namespace (each retransmits its SYN) until
            // tcpdump has one and exits; the kernel offers MSS 1452 (MTU 1492).
            for (int i = 0; i < 10 && capture.isAlive(); i++) {
                clientNs.exec("timeout", "3", "bash", "-c", "echo > /dev/tcp/10.99.0.1/9");
            }
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                captured.append(line).append('\n');
            }
        }
        capture.waitFor();
        assertTrue(captured.toString().contains("mss 1400"), captured.toString());
        pppd.terminate();
        assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
    }

    @Test
    @Order(5)
    void sigintSendsPadt_andExitsWithStatusFive() throws Exception {
        PppdProcess pppd = dial("sigint");
        pppd.awaitLog("remote IP address 10.99.0.1", UP);
        int padts = count(server.log(), RECEIVED_PADT);
        pppd.signal("INT");
        assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        assertTrue(pppd.log().contains("Terminating on signal 2"), pppd.log());
        Await.until(() -> count(server.log(), RECEIVED_PADT) > padts, Duration.ofSeconds(30));
        assertEquals(padts + 1, count(server.log(), RECEIVED_PADT), server.log());
    }

    @Test
    @Order(6)
    void twoSessionsOnOneNic_eachWithItsOwnSourceMac() throws Exception {
        int mark = server.log().length();
        PppdProcess first = dial("src-mac-1", "unit", "50", "pppoe-src-mac", "02:00:00:00:aa:01");
        PppdProcess second = dial("src-mac-2", "unit", "51", "pppoe-src-mac", "02:00:00:00:aa:02");
        Set<String> addresses = new HashSet<>();
        for (PppdProcess pppd : List.of(first, second)) {
            pppd.awaitLog("remote IP address 10.99.0.1", UP);
            Matcher m = Pattern.compile("local  IP address (10\\.99\\.0\\.\\d+)").matcher(pppd.log());
            assertTrue(m.find(), pppd.log());
            addresses.add(m.group(1));
        }
        // The AC saw two hosts: pppoe-server hands its pppd the host's MAC as the calling number.
        server.awaitLog("peer from calling number 02:00:00:00:AA:01 authorized", Duration.ofSeconds(30));
        server.awaitLog("peer from calling number 02:00:00:00:AA:02 authorized", Duration.ofSeconds(30));
        assertEquals(2, addresses.size(), addresses.toString());
        for (String address : addresses) {
            awaitAcUp(mark, address);
            assertEquals(2, acNs.ping(address, 2), "ping " + address);
        }
        assertEquals(2, clientNs.ping("10.99.0.1", 2));
        for (PppdProcess pppd : List.of(first, second)) {
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        }
    }

    @Test
    @Order(7)
    void rfc4638_payloadOf1500_whenTheAcEchoesIt_else1492() throws Exception {
        int mark = server.log().length();
        PppdProcess big = dialOn("veth1", "mtu-echoed", "unit", "60", "mtu", "1500", "mru", "1500");
        PppdProcess clamped = dialOn("veth2", "mtu-clamped", "unit", "61", "mtu", "1500", "mru", "1500");
        big.awaitLog("remote IP address 10.99.0.1", UP);
        clamped.awaitLog("remote IP address 10.99.0.1", UP);
        assertTrue(big.log().contains("PPP-Max-Payload 1500 granted by the access concentrator"), big.log());
        assertTrue(clamped.log().contains("Access concentrator did not echo PPP-Max-Payload 1500: MTU and MRU "
                + "limited to 1492"), clamped.log());
        String ppp60 = clientNs.exec("ip", "-o", "link", "show", "ppp60").output();
        assertTrue(ppp60.contains(" mtu 1500 "), ppp60);
        String ppp61 = clientNs.exec("ip", "-o", "link", "show", "ppp61").output();
        assertTrue(ppp61.contains(" mtu 1492 "), ppp61);
        // A full 1500-octet IP packet crosses unfragmented (DF set) in the echoed session.
        Matcher local = Pattern.compile("local  IP address (10\\.99\\.0\\.\\d+)").matcher(big.log());
        assertTrue(local.find(), big.log());
        awaitAcUp(mark, local.group(1));
        String out = clientNs.exec("ping", "-n", "-c", "2", "-W", "2", "-M", "do", "-s", "1472", "-I", "ppp60",
                "10.99.0.1").output();
        assertTrue(out.contains("2 received"), out);
        for (PppdProcess pppd : List.of(big, clamped)) {
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        }
    }

    @Test
    @Order(8)
    void sessionFrameForAnUnknownId_getsRateLimitedPadts() throws Exception {
        String acMac = macOf(acNs, "veth0");
        // 50 session frames (LCP Echo-Request) for an id the AC never gave out, from one host.
        Commands.Result sent = clientNs.exec("python3", "-c", INJECT, "veth0", acMac, "4242", "50");
        assertEquals(0, sent.status(), sent.output());
        Matcher m = Pattern.compile("PADTS (\\d+) SECONDS (\\d+\\.\\d+)").matcher(sent.output());
        assertTrue(m.find(), sent.output());
        int padts = Integer.parseInt(m.group(1));
        double seconds = Double.parseDouble(m.group(2));
        // One per frame at most, and the per-host allowance (a burst of 2, then 1 a second) holds it
        // down: the AC handles the 50 at once as a rule (2 PADTs), but on a loaded machine it may
        // spread them over the time the script listened, each second of which allows one more.
        assertTrue(padts >= 1 && padts <= 2 + (int) Math.ceil(seconds), sent.output());
    }

    private static String macOf(NetNamespace ns, String ifname) {
        Matcher m = Pattern.compile("link/ether ([0-9a-f:]{17})").matcher(ns.exec("ip", "-o", "link", "show", ifname)
                .output());
        assertTrue(m.find());
        return m.group(1);
    }

    /**
     * Sends N PPPoE session frames for SESSION_ID to the AC, then counts the PADTs for that id
     * until 2 s after the first (10 s at most), and prints how long it listened since the first send.
     */
    private static final String INJECT = String.join("\n",
            "import socket, struct, sys, time",
            "ifname, dst, sid, n = sys.argv[1], bytes.fromhex(sys.argv[2].replace(':', '')), int(sys.argv[3]), int(sys.argv[4])",
            "rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x8863))",
            "rx.bind((ifname, 0x8863))",
            "rx.settimeout(0.1)",
            "tx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x8864))",
            "tx.bind((ifname, 0x8864))",
            "src = tx.getsockname()[4]",
            "lcp = bytes([0xc0, 0x21, 9, 1, 0, 8, 0, 0, 0, 0])",
            "frame = dst + src + struct.pack('!HBBHH', 0x8864, 0x11, 0, sid, len(lcp)) + lcp",
            "start = time.time()",
            "for i in range(n):",
            "    tx.send(frame)",
            "padts = 0",
            "end = time.time() + 10",
            "while time.time() < end:",
            "    try:",
            "        f = rx.recv(2048)",
            "    except socket.timeout:",
            "        continue",
            "    ver, code, fsid = struct.unpack('!BBH', f[14:18])",
            "    if f[0:6] == src and code == 0xa7 and fsid == sid:",
            "        padts += 1",
            "        end = min(end, time.time() + 2) if padts == 1 else end",
            "print('PADTS', padts, 'SECONDS', '%.3f' % (time.time() - start))");
}
