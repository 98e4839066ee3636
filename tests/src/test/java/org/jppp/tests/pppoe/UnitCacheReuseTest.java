package org.jppp.tests.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jppp.tests.daemon.Control;
import org.jppp.tests.lab.AccessConcentratorLab;
import org.jppp.tests.lab.AccessConcentratorLab.AccessConcentrator;
import org.jppp.tests.serial.Await;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;
import org.jppp.tests.serial.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The unit cache on both sides: {@code bin/jpppd} dials one peer to {@code bin/pppoe-server}
 * ({@code --unit-cache 4}), the peer is stopped ({@code down}) and started again ({@code up}).
 * The second session runs on the same interfaces as the first (same ifindex on the AC's side, as
 * its ip-up script sees it, and on jpppd's side), passes traffic, and its statistics are its own:
 * the AC's ip-down gets BYTES_RCVD/BYTES_SENT of that session only, and jpppd's status counts
 * from when the peer took its interface. Between the sessions a kept interface is down and has no
 * address; when each process ends, no ppp interface is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitCacheReuseTest {
    private static final Duration UP = Duration.ofSeconds(90);
    /** The AC's ip-up line: interface and ifindex; its ip-down line: interface and the session's byte counts. */
    private static final Pattern AC_UP = Pattern.compile("(?m)^up (ppp\\d+) (\\d+)$");
    private static final Pattern AC_DOWN = Pattern.compile("(?m)^down (ppp\\d+) sent=(\\d+) rcvd=(\\d+)$");

    private AccessConcentratorLab lab;
    private NetNamespace acNs;
    private NetNamespace clientNs;
    private Path acLog;
    private PppdProcess server;
    private Control control;
    private PppdProcess daemon;

    @BeforeAll
    void start() throws Exception {
        lab = AccessConcentratorLab.create("unit-cache");
        clientNs = lab.clientNs();
        acLog = lab.root().resolve("ac-scripts.log");
        // The scripts run in the AC's namespace, where /sys/class/net shows its interfaces.
        AccessConcentrator ac = lab.accessConcentrator("ac").options("auth", "require-chap", "name jppp-ac")
                .script("ip-up", "echo \"up $1 $(cat /sys/class/net/$1/ifindex)\" >> " + acLog)
                .script("ip-down", "echo \"down $1 sent=$BYTES_SENT rcvd=$BYTES_RCVD\" >> " + acLog)
                .pool("10.98.0.10-20").args("-L", "10.98.0.1", "-N", "4", "-C", "jppp-ac", "-S", "internet",
                        "--unit-cache", "4").start();
        acNs = ac.ns();
        server = ac.server();
        server.awaitLog("up to 4 interfaces kept for reuse", Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void downAndUp_reuseTheInterfacesOnBothSides_withPerSessionStatistics() throws Exception {
        Path etc = TempDirs.etc(lab.root(), "client");
        Path run = Files.createDirectories(lab.root().resolve("run"));
        TempDirs.secrets(etc, "alice", "*", "s3cret");
        Files.createDirectories(etc.resolve("peers"));
        Files.writeString(etc.resolve("peers/provider"), "plugin rp-pppoe.so\nnic-veth0\nuser alice\nnoauth\n"
                + "rp_pppoe_service internet\n");
        Files.writeString(etc.resolve("jppp.conf"), "jppp.jpppd-unit-cache = 2\n");
        control = new Control(run.resolve("jppp.sock"));
        daemon = lab.own(PppdProcess.start(clientNs.prefix(List.of(Repo.root().resolve("bin/jpppd").toString(),
                "--peer", "provider")), etc, run));
        daemon.awaitLog("control socket " + control.socket(), Duration.ofSeconds(60));

        // First session: some bulk, so that counters carried over would show.
        JsonNode first = awaitUp();
        String clientIf = first.path("interface").asText();
        String clientIndex = ifindex(clientNs, clientIf);
        Matcher up1 = awaitLine(AC_UP, 1);
        String acIf = up1.group(1);
        String acIndex = up1.group(2);
        String bulk = clientNs.exec("ping", "-n", "-c", "10", "-i", "0.2", "-W", "2", "-s", "1000", "-I", clientIf,
                "10.98.0.1").output();
        assertTrue(bulk.contains("10 received"), bulk);

        assertTrue(control.request(Control.command("down", "provider")).path("ok").asBoolean());
        Matcher down1 = awaitLine(AC_DOWN, 1);
        assertEquals(acIf, down1.group(1));
        // 10 echo requests of 1028 octets came from the peer, 10 replies went back.
        assertTrue(Long.parseLong(down1.group(3)) >= 10 * 1028, down1.group());
        assertTrue(Long.parseLong(down1.group(2)) >= 10 * 1028, down1.group());
        // Kept, not deleted: down, no address, the kernel's MTU, on both sides.
        awaitKept(acNs, acIf);
        awaitKept(clientNs, clientIf);
        // The daemon drops a stopped peer once its run closed the interface, i.e. offered it to
        // the cache: from then on the next "up" finds it there (not a guess at how long that takes).
        assertTrue(Await.until(() -> !statusHolds("provider"), Duration.ofSeconds(30)),
                "provider still listed after down: " + control.status());

        assertTrue(control.request(Control.command("up", "provider")).path("ok").asBoolean());
        JsonNode second = awaitUp();
        assertEquals(clientIf, second.path("interface").asText(), second.toString());
        assertEquals(clientIndex, ifindex(clientNs, clientIf), "jpppd took its kept interface");
        Matcher up2 = awaitLine(AC_UP, 2);
        assertEquals(acIf + " " + acIndex, up2.group(1) + " " + up2.group(2), "the AC took its kept interface");
        String small = clientNs.exec("ping", "-n", "-c", "2", "-i", "0.3", "-W", "2", "-I", clientIf, "10.98.0.1")
                .output();
        assertTrue(small.contains("2 received"), small);
        String addresses = acNs.exec("ip", "-o", "addr", "show", "dev", acIf).output();
        assertEquals(1, addresses.lines().filter(l -> l.contains(" inet ")).count(), addresses);
        JsonNode counted = Control.byName(control.request(Control.command("status", "provider"))).get("provider");
        assertTrue(counted.path("tx_bytes").asLong() >= 2 * 84, counted.toString());
        assertTrue(counted.path("tx_bytes").asLong() < 10 * 1028, "the first session's bytes: " + counted);

        assertTrue(control.request(Control.command("down", "provider")).path("ok").asBoolean());
        Matcher down2 = awaitLine(AC_DOWN, 2);
        long rcvd = Long.parseLong(down2.group(3));
        long sent = Long.parseLong(down2.group(2));
        assertTrue(rcvd >= 2 * 84 && rcvd < 10 * 1028, "BYTES_RCVD of the second session only: " + down2.group());
        assertTrue(sent >= 2 * 84 && sent < 10 * 1028, "BYTES_SENT of the second session only: " + down2.group());
        assertTrue(server.log().contains("Sent " + sent + " bytes, received " + rcvd + " bytes."), server.log());
        awaitKept(acNs, acIf);

        // On exit each process deletes what it kept.
        daemon.terminate();
        assertEquals(5, daemon.awaitExit(Duration.ofSeconds(60)), daemon.log());
        clientNs.awaitNoPppLinks(Duration.ofSeconds(30));
        server.terminate();
        server.awaitExit(Duration.ofSeconds(30));
        acNs.awaitNoPppLinks(Duration.ofSeconds(30));
    }

    private JsonNode awaitUp() throws Exception {
        long deadline = System.nanoTime() + UP.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = control.status().get("provider");
            if (Control.isUp(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        fail("provider not UP: " + last + "\n" + daemon.log());
        return null;
    }

    private boolean statusHolds(String peer) {
        try {
            return control.status().containsKey(peer);
        } catch (Exception e) {
            throw new AssertionError("status: " + e, e);
        }
    }

    /** The {@code n}th line of the AC's scripts' log matching {@code pattern}. */
    private Matcher awaitLine(Pattern pattern, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            String text = Files.exists(acLog) ? Files.readString(acLog) : "";
            Matcher m = pattern.matcher(text);
            int found = 0;
            while (m.find()) {
                if (++found == n) {
                    return m;
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        fail("no line " + n + " like " + pattern + " in the AC's script log:\n"
                + (Files.exists(acLog) ? Files.readString(acLog) : "") + "\n" + server.log());
        return null;
    }

    private static String ifindex(NetNamespace ns, String ifname) {
        return ns.exec("cat", "/sys/class/net/" + ifname + "/ifindex").output().trim();
    }

    /** The interface still exists, down, without addresses, with the kernel's MTU: reset and kept. */
    private static void awaitKept(NetNamespace ns, String ifname) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String link;
        String addresses;
        do {
            link = ns.exec("ip", "-o", "link", "show", "dev", ifname).output();
            addresses = ns.exec("ip", "-o", "addr", "show", "dev", ifname).output();
            if (link.contains(" mtu 1500 ") && !link.contains(",UP") && !addresses.contains("inet")) {
                // The unit is offered to the cache right after its MTU is reset.
                Thread.sleep(300);
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        fail(ns.name() + ": " + ifname + " not kept:\n" + link + "\n" + addresses);
    }
}
