package org.jppp.tests.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jppp as the client of real pppd 2.4.9 (refpeer's serial server role: 10.78.0.1:10.78.0.2,
 * ms-dns 10.78.0.53) over {@code pty "socat STDIO UNIX-CONNECT:ppp.sock"}. One guest is booted
 * for the class and reconfigured between tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefpeerServerTest {
    private static final Duration UP = Duration.ofSeconds(40);

    private RefPeer peer;
    private NetNamespace ns;
    private Path root;

    @BeforeAll
    void boot() throws IOException {
        root = Files.createTempDirectory("jppp-refpeer");
        ns = NetNamespace.create();
        peer = RefPeer.start("refpeer-jppp");
    }

    @AfterAll
    void cleanUp() throws Exception {
        TempDirs.cleanUp(root, peer, ns);
    }

    /** {@code auth} is what the guest's pppd requires (refpeer's --auth). */
    @ParameterizedTest
    @ValueSource(strings = {"chap", "pap", "mschap-v2", "noauth"})
    void linkUpWithAuthentication(String auth) throws Exception {
        // The guest's ip-up pings us at once: no echo may be lost while our interface comes up.
        peer.reconfigure("REFPEER_SERIAL_AUTH=" + auth, "REFPEER_SERIAL_PING=3");
        linkUpPingAndTerminate(auth, List.of("user", "alice", "password", "s3cret"),
                auth.equals("noauth") ? "peer=" : "peer=alice");
    }

    /**
     * The guest's pppd ends the link (its loop is stopped: LCP Terminate-Request): like pppd on a
     * tty, we log "LCP terminated by peer" and exit with 16.
     */
    @Test
    void peerEndsTheLink() throws Exception {
        peer.reconfigure("REFPEER_SERIAL_AUTH=chap");
        Path etc = TempDirs.etc(root, "peer-ends");
        try (PppdProcess pppd = PppdProcess.start(ns, etc, etc, args(List.of("user", "alice", "password", "s3cret")))) {
            pppd.awaitLog("remote IP address 10.78.0.1", UP);
            long mark = peer.consoleLength();
            peer.guest("refpeer-serial restart");
            assertEquals(16, pppd.awaitExit(UP), pppd.log());
            assertTrue(pppd.log().contains("LCP terminated by peer"), pppd.log());
            peer.awaitListening(mark);
        }
    }

    /**
     * {@code persist}: when the guest ends the link we dial again after the holdoff (a new pty
     * command, a new connection to the socket) and the link comes up a second time.
     */
    @Test
    void persistRedialsAfterThePeerEndedTheLink() throws Exception {
        peer.reconfigure("REFPEER_SERIAL_AUTH=chap");
        Path etc = TempDirs.etc(root, "persist");
        Pattern ipUp = Pattern.compile("REFPEER-EVENT ip-up .*peer=alice");
        long mark = peer.consoleLength();
        try (PppdProcess pppd = PppdProcess.start(ns, etc, etc, args(List.of("user", "alice", "password", "s3cret",
                "persist", "holdoff", "1")))) {
            Matcher first = peer.awaitConsole(mark, ipUp, UP);
            peer.guest("refpeer-serial restart");
            peer.awaitConsole(mark + first.end(), ipUp, Duration.ofSeconds(60));
            pppd.awaitLog("LCP terminated by peer", UP);
            // The guest's ip-up may run before our end of the second link has logged its addresses.
            assertEquals(2, pppd.awaitCount(Pattern.compile("remote IP address 10\\.78\\.0\\.1"), 2, UP), pppd.log());
            assertEquals(3, ns.ping("10.78.0.1", 3), pppd.log());
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        }
    }

    /** Our password is wrong: we exit with 19, the guest's pppd with 11 (its peer failed). */
    @ParameterizedTest
    @ValueSource(strings = {"chap", "mschap-v2"})
    void wrongPassword(String auth) throws Exception {
        peer.reconfigure("REFPEER_SERIAL_AUTH=" + auth);
        Path etc = TempDirs.etc(root, "wrong-" + auth);
        long mark = peer.consoleLength();
        try (PppdProcess pppd = PppdProcess.start(ns, etc, etc, args(List.of("user", "alice", "password", "wrong")))) {
            assertEquals(19, pppd.awaitExit(UP), pppd.log());
            Matcher exit = peer.awaitConsole(mark, Pattern.compile("REFPEER-EVENT serial-pppd-exit n=\\d+ status=11"), UP);
            peer.awaitListening(mark + exit.end());
        }
    }

    /**
     * Brings the link up with {@code extra} options, checks addresses, DNS, the default route, the
     * ip-up and ip-down scripts, our pings and the guest's (sent from its ip-up), then ends it with SIGTERM: exit status 5, and pppd on
     * the guest sees the host end the link.
     */
    private void linkUpPingAndTerminate(String name, List<String> extra, String peerName) throws Exception {
        Path etc = TempDirs.etc(root, name);
        for (String script : List.of("ip-up", "ip-down")) {
            TempDirs.script(etc.resolve(script), "echo \"$@\" > " + etc.resolve(script + ".args"));
        }
        long mark = peer.consoleLength();
        try (PppdProcess pppd = PppdProcess.start(ns, etc, etc, args(Args.concat(extra, List.of("defaultroute",
                "ipparam", "refpeer-test"))))) {
            pppd.awaitLog("remote IP address 10.78.0.1", UP);
            assertTrue(pppd.log().contains("local  IP address 10.78.0.2"), pppd.log());
            assertTrue(pppd.log().contains("primary   DNS address 10.78.0.53"), pppd.log());
            String addr = ns.awaitAddress("ppp0", "inet 10.78.0.2 peer 10.78.0.1/32", Duration.ofSeconds(20));
            assertTrue(addr.contains("inet 10.78.0.2 peer 10.78.0.1/32"), addr);
            assertEquals("nameserver 10.78.0.53\nnameserver 10.78.0.53\n",
                    TempDirs.awaitContent(etc.resolve("resolv.conf"), "10.78.0.53", Duration.ofSeconds(20)));
            peer.awaitConsole(mark, Pattern.compile("REFPEER-EVENT ip-up .*remote=10\\.78\\.0\\.2 " + peerName + " "), UP);
            assertEquals(3, ns.ping("10.78.0.1", 3), pppd.log());
            // The guest pings from its ip-up, i.e. as soon as ITS IPCP is open; ours may still be
            // configuring ppp0 then (pppd's ipcp_up does the same), so the first echo request can
            // meet no interface yet. Every later one must come back.
            Matcher guestPing = peer.awaitConsole(mark, Pattern.compile("REFPEER-EVENT serial-ping ok "
                    + "remote=10\\.78\\.0\\.2 3 packets transmitted, ([23]) packets received"), UP);
            assertTrue(Integer.parseInt(guestPing.group(1)) >= 2, guestPing.group());
            assertTrue(ns.exec("ip", "route", "show", "default").output().contains("default dev ppp0"));
            String ipUp = TempDirs.awaitContent(etc.resolve("ip-up.args"), "refpeer-test", Duration.ofSeconds(20));
            assertTrue(ipUp.matches("ppp0 /dev/pts/\\d+ \\d+ 10\\.78\\.0\\.2 10\\.78\\.0\\.1 refpeer-test\n"), ipUp);
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
            assertEquals(ipUp, Files.readString(etc.resolve("ip-down.args")));
            assertTrue(!ns.exec("ip", "route", "show", "default").output().contains("ppp0"));
            String log = pppd.log();
            assertTrue(log.contains("Terminating on signal 15") && log.contains("Connection terminated."), log);
            Matcher exit = peer.awaitConsole(mark, Pattern.compile("REFPEER-EVENT serial-pppd-exit n=\\d+ status=16"), UP);
            peer.awaitListening(mark + exit.end());
        }
    }

    private List<String> args(List<String> extra) {
        List<String> args = new ArrayList<>(List.of("pty", peer.ptyCommand(), "noauth", "nodetach", "usepeerdns",
                "noipdefault"));
        args.addAll(extra);
        return args;
    }
}
