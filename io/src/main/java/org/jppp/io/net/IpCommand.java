package org.jppp.io.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2's {@code ip} through a fixed command prefix: {@code ip} in the current network
 * namespace, or e.g. {@code ip netns exec NS ip} in tests. Forking {@code ip} costs about 1.6 ms;
 * route changes happen once per link-up, so that is cheap there and spares jppp a netlink client.
 * (The per-session TUN setup, which is hot, uses ioctl instead.)
 */
public final class IpCommand {
    private static final long TIMEOUT_SECONDS = 10;

    private final List<String> prefix;

    /** {@code prefix} is the command that stands for {@code ip}, e.g. {@code [ip]}. */
    public IpCommand(List<String> prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("the ip command prefix is empty");
        }
        this.prefix = List.copyOf(prefix);
    }

    /** {@code ip} from PATH, in the current network namespace. */
    public static IpCommand inCurrentNamespace() {
        return new IpCommand(List.of("ip"));
    }

    /** What one run printed and returned. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** Whether ip succeeded. */
        public boolean ok() {
            return exitCode == 0;
        }

        /** A one-line description for a log: the command and what ip said. */
        public String describe() {
            String said = stderr.isBlank() ? "exit status " + exitCode : stderr.strip().replace('\n', ' ');
            return String.join(" ", command) + ": " + said;
        }
    }

    /** Runs {@code ip ARGS...}; throws only when ip could not be run or did not finish. */
    public Result run(String... args) throws RouteException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new RouteException("cannot run " + String.join(" ", command) + ": " + e.getMessage());
        }
        // Both pipes are drained concurrently so a chatty ip cannot block on a full pipe.
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new RouteException(String.join(" ", command) + ": no answer after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(command, process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RouteException(String.join(" ", command) + ": interrupted");
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
