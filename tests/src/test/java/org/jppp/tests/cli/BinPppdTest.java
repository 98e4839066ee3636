package org.jppp.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/pppd} as a real process, as a user would, against a temporary JPPP_ETC_DIR. In
 * {@code mvn verify} the supervisor jar is packaged before this module's tests run; without it
 * the launcher builds the jar itself.
 */
class BinPppdTest {
    @TempDir
    Path etc;

    /** The repository root: this module's parent, found from Maven's basedir or the working directory. */
    private static Path repoRoot() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return Files.exists(base.resolve("bin/pppd")) ? base : base.getParent();
    }

    private record Result(int status, String out, String err) {}

    private Result pppd(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(repoRoot().resolve("bin/pppd").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JPPP_ETC_DIR", etc.toString());
        Path out = etc.resolve("stdout");
        Path err = etc.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "bin/pppd did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void callDryrunAndBogusOption() throws Exception {
        Files.createDirectories(etc.resolve("peers"));
        Files.writeString(etc.resolve("options"), "lock\n");
        Files.writeString(etc.resolve("peers/dsl"),
                "plugin rp-pppoe.so\nnic-eth0\nuser \"someone@isp\"\npassword secret\npersist\nmtu 1492\n");
        Result ok = pppd("call", "dsl", "dryrun");
        String peer = etc.resolve("peers/dsl").toString();
        assertEquals(0, ok.status(), ok.err());
        assertEquals("pppd options in effect:\n"
                + "persist\t\t# (from " + peer + ")\n"
                + "dryrun\t\t# (from command line)\n"
                + "plugin rp-pppoe.so\t\t# (from " + peer + ")\n"
                + "lock\t\t# (from " + etc.resolve("options") + ")\n"
                + "user someone@isp\t\t# (from " + peer + ")\n"
                + "password ??????\t\t# (from " + peer + ")\n"
                + "mtu 1492\t\t# (from " + peer + ")\n"
                + "nic-eth0\t\t# (from " + peer + ")\n", ok.out());
        assertTrue(ok.err().contains("Plugin rp-pppoe.so loaded."), ok.err());

        Files.writeString(etc.resolve("peers/bad"), "persist\n\n\n\n\n\nbogus\n");
        Result bad = pppd("call", "bad");
        assertEquals(2, bad.status());
        assertEquals("pppd: In file " + etc.resolve("peers/bad") + " (line 7): unrecognized option 'bogus'\n",
                bad.err());
    }
}
