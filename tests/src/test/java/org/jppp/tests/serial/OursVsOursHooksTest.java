package org.jppp.tests.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authenticator's scripts, statistics, pid files and address check, jppp against jppp as in
 * {@link OursVsOursTest}: A ({@code auth require-chap 10.79.0.1:10.79.0.2}) runs B on its pty.
 * Every script of A's JPPP_ETC_DIR records its arguments and environment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OursVsOursHooksTest {
    private static final Duration UP = Duration.ofSeconds(40);
    private static final List<String> SCRIPTS = List.of("ip-pre-up", "ip-up", "ip-down", "ipv6-up", "ipv6-down",
            "auth-up", "auth-down");

    @RegisterExtension
    static final PtyLab LAB = new PtyLab("ovoh");

    @Test
    void scriptsStatisticsAndPidFiles() throws Exception {
        Path etcA = LAB.etc("a-hooks");
        Path etcB = LAB.etc("b-hooks");
        secrets(etcA, "*");
        for (String script : SCRIPTS) {
            // ip-pre-up also records the interface (addresses set, not up yet) and takes its time;
            // ip-up records that ip-pre-up had finished.
            String extra = switch (script) {
                case "ip-pre-up" -> "ip -o link show dev \"$1\"; ip -4 -o addr show dev \"$1\"; sleep 1; ";
                case "ip-up" -> "[ -e " + rec(etcA, "ip-pre-up") + " ] && echo PRE-UP-DONE; ";
                default -> "";
            };
            Path rec = rec(etcA, script);
            TempDirs.script(etcA.resolve(script), "{ echo \"ARGS $*\"; env | sort; " + extra + "} > " + rec
                    + ".tmp; mv " + rec + ".tmp " + rec);
        }
        try (PppdProcess pppd = start(etcA, etcB, List.of("linkname", "ovo", "+ipv6"), List.of("+ipv6"))) {
            pppd.awaitLog("remote IP address 10.79.0.2", UP);
            // B's end too (the ping below needs its IPv4 up as well as A's).
            pppd.awaitLog("remote IP address 10.79.0.1", UP);
            pppd.awaitLog("remote LL address", UP);
            String preUp = TempDirs.awaitContent(rec(etcA, "ip-pre-up"), "ARGS", Duration.ofSeconds(20));
            assertTrue(preUp.startsWith("ARGS ppp0 /dev/pts/"), preUp);
            assertTrue(preUp.contains("IPLOCAL=10.79.0.1") && preUp.contains("IPREMOTE=10.79.0.2"), preUp);
            assertTrue(preUp.contains("inet 10.79.0.1 peer 10.79.0.2/32"), preUp);
            // (the interface may be up already here: IPV6CP brings it up too, as in pppd)

            String ipUp = TempDirs.awaitContent(rec(etcA, "ip-up"), "ARGS", Duration.ofSeconds(20));
            assertTrue(ipUp.contains("PRE-UP-DONE"), "ip-up waited for ip-pre-up: " + ipUp);
            assertTrue(Pattern.compile("ARGS ppp0 /dev/pts/\\d+ \\d+ 10\\.79\\.0\\.1 10\\.79\\.0\\.2\\n").matcher(ipUp).find(), ipUp);
            assertTrue(ipUp.contains("PEERNAME=alice"), ipUp);

            String authUp = TempDirs.awaitContent(rec(etcA, "auth-up"), "ARGS", Duration.ofSeconds(20));
            assertTrue(Pattern.compile("ARGS ppp0 alice root /dev/pts/\\d+ \\d+\\n").matcher(authUp).find(), authUp);

            String ipv6Up = TempDirs.awaitContent(rec(etcA, "ipv6-up"), "ARGS", Duration.ofSeconds(20));
            Matcher ll = Pattern.compile("ARGS ppp0 /dev/pts/\\d+ \\d+ (fe80::[0-9a-f:]+) (fe80::[0-9a-f:]+)\\n").matcher(ipv6Up);
            assertTrue(ll.find(), ipv6Up);
            assertTrue(ipv6Up.contains("LLLOCAL=" + ll.group(1)) && ipv6Up.contains("LLREMOTE=" + ll.group(2)), ipv6Up);

            String pid = Files.readString(etcA.resolve("ppp0.pid"));
            assertTrue(pid.matches("\\d+\\n"), pid);
            assertEquals(pid + "ppp0\n", Files.readString(etcA.resolve("ppp-ovo.pid")));

            assertEquals(3, LAB.a().ping("10.79.0.2", 3), pppd.log());
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());

            String log = pppd.log();
            assertTrue(Pattern.compile("Connect time \\d+\\.\\d minutes\\.").matcher(log).find(), log);
            Matcher bytes = Pattern.compile("Sent (\\d+) bytes, received (\\d+) bytes\\.").matcher(log);
            assertTrue(bytes.find(), log);
            assertTrue(Long.parseLong(bytes.group(1)) >= 3 * 84 && Long.parseLong(bytes.group(2)) >= 3 * 84, bytes.group());

            String ipDown = TempDirs.awaitContent(rec(etcA, "ip-down"), "ARGS", Duration.ofSeconds(20));
            assertTrue(ipDown.contains("BYTES_SENT=" + bytes.group(1)), ipDown + "\n" + bytes.group());
            assertTrue(ipDown.contains("BYTES_RCVD=" + bytes.group(2)), ipDown);
            assertTrue(Pattern.compile("CONNECT_TIME=\\d+\\n").matcher(ipDown).find(), ipDown);
            String authDown = TempDirs.awaitContent(rec(etcA, "auth-down"), "ARGS", Duration.ofSeconds(20));
            assertTrue(Pattern.compile("ARGS ppp0 alice root /dev/pts/\\d+ \\d+\\n").matcher(authDown).find(), authDown);
            assertTrue(authDown.contains("BYTES_SENT="), authDown);
            assertTrue(TempDirs.awaitContent(rec(etcA, "ipv6-down"), "ARGS", Duration.ofSeconds(20)).contains("LLLOCAL="));

            assertFalse(Files.exists(etcA.resolve("ppp0.pid")), "pid file left behind");
            assertFalse(Files.exists(etcA.resolve("ppp-ovo.pid")), "link pid file left behind");
        }
    }

    /**
     * alice's entry allows only 10.79.0.9: that address replaces the configured 10.79.0.2. With
     * IPCP alone, ip-pre-up sees the interface with its addresses and still down.
     */
    @Test
    void entrysAddressIsAssigned() throws Exception {
        Path etcA = LAB.etc("a-suggest");
        Path etcB = LAB.etc("b-suggest");
        secrets(etcA, "10.79.0.9");
        Path rec = rec(etcA, "ip-pre-up");
        TempDirs.script(etcA.resolve("ip-pre-up"), "{ echo \"ARGS $*\"; ip -o link show dev \"$1\"; "
                + "ip -4 -o addr show dev \"$1\"; } > " + rec + ".tmp; mv " + rec + ".tmp " + rec);
        try (PppdProcess pppd = start(etcA, etcB, List.of(), List.of())) {
            pppd.awaitLog("remote IP address 10.79.0.9", UP);
            assertFalse(pppd.log().contains("remote IP address 10.79.0.2"), pppd.log());
            String preUp = TempDirs.awaitContent(rec, "ARGS", Duration.ofSeconds(20));
            assertTrue(preUp.contains("inet 10.79.0.1 peer 10.79.0.9/32"), preUp);
            assertFalse(preUp.contains(",UP"), "ip-pre-up runs before the interface is up: " + preUp);
            assertTrue(LAB.b().ping("10.79.0.1", 2) > 0, pppd.log());
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
        }
    }

    /**
     * alice's entry refuses 10.79.0.2 and offers no single address instead: IPCP is closed with
     * pppd's error, no network protocol is left, and nothing came up: exit status 10.
     */
    @Test
    void disallowedAddressEndsTheLink() throws Exception {
        Path etcA = LAB.etc("a-refuse");
        Path etcB = LAB.etc("b-refuse");
        secrets(etcA, "!10.79.0.2 10.79.0.0/24");
        try (PppdProcess pppd = start(etcA, etcB, List.of(), List.of())) {
            assertEquals(10, pppd.awaitExit(UP), pppd.log());
            assertTrue(pppd.log().contains("Peer is not authorized to use remote address 10.79.0.2"), pppd.log());
            assertFalse(pppd.log().contains("remote IP address 10.79.0.2"), pppd.log());
        }
    }

    private static Path rec(Path etc, String script) {
        return etc.resolve(script + ".rec");
    }

    private static void secrets(Path etc, String addresses) throws IOException {
        String line = "alice * s3cret " + addresses + "\n";
        for (String name : new String[] {"chap-secrets", "pap-secrets"}) {
            Path file = etc.resolve(name);
            Files.writeString(file, line);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private PppdProcess start(Path etcA, Path etcB, List<String> extraA, List<String> extraB) throws IOException {
        List<String> client = Args.concat(List.of(Repo.pppd().toString(), "notty", "nodetach", "user", "alice",
                "password", "s3cret", "noauth", "noipdefault", "debug"), extraB);
        String pty = LAB.ptyInB(etcB, client);
        List<String> server = Args.concat(List.of("pty", pty, "nodetach", "debug", "10.79.0.1:10.79.0.2", "auth",
                "require-chap"), extraA);
        return PppdProcess.start(LAB.a(), etcA, etcA, server);
    }
}
