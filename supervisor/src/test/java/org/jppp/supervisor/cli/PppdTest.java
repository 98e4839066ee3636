package org.jppp.supervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jppp.supervisor.options.SystemProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The pppd entry point run in-process against a temporary JPPP_ETC_DIR. */
class PppdTest {
    private static final SystemProbe NOTHING = new SystemProbe() {
        @Override
        public boolean deviceExists(String name) {
            return false;
        }

        @Override
        public boolean interfaceExists(String name) {
            return false;
        }
    };

    @TempDir
    Path etc;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void peers() throws IOException {
        Files.createDirectories(etc.resolve("peers"));
    }

    private int run(String... args) {
        return Pppd.run(List.of(args), Map.of("JPPP_ETC_DIR", etc.toString()), NOTHING,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void callDryrunPrintsOptionsWithSourcesAndHidesThePassword() throws IOException {
        Files.writeString(etc.resolve("peers/x"), "/dev/ttyS1\npersist\nuser alice\npassword wonderland\n");
        assertEquals(0, run("call", "x", "dryrun"));
        String peer = etc.resolve("peers/x").toString();
        assertEquals("pppd options in effect:\n"
                + "/dev/ttyS1\t\t# (from " + peer + ")\n"
                + "persist\t\t# (from " + peer + ")\n"
                + "dryrun\t\t# (from command line)\n"
                + "user alice\t\t# (from " + peer + ")\n"
                + "password ??????\t\t# (from " + peer + ")\n", out());
        assertFalse(out().contains("wonderland") || err().contains("wonderland"));
        assertEquals("", err());
    }

    @Test
    void bogusOptionExitsTwoNamingFileAndLine() throws IOException {
        Files.writeString(etc.resolve("peers/x"), "# x\npersist\n\n\nmru 1492\nnoauth\nbogus\n");
        assertEquals(Pppd.EXIT_OPTION_ERROR, run("call", "x", "dryrun"));
        assertEquals("pppd: In file " + etc.resolve("peers/x") + " (line 7): unrecognized option 'bogus'\n", err());
        assertEquals("", out());
    }

    @Test
    void commandLineErrorsHaveNoFileOrLine() {
        assertEquals(2, run("mru", "abc"));
        assertEquals("pppd: invalid numeric parameter 'abc' for mru option (expected an integer 128..16384)\n",
                err());
    }

    @Test
    void unsupportedOptionExitsTwo() {
        assertEquals(2, run("deflate", "15"));
        assertEquals("pppd: option 'deflate' is not supported by jppp\n", err());
    }

    /** Without dryrun the link is run: a device that cannot be opened is pppd's EXIT_OPEN_FAILED. */
    @Test
    void withoutDryrunTheLinkRuns_aMissingDeviceExitsSeven() throws Exception {
        try {
            assertEquals(7, run("/dev/jppp-test-no-such-tty", "noauth", "nodetach"));
            assertEquals("", out());
        } finally {
            // The run configured logback for itself; give the other tests theirs back.
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            new ContextInitializer(context).autoConfig();
        }
    }

    @Test
    void badJpppConfIsAnOptionErrorNotAStackTrace() throws IOException {
        Files.writeString(etc.resolve("jppp.conf"), "pppd { holdoff = many }\n");
        assertEquals(2, run("dryrun"));
        assertTrue(err().startsWith("pppd: configuration key pppd.holdoff: "), err());
        assertFalse(err().contains("\tat "), err());
    }
}
