package org.jppp.tests.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * jppp against jppp over a pty: two namespaces of the test's own, A (where the test starts
 * {@code bin/pppd pty ...}) and B (where that pty command runs the other pppd), and a temporary
 * directory for their JPPP_ETC_DIR trees. {@link #close()} deletes all three.
 */
public final class PtyLab implements AutoCloseable {
    private final Path root;
    private final NetNamespace a;
    private final NetNamespace b;

    private PtyLab(Path root, NetNamespace a, NetNamespace b) {
        this.root = root;
        this.a = a;
        this.b = b;
    }

    /** The directory ({@code jppp-NAME...} in the temporary directory) and the two namespaces. */
    public static PtyLab create(String name) throws Exception {
        Path root = Files.createTempDirectory("jppp-" + name);
        NetNamespace a = null;
        try {
            a = NetNamespace.create();
            return new PtyLab(root, a, NetNamespace.create());
        } catch (RuntimeException | Error e) {
            TempDirs.cleanUp(root, a);
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    /** The namespace the test's own pppd runs in. */
    public NetNamespace a() {
        return a;
    }

    /** The namespace A's pty command runs the other pppd in. */
    public NetNamespace b() {
        return b;
    }

    /**
     * A's {@code pty} option: {@code command} in B, with the environment bin/pppd needs
     * (JPPP_ETC_DIR and JPPP_RUN_DIR {@code etc}) written before {@code ip netns exec}.
     */
    public String ptyInB(Path etc, List<String> command) throws IOException {
        return "env " + PppdProcess.environment(etc, etc).entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue() + "'").collect(Collectors.joining(" "))
                + " " + String.join(" ", b.prefix(command));
    }

    @Override
    public void close() throws Exception {
        TempDirs.cleanUp(root, a, b);
    }
}
