package org.jppp.supervisor.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jppp.actors.Mdc;
import org.jppp.actors.PppdLog;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.LoggingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * pppd's {@code logfile} per peer of jpppd: a peer's lines (MDC {@link Mdc#PEER}) and only its
 * own reach its file, the message alone; {@code nolog} writes nothing; a file shared by peers is
 * opened once and closed with its last peer; a file that cannot be opened is one error line.
 */
class PeerLogFilesTest {
    @TempDir
    Path dir;

    private PeerLogFiles files;
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @BeforeEach
    void attach() {
        files = PeerLogFiles.attach(Optional.of(dir.resolve("daemon.log")));
        captured.setContext(root().getLoggerContext());
        captured.start();
        root().addAppender(captured);
    }

    @AfterEach
    void detach() {
        root().detachAppender(captured);
        files.detach();
    }

    private static LoggingSettings logging(Optional<Path> logfile, boolean nolog) {
        return new LoggingSettings(0, 0, logfile.map(Path::toString), OptionalInt.empty(), nolog, Detach.NODETACH,
                false, false);
    }

    private static void logFor(String peer, String message) {
        MDC.put(Mdc.PEER, peer);
        try {
            PppdLog.LOG.info(message);
        } finally {
            MDC.remove(Mdc.PEER);
        }
    }

    /** How many descriptors of this process are open on {@code file}. */
    static long openDescriptors(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(target);
                } catch (IOException e) {
                    // The descriptor closed while we looked (the listing's own, say).
                    return false;
                }
            }).count();
        }
    }

    @Test
    void peerWithLogfile_getsItsOwnLinesOnly_asPppdWritesThem() throws Exception {
        Path a = dir.resolve("a.log");
        Files.writeString(a, "earlier\n");
        assertTrue(files.open("one", logging(Optional.of(a), false)).isPresent());
        assertTrue(files.open("two", logging(Optional.empty(), false)).isEmpty());

        logFor("one", "Connect: ppp0 <--> /dev/pts/3");
        logFor("two", "Connect: ppp1 <--> /dev/pts/4");
        PppdLog.LOG.info("jpppd 42 started");
        logFor("one", "local  IP address 10.0.0.2");

        assertEquals("earlier\nConnect: ppp0 <--> /dev/pts/3\nlocal  IP address 10.0.0.2\n", Files.readString(a));
    }

    @Test
    void nolog_cancelsLogfile_andTheDaemonsOwnFileIsNotOpenedTwice() throws Exception {
        Path c = dir.resolve("c.log");
        assertTrue(files.open("three", logging(Optional.of(c), true)).isEmpty());
        assertTrue(files.open("four", logging(Optional.of(dir.resolve("x/../daemon.log")), false)).isEmpty());
        logFor("three", "Connect: ppp2 <--> /dev/pts/5");
        logFor("four", "Connect: ppp3 <--> /dev/pts/6");
        assertFalse(Files.exists(c));
        assertFalse(Files.exists(dir.resolve("daemon.log")), "the daemon's file is cli/Jpppd's to open");
        assertEquals(Map.of(), files.openFiles());
    }

    @Test
    void sharedFile_openedOnce_closedWithItsLastPeer() throws Exception {
        Path shared = dir.resolve("shared.log");
        PeerLogFiles.Registration one = files.open("one", logging(Optional.of(shared), false)).orElseThrow();
        PeerLogFiles.Registration two = files.open("two", logging(Optional.of(shared), false)).orElseThrow();
        assertEquals(1, openDescriptors(shared));
        assertEquals(Map.of(shared, 2), files.openFiles());

        logFor("one", "Connect: ppp0 <--> eth0");
        logFor("two", "Connect: ppp1 <--> eth0");
        one.close();
        one.close();
        logFor("one", "after one stopped");
        logFor("two", "Connection terminated.");
        assertEquals(1, openDescriptors(shared));
        two.close();
        assertEquals(0, openDescriptors(shared));
        assertEquals(Map.of(), files.openFiles());
        logFor("two", "after two stopped");

        assertEquals("Connect: ppp0 <--> eth0\nConnect: ppp1 <--> eth0\nConnection terminated.\n",
                Files.readString(shared));
    }

    @Test
    void manyUpDownCycles_leaveNoDescriptor() throws Exception {
        Path a = dir.resolve("a.log");
        for (int i = 0; i < 200; i++) {
            PeerLogFiles.Registration r = files.open("one", logging(Optional.of(a), false)).orElseThrow();
            logFor("one", "cycle " + i);
            r.close();
        }
        assertEquals(0, openDescriptors(a));
        assertEquals(Map.of(), files.openFiles());
        assertEquals(200, Files.readAllLines(a).size());
    }

    @Test
    void unopenableFile_isOneErrorLineNamingPeerAndFile_noStackTrace() throws Exception {
        Path missing = dir.resolve("no-such-dir/ppp.log");
        assertTrue(files.open("one", logging(Optional.of(missing), false)).isEmpty());
        logFor("one", "Connect: ppp0 <--> eth0");

        List<ILoggingEvent> errors = captured.list.stream()
                .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR).toList();
        assertEquals(1, errors.size());
        ILoggingEvent error = errors.get(0);
        assertEquals("one", error.getMDCPropertyMap().get(Mdc.PEER));
        assertEquals("Can't open log file " + missing + ": No such file or directory", error.getFormattedMessage());
        assertEquals(null, error.getThrowableProxy());
        assertFalse(Files.exists(missing.getParent()), "pppd creates no directory for its log file");
        assertEquals(Map.of(), files.openFiles());
    }

    @Test
    void directoryAsLogfile_saysWhy() throws Exception {
        assertTrue(files.open("one", logging(Optional.of(dir), false)).isEmpty());
        List<String> errors = captured.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of("Can't open log file " + dir + ": Is a directory"), errors);
    }

    @Test
    void lineLoggedFromAnInterruptedThread_doesNotCloseTheFile() throws Exception {
        Path a = dir.resolve("a.log");
        files.open("one", logging(Optional.of(a), false)).orElseThrow();
        Thread.currentThread().interrupt();
        try {
            logFor("one", "Connect script failed");
        } finally {
            Thread.interrupted();
        }
        logFor("one", "Exit.");
        assertEquals("Connect script failed\nExit.\n", Files.readString(a));
    }

    @Test
    void detach_closesEveryFile() throws Exception {
        Path a = dir.resolve("a.log");
        files.open("one", logging(Optional.of(a), false)).orElseThrow();
        assertEquals(1, openDescriptors(a));
        files.detach();
        assertEquals(0, openDescriptors(a));
        files = PeerLogFiles.attach(Optional.empty());
    }
}
