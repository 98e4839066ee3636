package org.jppp.tests.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jppp.tests.lab.AccessConcentratorLab;
import org.jppp.tests.lab.AccessConcentratorLab.AccessConcentrator;
import org.jppp.tests.pppoe.PppoeEtc;
import org.jppp.tests.serial.Commands;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;

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
    private final AccessConcentratorLab lab;
    private final PppdProcess server;
    private final Map<String, String> exported = new LinkedHashMap<>();

    private AcLab(AccessConcentratorLab lab, AccessConcentrator ac, Path etc, Path run) {
        this.lab = lab;
        this.root = lab.root();
        this.etc = etc;
        this.run = run;
        this.acNs = ac.ns();
        this.userNs = lab.clientNs();
        this.server = ac.server();
    }

    static AcLab start(String name) throws Exception {
        AccessConcentratorLab lab = AccessConcentratorLab.create(name);
        try {
            AccessConcentrator ac = lab.accessConcentrator("ac").options("auth", "require-chap", "name jppp-ac",
                    "ms-dns 10.99.0.53", "lcp-echo-interval 5", "lcp-echo-failure 3").pool("10.99.0.10-250")
                    .args("-L", "10.99.0.1", "-N", "20", "-C", "jppp-ac", "-S", "internet", "--padi-rate", "100:100")
                    .start();
            Path etc = PppoeEtc.user(lab.root(), "etc");
            Path run = Files.createDirectories(lab.root().resolve("run"));
            return new AcLab(lab, ac, etc, run);
        } catch (Exception | Error e) {
            lab.close();
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
    Ran sh(String command, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(userNs.prefix(List.of("bash", "-c", command)))
                .directory(Repo.root().toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(environment());
        long start = System.nanoTime();
        Commands.Result ran = Commands.run(pb, timeout);
        return new Ran(command, ran.status(), ran.output(), Duration.ofNanos(System.nanoTime() - start));
    }

    String acLog() {
        return server.log();
    }

    int count(Pattern pattern) {
        return server.count(pattern);
    }

    /** Waits until the access concentrator's log matches {@code pattern} {@code n} times. */
    void awaitAc(Pattern pattern, int n, Duration timeout) throws InterruptedException {
        server.awaitCount(pattern, n, timeout);
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
        } finally {
            lab.close();
        }
    }
}
