package org.jppp.tests.serial;

import static org.junit.jupiter.api.Assertions.fail;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code bin/pppd} as a real process in a network namespace, with its own JPPP_ETC_DIR and
 * JPPP_RUN_DIR, standard output and error going to {@code pppd.log} in the etc directory.
 */
public final class PppdProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private PppdProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static PppdProcess start(NetNamespace ns, Path etc, Path run, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Repo.pppd().toString()));
        command.addAll(args);
        return start(ns.prefix(command), etc, run);
    }

    /** A command line that runs bin/pppd somewhere inside (a wrapper script, say). */
    public static PppdProcess start(List<String> command, Path etc, Path run) {
        Path log = etc.resolve("pppd.log");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(log.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(environment(etc, run));
        try {
            return new PppdProcess(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** What bin/pppd needs from the environment (also for a second pppd started by the first). */
    public static Map<String, String> environment(Path etc, Path run) {
        return Map.of("JPPP_ETC_DIR", etc.toString(), "JPPP_RUN_DIR", run.toString(),
                "JPPP_CLASSPATH", Repo.classPath());
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits until the log holds {@code text}; fails with the log when it does not come. */
    public void awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("pppd did not log \"" + text + "\" within " + timeout + (process.isAlive() ? "" :
                        " (exited with " + process.exitValue() + ")") + "; its log:\n" + log());
            }
            Thread.sleep(100);
        }
    }

    /**
     * As {@link #awaitLog(String, Duration)}, and a failure also shows {@code other}'s log (the
     * access concentrator's or the peer's side of the story).
     */
    public void awaitLog(String text, Duration timeout, PppdProcess other) throws InterruptedException {
        try {
            awaitLog(text, timeout);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nthe other side's log:\n" + other.log(), e);
        }
    }

    /** How many times the log matches {@code pattern} so far. */
    public int count(Pattern pattern) {
        return Logs.count(log(), pattern);
    }

    /**
     * Waits until the log matches {@code pattern} at least {@code n} times and returns the count
     * then (a caller that expects exactly {@code n} asserts it); fails with the log when it does not come.
     */
    public int awaitCount(Pattern pattern, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int count = count(pattern);; count = count(pattern)) {
            if (count >= n) {
                return count;
            }
            if (System.nanoTime() > deadline) {
                fail("the log matched " + pattern + " " + count + " times within " + timeout + " (" + n
                        + " expected)" + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")")
                        + "; the log:\n" + log());
            }
            Thread.sleep(100);
        }
    }

    /** Waits for the exit; fails with the log if it does not come. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("pppd did not exit within " + timeout + "; its log:\n" + log());
        }
        return process.exitValue();
    }

    /** The process id ({@code ip netns exec} exec's into java, so it is the pppd's own). */
    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as a user's {@code kill} (the namespace's {@code ip netns exec} exec'd into java). */
    public void terminate() {
        process.destroy();
    }

    /** Another signal by name ({@code INT}, say), sent as {@code kill -INT} would. */
    public void signal(String name) {
        Commands.run("kill", "-" + name, Long.toString(process.pid())).requireSuccess();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
