package org.jppp.tests.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * jppp against jppp over a pty, as a test class's extension: two namespaces of the class's own,
 * A (where the test starts {@code bin/pppd pty ...}) and B (where that pty command runs the other
 * pppd), and a temporary directory for their JPPP_ETC_DIR trees, created before the class's
 * tests and deleted after them (also when creating them failed half-way).
 *
 * <pre>{@code @RegisterExtension static final PtyLab LAB = new PtyLab("ovo");}</pre>
 */
public final class PtyLab implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private Path root;
    private NetNamespace a;
    private NetNamespace b;

    /** {@code name} names the temporary directory ({@code jppp-NAME...}). */
    public PtyLab(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("jppp-" + name);
        a = NetNamespace.create();
        b = NetNamespace.create();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TempDirs.cleanUp(root, a, b);
    }

    public Path root() {
        return root;
    }

    /** A JPPP_ETC_DIR {@code ROOT/dir}. */
    public Path etc(String dir) throws IOException {
        return TempDirs.etc(root, dir);
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
    public String ptyInB(Path etc, List<String> command) {
        return "env " + PppdProcess.environment(etc, etc).entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue() + "'").collect(Collectors.joining(" "))
                + " " + String.join(" ", b.prefix(command));
    }
}
