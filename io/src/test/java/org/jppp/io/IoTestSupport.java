package org.jppp.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.Libc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** An event loop and an actor system (for running streams) per test class, and small helpers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IoTestSupport {
    protected EventLoop loop;
    protected ActorSystem system;

    @BeforeAll
    void startLoop() {
        loop = EventLoop.start("jppp-io-test-" + getClass().getSimpleName());
        system = ActorSystem.create("t");
    }

    @AfterAll
    void stopLoop() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        loop.close();
    }

    protected static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** Completes with the first {@code length} bytes {@code source} emits, however they are chunked. */
    protected CompletionStage<ByteString> firstBytes(Source<ByteString, ?> source, int length) {
        return source.scan(ByteString.emptyByteString(), ByteString::concat)
                .filter(all -> all.size() >= length)
                .map(all -> all.take(length))
                .runWith(Sink.head(), system);
    }

    /** A non-blocking, close-on-exec pipe: {@code [readFd, writeFd]}. */
    public static int[] pipe() {
        int[] fds = new int[2];
        Libc.check(Libc.pipe2(fds, Libc.O_NONBLOCK | Libc.O_CLOEXEC), "pipe2");
        return fds;
    }

    /** Every byte value 0..255, twice, so that CR, LF, XON, XOFF, DEL and ^C all appear. */
    public static byte[] allByteValues() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** Runs a command, returning its exit status and combined output. */
    public static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed and returns its output. */
    public static String runOk(String... command) throws IOException, InterruptedException {
        Result result = run(command);
        if (result.status() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + result.status() + ": " + result.output());
        }
        return result.output();
    }

    public record Result(int status, String output) {}
}
