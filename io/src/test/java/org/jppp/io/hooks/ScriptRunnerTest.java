package org.jppp.io.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jppp.io.hooks.ScriptResult.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pppd(8) "SCRIPTS": which scripts run, with which arguments, environment and descriptors. */
class ScriptRunnerTest {
    private static final long LOCAL_ID = 0x02005EFFFE005301L;
    private static final long REMOTE_ID = 0x02005EFFFE005302L;

    @TempDir
    Path etc;
    @TempDir
    Path out;

    private final RecordingLogger log = new RecordingLogger();
    private ScriptRunner runner;
    private ScriptRecorder recorder;
    private final LinkParameters tty = new LinkParameters("ppp0", "/dev/ttyS0", 115200, Optional.of("office"));

    @BeforeEach
    void setUp() {
        runner = new ScriptRunner(etc, log.logger());
        recorder = new ScriptRecorder(out);
    }

    private static Inet4Address ip(String text) throws IOException {
        return (Inet4Address) InetAddress.getByName(text);
    }

    private ScriptResult run(Script script, List<String> args, ScriptEnvironment env) throws Exception {
        return runner.run(script, args, env).get(10, TimeUnit.SECONDS);
    }

    private Map<String, String> baseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/sbin:/usr/local/bin:/usr/bin:/sbin:/bin");
        env.put("ORIG_UID", Long.toString(new UnixSystem().getUid()));
        env.put("PPPLOGNAME", System.getProperty("user.name"));
        env.put("PPPD_PID", Long.toString(ProcessHandle.current().pid()));
        return env;
    }

    @Test
    void ipUp_getsPppdsSixArgumentsAndExactlyPppdsEnvironment() throws Exception {
        recorder.recorder(runner.path(Script.IP_UP), "ip-up");
        ScriptEnvironment env = ScriptEnvironment.initial(TestSettings.settings(false, Optional.of("office-link")),
                tty, Optional.of("office"));
        env.peerAuthenticated("isp-gw");
        env.ipcpUp(ip("10.77.0.2"), Optional.of(ip("10.77.0.1")), List.of(ip("10.77.0.53"), ip("10.77.0.54")), true);

        ScriptResult result = run(Script.IP_UP, tty.ipArguments(ip("10.77.0.2"), Optional.of(ip("10.77.0.1"))), env);

        assertEquals(new ScriptResult(Script.IP_UP, etc.resolve("ip-up"), Status.EXITED, 0), result);
        assertEquals(List.of(etc.resolve("ip-up").toString(), // argv[0]: the script's path
                "ppp0", // interface-name
                "/dev/ttyS0", // tty-device
                "115200", // speed
                "10.77.0.2", // local-IP-address
                "10.77.0.1", // remote-IP-address
                "office"), // ipparam
                recorder.argv("ip-up"));
        Map<String, String> expected = baseEnvironment();
        expected.put("DEVICE", "/dev/ttyS0");
        expected.put("SPEED", "115200");
        expected.put("IFNAME", "ppp0");
        expected.put("LINKNAME", "office-link");
        expected.put("CALL_FILE", "office");
        expected.put("PEERNAME", "isp-gw");
        expected.put("IPLOCAL", "10.77.0.2");
        expected.put("IPREMOTE", "10.77.0.1");
        expected.put("DNS1", "10.77.0.53");
        expected.put("DNS2", "10.77.0.54");
        expected.put("USEPEERDNS", "1");
        assertEquals(expected, recorder.env("ip-up"));
        assertEquals(List.of("/"), recorder.lines("ip-up", "cwd"));
        assertEquals(List.of("/dev/null", "/dev/null", "/dev/null"), recorder.lines("ip-up", "fds"));
    }

    @Test
    void ipDown_withoutIpparamOrRemote_getsFiveArgumentsAndTheLinkStatistics() throws Exception {
        recorder.recorder(runner.path(Script.IP_DOWN), "ip-down");
        LinkParameters noIpparam = new LinkParameters("ppp3", "/dev/pts/4", 38400, Optional.empty());
        ScriptEnvironment env = new ScriptEnvironment();
        env.ipcpUp(ip("192.0.2.7"), Optional.empty(), List.of(ip("192.0.2.53")), false);
        env.linkStatistics(125, 4096, 8192);

        run(Script.IP_DOWN, noIpparam.ipArguments(ip("192.0.2.7"), Optional.empty()), env);

        assertEquals(List.of(etc.resolve("ip-down").toString(), "ppp3", "/dev/pts/4", "38400", "192.0.2.7",
                "0.0.0.0"), recorder.argv("ip-down"));
        // DNS1 is exported whether or not usepeerdns is set; USEPEERDNS only with it.
        assertEquals(Map.of("IPLOCAL", "192.0.2.7", "DNS1", "192.0.2.53", "CONNECT_TIME", "125",
                "BYTES_SENT", "4096", "BYTES_RCVD", "8192"), recorder.env("ip-down"));
    }

    @Test
    void ipv6Up_getsLinkLocalAddressesWrittenAsPppdWritesThem() throws Exception {
        recorder.recorder(runner.path(Script.IPV6_UP), "ipv6-up");
        ScriptEnvironment env = new ScriptEnvironment();
        env.ipv6cpUp(LOCAL_ID, REMOTE_ID);

        run(Script.IPV6_UP, tty.ipv6Arguments(LOCAL_ID, REMOTE_ID), env);

        assertEquals(List.of(etc.resolve("ipv6-up").toString(), "ppp0", "/dev/ttyS0", "115200",
                "fe80::0200:5eff:fe00:5301", "fe80::0200:5eff:fe00:5302", "office"), recorder.argv("ipv6-up"));
        assertEquals(Map.of("LLLOCAL", "fe80::0200:5eff:fe00:5301", "LLREMOTE", "fe80::0200:5eff:fe00:5302"),
                recorder.env("ipv6-up"));
        assertEquals("fe80::0000:0000:0000:0001", LinkParameters.linkLocal(1));
    }

    @Test
    void authUp_getsInterfacePeerUserDeviceSpeed() throws Exception {
        recorder.recorder(runner.path(Script.AUTH_UP), "auth-up");

        run(Script.AUTH_UP, tty.authArguments("isp-gw", "root"), new ScriptEnvironment());

        assertEquals(List.of(etc.resolve("auth-up").toString(), "ppp0", "isp-gw", "root", "/dev/ttyS0", "115200"),
                recorder.argv("auth-up"));
    }

    @Test
    void pppoeLink_hasTheAccessConcentratorsMacAndNoSpeed() throws Exception {
        recorder.recorder(runner.path(Script.IP_PRE_UP), "ip-pre-up");
        LinkParameters pppoe = new LinkParameters("ppp1", "eth0", 0, Optional.empty());
        ScriptEnvironment env = ScriptEnvironment.initial(TestSettings.settings(true, Optional.empty()), pppoe,
                Optional.empty());
        env.pppoeConnected(new byte[] {0x02, 0x00, 0x5E, 0x00, 0x53, (byte) 0xAB});

        run(Script.IP_PRE_UP, pppoe.ipArguments(ip("198.51.100.9"), Optional.of(ip("198.51.100.1"))), env);

        Map<String, String> expected = baseEnvironment();
        expected.put("DEVICE", "eth0");
        expected.put("IFNAME", "ppp1");
        expected.put("MACREMOTE", "02:00:5E:00:53:AB");
        assertEquals(expected, recorder.env("ip-pre-up"));
        assertEquals(List.of(etc.resolve("ip-pre-up").toString(), "ppp1", "eth0", "0", "198.51.100.9",
                "198.51.100.1"), recorder.argv("ip-pre-up"));
    }

    @Test
    void missingScript_isNotRunAndNotAnError() throws Exception {
        assertEquals(Status.MISSING, run(Script.IP_UP, List.of(), new ScriptEnvironment()).status());
        assertEquals(List.of(), log.at("WARN"));
    }

    @Test
    void nonExecutableScript_isSkippedWithPppdsWarning() throws Exception {
        Path script = recorder.recorder(runner.path(Script.IP_UP), "ip-up");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectory(runner.path(Script.IP_DOWN));

        assertEquals(Status.NOT_EXECUTABLE, run(Script.IP_UP, List.of(), new ScriptEnvironment()).status());
        assertEquals(Status.NOT_EXECUTABLE, run(Script.IP_DOWN, List.of(), new ScriptEnvironment()).status());

        assertFalse(recorder.ran("ip-up"));
        assertEquals(List.of("Can't execute " + script + ": Invalid argument",
                "Can't execute " + runner.path(Script.IP_DOWN) + ": Invalid argument"), log.at("WARN"));
    }

    @Test
    void failingScript_reportsItsExitStatus() throws Exception {
        ScriptRecorder.install(runner.path(Script.AUTH_DOWN), "exit 3\n");
        ScriptResult result = run(Script.AUTH_DOWN, List.of(), new ScriptEnvironment());
        assertEquals(Status.EXITED, result.status());
        assertEquals(3, result.exitCode());
        assertFalse(result.succeeded());
        assertTrue(log.at("DEBUG").contains("Script " + runner.path(Script.AUTH_DOWN) + " finished (pid "
                + log.at("DEBUG").get(0).replaceAll(".*\\(pid (\\d+)\\)", "$1") + "), status = 0x3"));
    }

    @Test
    void noScriptEverSeesThePasswordOrTheSecrets() throws Exception {
        Path secrets = etc.resolve("pap-secrets");
        Files.writeString(secrets, "bob * " + TestSettings.PASSWORD + " *\n");
        for (Script script : Script.values()) {
            recorder.recorder(runner.path(script), script.fileName());
        }
        ScriptEnvironment env = ScriptEnvironment.initial(TestSettings.settings(false, Optional.of("office")), tty,
                Optional.of("office"));
        env.peerAuthenticated("isp-gw");
        env.ipcpUp(ip("10.77.0.2"), Optional.of(ip("10.77.0.1")), List.of(ip("10.77.0.53")), true);
        env.ipv6cpUp(LOCAL_ID, REMOTE_ID);
        env.linkStatistics(1, 2, 3);
        for (Script script : Script.values()) {
            assertEquals(Status.EXITED, run(script, tty.authArguments("isp-gw", "bob"), env).status());
        }

        String seen = recorder.everything();
        assertTrue(seen.contains("PEERNAME=isp-gw"), "the recorders ran");
        assertFalse(seen.contains(TestSettings.PASSWORD));
        assertFalse(seen.toLowerCase(java.util.Locale.ROOT).contains("secret"));
        assertFalse(seen.contains("PASSWORD"));
    }

    @Test
    void environment_replacesInPlace_forgetsStatisticsOnANewConnection_andRefusesNul() {
        ScriptEnvironment env = new ScriptEnvironment();
        env.set(ScriptEnvironment.Var.IFNAME, "ppp0");
        env.linkStatistics(10, 20, 30);
        env.set(ScriptEnvironment.Var.IFNAME, "ppp7");
        assertEquals(List.of("IFNAME", "CONNECT_TIME", "BYTES_SENT", "BYTES_RCVD"),
                List.copyOf(env.snapshot().keySet()));
        assertEquals("ppp7", env.snapshot().get("IFNAME"));
        env.newConnection();
        assertEquals(Map.of("IFNAME", "ppp7"), env.snapshot());
        assertEquals("PEERNAME contains a NUL character", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> env.peerAuthenticated("a\0b")).getMessage());
    }

    @Test
    void ipDown_waitsForIpUpToFinish() throws Exception {
        Path order = out.resolve("order");
        ScriptRecorder.install(runner.path(Script.IP_UP),
                "echo up-start >> '" + order + "'\nsleep 0.4\necho up-end >> '" + order + "'\n");
        ScriptRecorder.install(runner.path(Script.IP_DOWN), "echo down >> '" + order + "'\n");
        UpDownScripts ip = new UpDownScripts(runner, Script.IP_UP, Script.IP_DOWN, new ScriptEnvironment());

        ip.up(List.of("ppp0"));
        ip.down(List.of("ppp0"));
        ip.settled().get(10, TimeUnit.SECONDS);

        assertEquals(List.of("up-start", "up-end", "down"), Files.readAllLines(order));
    }

    @Test
    void downThenUpAgainWhileIpUpRuns_leavesTheUpScriptAsTheLastOneRun() throws Exception {
        Path order = out.resolve("order");
        ScriptRecorder.install(runner.path(Script.IPV6_UP), "sleep 0.3\necho up >> '" + order + "'\n");
        ScriptRecorder.install(runner.path(Script.IPV6_DOWN), "echo down >> '" + order + "'\n");
        UpDownScripts ipv6 = new UpDownScripts(runner, Script.IPV6_UP, Script.IPV6_DOWN, new ScriptEnvironment());

        ipv6.down(List.of()); // never up: pppd runs no ipv6-down
        ipv6.up(List.of());
        ipv6.down(List.of());
        ipv6.up(List.of());
        ipv6.settled().get(10, TimeUnit.SECONDS);

        assertEquals(List.of("up"), Files.readAllLines(order));
    }

    @Test
    void hangingScript_isKilledWithItsChildrenOnShutdown() throws Exception {
        Path pidFile = out.resolve("child.pid");
        ScriptRecorder.install(runner.path(Script.IP_UP),
                "sleep 60 &\necho $! > '" + pidFile + "'\nwait\n");
        var result = runner.run(Script.IP_UP, List.of(), new ScriptEnvironment());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            assertTrue(System.nanoTime() < deadline, "the script did not start");
            Thread.sleep(20);
        }
        long childPid = Long.parseLong(Files.readString(pidFile).trim());

        runner.shutdown(Duration.ofMillis(200)).get(10, TimeUnit.SECONDS);

        assertEquals(Status.KILLED, result.get(10, TimeUnit.SECONDS).status());
        // The child was killed with the script's group; on its own it would sleep for a minute.
        while (!gone(childPid)) {
            assertTrue(System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(20), "sleep survived");
            Thread.sleep(20);
        }
        assertEquals(0, runner.runningCount());
        assertTrue(log.at("WARN").get(0).startsWith("Child process " + runner.path(Script.IP_UP) + " (pid "));
        assertEquals(Status.NOT_STARTED, run(Script.IP_UP, List.of(), new ScriptEnvironment()).status());
    }

    /** Exited, or a zombie nobody has reaped yet (this container's init may not). */
    private static boolean gone(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            return Files.readString(stat).contains(") Z ");
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }

    @Test
    void shutdown_waitsForAScriptThatEndsInTime() throws Exception {
        ScriptRecorder.install(runner.path(Script.IP_DOWN), "sleep 0.2\n");
        var result = runner.run(Script.IP_DOWN, List.of(), new ScriptEnvironment());
        // A grace far longer than the script's 0.2 s, which a loaded machine may stretch to seconds.
        runner.shutdown(Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS);
        assertEquals(new ScriptResult(Script.IP_DOWN, runner.path(Script.IP_DOWN), Status.EXITED, 0),
                result.get(10, TimeUnit.SECONDS));
    }
}
