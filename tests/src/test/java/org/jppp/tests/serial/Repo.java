package org.jppp.tests.serial;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where the repository, its launcher and the shared reference peer are. */
public final class Repo {
    private Repo() {}

    /** The repository root: this module's parent, found from Maven's basedir or the working directory. */
    public static Path root() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return Files.exists(base.resolve("bin/pppd")) ? base : base.getParent();
    }

    public static Path pppd() {
        return root().resolve("bin/pppd");
    }

    public static Path jpppd() {
        return root().resolve("bin/jpppd");
    }

    public static Path pppoeServer() {
        return root().resolve("bin/pppoe-server");
    }

    /**
     * refpeer lives in {@code shared/} beside the repository (a dev session's /work/shared, or the
     * CI checkout's {@code <repo>/../shared}). Missing, it is an error, never a reason to skip.
     */
    public static Path refpeer() {
        Path dir = root().getParent().resolve("shared/refpeer");
        if (!Files.isExecutable(dir.resolve("start-serial.sh"))) {
            throw new IllegalStateException("refpeer not found: expected " + dir
                    + "/start-serial.sh (clone the shared directory beside the repository)");
        }
        return dir;
    }

    /**
     * The class path bin/pppd runs from (its JPPP_CLASSPATH): the one Maven built for this test
     * run, so the code under test is the code just compiled, never a stale jar. Test classes and
     * their logback-test.xml are left out: bin/pppd logs as it does for a user.
     */
    public static String classPath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(all.split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
