package org.jppp.tests.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jppp.tests.serial.Commands;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;
import org.jppp.tests.serial.TempDirs;

/**
 * A user's machine and an ISP: our {@code bin/pppoe-server} (service {@code internet}, CHAP,
 * 10.99.0.1, DNS 10.99.0.53) in one random namespace, and the user's namespace on the other end
 * of {@code veth0}, with a JPPP_ETC_DIR holding alice's secrets and JPPP_RUN_DIR beside it. The
 * user's commands run as processes, as from a shell: {@link #sh} runs a command line with bash in
 * the user's namespace and returns when it exits and its output is closed.
 */
final class AcLab implements AutoCloseable {
    static final Pattern CLOSED = Pattern.compile("Session \\d+ closed for client ");
    static final Pattern PADT = Pattern.compile("Session \\d+ closed for client [0-9a-f:]+: Received PADT");

    final Path root;
    final Path etc;
    final Path run;
    final NetNamespace acNs;
    final NetNamespace userNs;
    private final PppdProcess server;
    private final Map<String, String> exported = new LinkedHashMap<>();

    private AcLab(Path root, Path etc, Path run, NetNamespace acNs, NetNamespace userNs, PppdProcess server) {
        this.root = root;
        this.etc = etc;
        this.run = run;
        this.acNs = acNs;
        this.userNs = userNs;
        this.server = server;
    }

    static AcLab start(String name) throws Exception {
        Path root = Files.createTempDirectory("jppp-" + name);
        NetNamespace acNs = null;
        NetNamespace userNs = null;
        try {
            acNs = NetNamespace.create();
            userNs = NetNamespace.create();
            acNs.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth0", "netns", userNs.name())
                    .requireSuccess();
            acNs.exec("ip", "link", "set", "veth0", "up").requireSuccess();
            userNs.exec("ip", "link", "set", "veth0", "up").requireSuccess();
            Path acEtc = TempDirs.etc(root, "ac");
            TempDirs.secrets(acEtc, "alice", "*", "s3cret");
            Files.writeString(acEtc.resolve("pppoe-server-options"),
                    "auth\nrequire-chap\nname jppp-ac\nms-dns 10.99.0.53\nlcp-echo-interval 5\nlcp-echo-failure 3\n");
            Path pool = acEtc.resolve("pool");
            Files.writeString(pool, "10.99.0.10-250\n");
            PppdProcess server = PppdProcess.start(acNs.prefix(List.of(Repo.pppoeServer().toString(), "-F",
                    "-I", "veth0", "-L", "10.99.0.1", "-p", pool.toString(), "-N", "20", "-C", "jppp-ac",
                    "-S", "internet", "--padi-rate", "100:100")), acEtc, acEtc);
            Path etc = TempDirs.etc(root, "etc");
            TempDirs.secrets(etc, "alice", "*", "s3cret");
            Files.createDirectories(etc.resolve("peers"));
            Path run = Files.createDirectories(root.resolve("run"));
            AcLab lab = new AcLab(root, etc, run, acNs, userNs, server);
            server.awaitLog("pppoe-server: serving [veth0]", Duration.ofSeconds(60));
            return lab;
        } catch (Exception | Error e) {
            for (NetNamespace ns : new NetNamespace[] {acNs, userNs}) {
                if (ns != null) {
                    ns.close();
                }
            }
            TempDirs.delete(root);
            throw e;
        }
    }

    /** Writes {@code peers/NAME}: the seed's PPPoE peer (rp-pppoe, nic-veth0, user alice), then {@code lines}. */
    void peer(String name, String... lines) throws IOException {
        StringBuilder text = new StringBuilder("plugin rp-pppoe.so\nnic-veth0\nuser alice\nnoauth\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(etc.resolve("peers/" + name), text);
    }

    /**
     * The environment of the user's shell: JPPP_ETC_DIR, JPPP_RUN_DIR, the classes just built,
     * and whatever a test {@link #export}ed.
     */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(PppdProcess.environment(etc, run));
        env.putAll(exported);
        return env;
    }

    /** {@code export NAME=VALUE} in the user's shell, for the commands run from now on. */
    void export(String name, String value) {
        exported.put(name, value);
    }

    /** What a command did: its exit status, its standard output and error (merged), and how long it took. */
    record Ran(String command, int status, String output, Duration took) {
        Ran requireStatus(int expected) {
            assertTrue(status == expected, "`" + command + "` exited " + status + " (expected " + expected + ");"
                    + " its output:\n" + output);
            return this;
        }
    }

    /**
     * Runs {@code command} with bash in the user's namespace, from the repository's root, and
     * waits for it to exit <em>and</em> for its output to close: a command that leaves a
     * process behind holding the terminal (a pppd that did not really detach) fails here.
     */
    Ran sh(String command, Duration timeout) throws Exception {
        List<String> argv = new ArrayList<>(userNs.prefix(List.of("bash", "-c", command)));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(Repo.root().toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(environment());
        long start = System.nanoTime();
        Process p = pb.start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = ("(output lost: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            reader.join(2000);
            fail("`" + command + "` did not exit within " + timeout + "; output so far unavailable");
        }
        reader.join(10_000);
        if (reader.isAlive()) {
            fail("`" + command + "` exited " + p.exitValue() + " but left its output open 10 s later:"
                    + " something it started still holds the terminal");
        }
        return new Ran(command, p.exitValue(), new String(out[0], StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
    }

    String acLog() {
        return server.log();
    }

    int count(Pattern pattern) {
        Matcher m = pattern.matcher(acLog());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Waits until the access concentrator's log matches {@code pattern} {@code n} times. */
    void awaitAc(Pattern pattern, int n, Duration timeout) throws InterruptedException {
        await(() -> count(pattern) >= n, timeout, () -> "the access concentrator did not log " + pattern + " "
                + n + " times; its log:\n" + acLog());
    }

    /** The pid in {@code $JPPP_RUN_DIR/NAME.pid}, or -1 when there is none. */
    long pidFile(String name) {
        try {
            Path file = run.resolve(name + ".pid");
            return Files.exists(file) ? Long.parseLong(Files.readAllLines(file).get(0).trim()) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The IPv4 address of {@code ifname} in the user's namespace, or "" when it has none (or does not exist). */
    String address(String ifname) {
        Matcher m = Pattern.compile("inet (\\d+\\.\\d+\\.\\d+\\.\\d+)").matcher(
                userNs.exec("ip", "-4", "addr", "show", "dev", ifname).output());
        return m.find() ? m.group(1) : "";
    }

    /** The names of the ppp interfaces in the user's namespace. */
    List<String> pppInterfaces() {
        Matcher m = Pattern.compile("(?m)^\\d+: (ppp\\d+)").matcher(userNs.exec("ip", "-o", "link").output());
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> why)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(why.get());
            }
            Thread.sleep(100);
        }
    }

    /** The processes running in the user's namespace (a detached pppd, jpppd), by {@code ip netns pids}. */
    List<Long> userProcesses() {
        List<Long> pids = new ArrayList<>();
        for (String line : Commands.run("ip", "netns", "pids", userNs.name()).output().split("\n")) {
            if (line.matches("\\d+")) {
                pids.add(Long.parseLong(line));
            }
        }
        return pids;
    }

    /** Kills what the user's commands left running (when the test failed), then the namespaces and files. */
    @Override
    public void close() throws Exception {
        try {
            for (long pid : userProcesses()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            server.close();
        } finally {
            userNs.close();
            acNs.close();
            TempDirs.delete(root);
        }
    }
}
