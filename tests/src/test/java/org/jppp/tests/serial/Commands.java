package org.jppp.tests.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion and returns what it printed; the test harness's one way to fork. */
public final class Commands {
    /** Exit status and merged standard output and error. */
    public record Result(List<String> command, int status, String output) {
        public Result requireSuccess() {
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + status + ":\n" + output);
            }
            return this;
        }
    }

    private Commands() {}

    public static Result run(Duration timeout, List<String> command) {
        return run(new ProcessBuilder(command), timeout);
    }

    /**
     * Runs {@code builder} (its command, directory, environment and input as set) with standard
     * error merged into the output, and waits for it to exit <em>and</em> for its output to
     * close: a command that leaves a process behind holding its output (a pppd that did not
     * really detach) fails here 10 s after its exit.
     */
    public static Result run(ProcessBuilder builder, Duration timeout) {
        List<String> command = List.copyOf(builder.command());
        try {
            Process p = builder.redirectErrorStream(true).start();
            p.getOutputStream().close();
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
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            reader.join(10_000);
            if (reader.isAlive()) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue()
                        + " but left its output open 10 s later: something it started still holds it");
            }
            return new Result(command, p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    public static Result run(String... command) {
        return run(Duration.ofSeconds(60), List.of(command));
    }
}
