package org.jppp.tests.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** JPPP_ETC_DIR trees for one pppd each, and their clean-up. */
public final class TempDirs {
    private TempDirs() {}

    public static Path etc(Path root, String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    /** chap-secrets and pap-secrets holding one entry ({@code client server secret *}). */
    public static void secrets(Path etc, String client, String server, String secret) throws IOException {
        String line = "\"" + client + "\" " + server + " \"" + secret + "\" *\n";
        for (String name : new String[] {"chap-secrets", "pap-secrets"}) {
            Path file = etc.resolve(name);
            Files.writeString(file, line);
            // pppd warns about secrets others can read; so does jppp.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** An executable shell script (ip-up, say) with this body. */
    public static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * The text of {@code file} once it is there and holds {@code expected}: files written by a
     * run's hooks (resolv.conf) appear shortly after the line that announces the link.
     */
    public static String awaitContent(Path file, String expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            String text = Files.exists(file) ? Files.readString(file) : "";
            if (text.contains(expected) || System.nanoTime() > deadline) {
                return text;
            }
            Thread.sleep(50);
        }
    }

    /**
     * The end of a test class: closes what was opened (namespaces, guests; null when setting up
     * failed before them), then deletes the temporary root.
     */
    public static void cleanUp(Path root, AutoCloseable... resources) throws Exception {
        for (AutoCloseable r : resources) {
            if (r != null) {
                r.close();
            }
        }
        delete(root);
    }

    public static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
