package org.jppp.supervisor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jppp.io.log.SyslogAppender;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.LoggingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    @TempDir
    Path dir;

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private static Logger root() {
        return context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static List<String> appenders() {
        List<String> kinds = new ArrayList<>();
        root().iteratorForAppenders().forEachRemaining((Appender<?> a) -> kinds.add(a.getClass().getSimpleName()));
        return kinds;
    }

    private static LoggingSettings logging(int debug, Optional<String> logfile, boolean nolog, Detach detach) {
        return new LoggingSettings(debug, 0, logfile, OptionalInt.empty(), nolog, detach, false, false);
    }

    @AfterEach
    void restoreTestConfiguration() throws Exception {
        context().reset();
        new ContextInitializer(context()).autoConfig();
    }

    @Test
    void defaultRun_syslogAlways_stderrUntilConnected() {
        LogSetup.apply(logging(0, Optional.empty(), false, Detach.DETACH));
        assertEquals(List.of("SyslogAppender", "ConsoleAppender"), appenders());
        assertEquals(Level.INFO, context().getLogger("org.jppp").getLevel());
        LogSetup.detached(logging(0, Optional.empty(), false, Detach.DETACH));
        assertEquals(List.of(SyslogAppender.class.getSimpleName()), appenders());
    }

    @Test
    void nodetach_keepsStderr_debugLowersOnlyJpppLoggers() {
        LoggingSettings settings = logging(1, Optional.empty(), false, Detach.NODETACH);
        LogSetup.apply(settings);
        LogSetup.detached(settings);
        assertEquals(List.of("SyslogAppender", "ConsoleAppender"), appenders());
        assertEquals(Level.DEBUG, context().getLogger("org.jppp").getLevel());
        assertEquals(Level.WARN, context().getLogger("org.apache.pekko").getLevel());
    }

    @Test
    void logfile_appendsLinesAsPppdWritesThem() throws Exception {
        Path file = dir.resolve("ppp.log");
        Files.writeString(file, "earlier\n");
        LogSetup.apply(logging(0, Optional.of(file.toString()), false, Detach.NODETACH));
        LoggerFactory.getLogger("org.jppp.pppd").info("Connect: ppp0 <--> /dev/ttyS0");
        assertEquals("earlier\nConnect: ppp0 <--> /dev/ttyS0\n", Files.readString(file));
    }

    @Test
    void nolog_ignoresTheLogfile() {
        Path file = dir.resolve("ppp.log");
        LogSetup.apply(logging(0, Optional.of(file.toString()), true, Detach.NODETACH));
        LoggerFactory.getLogger("org.jppp.pppd").info("Exit.");
        assertTrue(!Files.exists(file));
        assertEquals(List.of("SyslogAppender", "ConsoleAppender"), appenders());
    }

    @Test
    void peerInMdc_prefixesTheLine_withoutItTheLineIsUnchanged() throws Exception {
        Path file = dir.resolve("ppp.log");
        LogSetup.apply(logging(0, Optional.of(file.toString()), false, Detach.NODETACH));
        org.slf4j.Logger pppd = LoggerFactory.getLogger("org.jppp.pppd");
        pppd.info("Using interface ppp0");
        org.slf4j.MDC.put(org.jppp.actors.Mdc.PEER, "provider2");
        try {
            pppd.info("Connect: ppp1 <--> eth0");
        } finally {
            org.slf4j.MDC.remove(org.jppp.actors.Mdc.PEER);
        }
        assertEquals("Using interface ppp0\nprovider2: Connect: ppp1 <--> eth0\n", Files.readString(file));
    }
}
