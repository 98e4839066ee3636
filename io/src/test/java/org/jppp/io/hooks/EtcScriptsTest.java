package org.jppp.io.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example scripts shipped in etc/ppp, run from a copy of that directory. */
class EtcScriptsTest {
    /** Maven runs the io module's tests from io/; the examples are at the top of the repository. */
    private static final Path SHIPPED = Path.of("..", "etc", "ppp");
    private static final List<String> IP_ARGS = List.of("ppp0", "/dev/ttyS0", "115200", "10.77.0.2", "10.77.0.1",
            "office");

    @TempDir
    Path temp;
    private Path etc;
    private ScriptRecorder recorder;

    @BeforeEach
    void copyTheExamples() throws IOException {
        etc = temp.resolve("etc-ppp");
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path source : files.toList()) {
                Path target = etc.resolve(SHIPPED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(temp.resolve("out"));
        recorder = new ScriptRecorder(temp.resolve("out"));
    }

    private int run(Path script, List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals("", output, "the script printed something");
        return process.exitValue();
    }

    private List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().endsWith(".d")
                            || Files.isExecutable(f))
                    .sorted().toList();
        }
    }

    @Test
    void everyScript_isAnExecutablePosixShellScriptThatParses() throws Exception {
        List<String> names = scripts().stream().map(p -> SHIPPED.relativize(p).toString()).toList();
        assertEquals(List.of("ip-down", "ip-down.d/00_dns.sh", "ip-pre-up", "ip-up", "ip-up.d/00_dns.sh", "ipv6-down",
                "ipv6-up", "run-hooks"), names);
        for (Path script : scripts()) {
            assertTrue(Files.readString(script).startsWith("#!/bin/sh\n"), script + " starts with #!/bin/sh");
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)),
                    script.toString());
            assertEquals(0, run(Path.of("/bin/sh"), List.of("-n", script.toString()), Map.of()), script + " parses");
        }
    }

    @Test
    void ipUp_runsTheExecutableHooksInOrderWithTheSameArgumentsAndEnvironment() throws Exception {
        Files.delete(etc.resolve("ip-up.d/00_dns.sh"));
        Path order = temp.resolve("order");
        ScriptRecorder.install(etc.resolve("ip-up.d/10-first"), "echo first >> '" + order + "'\n");
        recorder.recorder(etc.resolve("ip-up.d/20-record"), "hook");
        ScriptRecorder.install(etc.resolve("ip-up.d/30-editor-backup~"), "echo backup >> '" + order + "'\n");
        Files.writeString(etc.resolve("ip-up.d/README"), "not a hook\n");
        ScriptEnvironment env = new ScriptEnvironment();
        env.set(ScriptEnvironment.Var.IFNAME, "ppp0");
        env.set(ScriptEnvironment.Var.IPLOCAL, "10.77.0.2");
        env.set(ScriptEnvironment.Var.IPREMOTE, "10.77.0.1");

        ScriptResult result = new ScriptRunner(etc).run(Script.IP_UP, IP_ARGS, env).get(10, TimeUnit.SECONDS);

        assertTrue(result.succeeded(), result.toString());
        assertEquals(List.of("first"), Files.readAllLines(order));
        List<String> argv = new ArrayList<>(List.of(etc.resolve("ip-up.d/20-record").toString()));
        argv.addAll(IP_ARGS);
        assertEquals(argv, recorder.argv("hook"));
        Map<String, String> seen = new LinkedHashMap<>(recorder.env("hook"));
        // The shell adds PWD, and run-hooks exports a PATH when pppd gave none; nothing else.
        assertEquals("/", seen.remove("PWD"));
        assertTrue(seen.remove("PATH").contains("/usr/bin"));
        assertEquals(env.snapshot(), seen);
    }

    @Test
    void aFailingHook_doesNotStopTheOthers_andIsTheExitStatus() throws Exception {
        Path order = temp.resolve("order");
        ScriptRecorder.install(etc.resolve("ipv6-down.d/10-fails"), "echo fails >> '" + order + "'\nexit 3\n");
        ScriptRecorder.install(etc.resolve("ipv6-down.d/20-runs"), "echo runs >> '" + order + "'\n");

        assertEquals(3, run(etc.resolve("ipv6-down"), IP_ARGS, Map.of()));
        assertEquals(List.of("fails", "runs"), Files.readAllLines(order));
        assertEquals(0, run(etc.resolve("ip-pre-up"), IP_ARGS, Map.of()), "no ip-pre-up.d: nothing to do");
    }

    @Test
    void dnsHooks_installThePeersResolvConfAndPutTheOldOneBack() throws Exception {
        Path target = temp.resolve("resolv.conf");
        Files.writeString(target, "nameserver 192.0.2.99\n");
        Files.writeString(etc.resolve("resolv.conf"), "nameserver 10.77.0.53\nnameserver 10.77.0.54\n");
        Map<String, String> env = Map.of("USEPEERDNS", "1", "JPPP_RESOLV_CONF", target.toString());

        assertEquals(0, run(etc.resolve("ip-up.d/00_dns.sh"), IP_ARGS, env));
        assertEquals("nameserver 10.77.0.53\nnameserver 10.77.0.54\n", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("nameserver 192.0.2.99\n", Files.readString(temp.resolve("resolv.conf.backup.ppp0")));

        assertEquals(0, run(etc.resolve("ip-down.d/00_dns.sh"), IP_ARGS, env));
        assertEquals("nameserver 192.0.2.99\n", Files.readString(target));
        assertFalse(Files.exists(temp.resolve("resolv.conf.backup.ppp0")));
    }

    @Test
    void dnsHooks_withoutUsepeerdns_leaveResolvConfAlone() throws Exception {
        Path target = temp.resolve("resolv.conf");
        Files.writeString(target, "nameserver 192.0.2.99\n");
        Files.writeString(etc.resolve("resolv.conf"), "nameserver 10.77.0.53\n");
        Map<String, String> env = Map.of("JPPP_RESOLV_CONF", target.toString());

        assertEquals(0, run(etc.resolve("ip-up"), IP_ARGS, env));
        assertEquals("nameserver 192.0.2.99\n", Files.readString(target));
        try (Stream<Path> files = Files.list(temp)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("resolv.conf.")), "no backup");
        }
    }

    @Test
    void dnsHooks_keepASymlinkedResolvConfASymlink() throws Exception {
        Path real = temp.resolve("stub-resolv.conf");
        Files.writeString(real, "nameserver 127.0.0.53\n");
        Path target = Files.createSymbolicLink(temp.resolve("resolv.conf"), real);
        Files.writeString(etc.resolve("resolv.conf"), "nameserver 10.77.0.53\n");
        Map<String, String> env = Map.of("USEPEERDNS", "1", "JPPP_RESOLV_CONF", target.toString());

        assertEquals(0, run(etc.resolve("ip-up"), IP_ARGS, env));
        assertFalse(Files.isSymbolicLink(target));
        assertEquals("nameserver 10.77.0.53\n", Files.readString(target));
        assertEquals(0, run(etc.resolve("ip-down"), IP_ARGS, env));

        assertTrue(Files.isSymbolicLink(target));
        assertEquals(real, Files.readSymbolicLink(target));
        assertEquals("nameserver 127.0.0.53\n", Files.readString(real), "the link's target was not written");
        assertTrue(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
    }
}
