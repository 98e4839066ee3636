package org.jppp.supervisor.daemon;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jppp.actors.Mdc;
import org.jppp.actors.PppdLog;
import org.jppp.protocol.config.LoggingSettings;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * pppd's {@code logfile F} for each peer of the daemon: one appender on the root logger that
 * passes a line to F when its MDC key {@link Mdc#PEER} names a peer registered with F. Lines are
 * the message alone, as {@code bin/pppd} (and pppd) appends them to its log file, without the
 * {@code NAME: } prefix of the daemon's shared outputs: the file is that link's log.
 *
 * <p>Peers naming the same file share one open stream (counted), closed when the last of them
 * releases it; a peer's {@code nolog} cancels its {@code logfile}, as in {@code bin/pppd}. The
 * daemon's own log file ({@code pppd.logfile} in jppp.conf, the default of every peer) already
 * receives every line, so a peer naming that file adds nothing.
 */
public final class PeerLogFiles extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private static final String PATTERN = "%msg%n";
    private static final Set<PosixFilePermission> MODE =
            PosixFilePermissions.fromString("rw-r--r--");

    /** One open file and how many peers write to it; guarded by {@code PeerLogFiles.this}. */
    private static final class Shared {
        final OutputStreamAppender<ILoggingEvent> appender;
        int users;

        Shared(OutputStreamAppender<ILoggingEvent> appender) {
            this.appender = appender;
        }
    }

    /** A peer's hold on its log file; {@link #close} is idempotent. */
    public final class Registration implements AutoCloseable {
        private final String peer;
        private final Path file;
        private final Shared shared;
        private boolean closed;

        private Registration(String peer, Path file, Shared shared) {
            this.peer = peer;
            this.file = file;
            this.shared = shared;
        }

        public Path file() {
            return file;
        }

        @Override
        public void close() {
            release(this);
        }
    }

    private final Optional<Path> daemonFile;
    private final Map<String, Registration> byPeer = new ConcurrentHashMap<>();
    private final Map<Path, Shared> byFile = new HashMap<>();

    /** @param daemonFile the daemon's own log file, if it has one (it gets every line already) */
    public PeerLogFiles(Optional<Path> daemonFile) {
        this.daemonFile = daemonFile.map(PeerLogFiles::normalize);
    }

    /** A started instance attached to the root logger of the current logback context. */
    public static PeerLogFiles attach(Optional<Path> daemonFile) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PeerLogFiles files = new PeerLogFiles(daemonFile);
        files.setContext(context);
        files.setName("peer-logfiles");
        files.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(files);
        return files;
    }

    /** Detaches from the root logger and closes every file still open. */
    public void detach() {
        LoggerContext context = (LoggerContext) getContext();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this);
        stop();
    }

    /**
     * Starts writing {@code peer}'s lines to its {@code logfile}, if its options name one and not
     * {@code nolog}; empty otherwise, or when the file cannot be opened (said once, in one line
     * for that peer: pppd's {@code Can't open log file F: reason}).
     */
    public synchronized Optional<Registration> open(String peer, LoggingSettings logging) {
        if (logging.nolog() || logging.logfile().isEmpty() || logging.logfile().get().isEmpty()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = normalize(Path.of(logging.logfile().get()));
        } catch (InvalidPathException e) {
            cannotOpen(peer, logging.logfile().get(), e.getReason());
            return Optional.empty();
        }
        if (daemonFile.equals(Optional.of(file))) {
            return Optional.empty();
        }
        Shared shared = byFile.get(file);
        if (shared == null) {
            Optional<OutputStreamAppender<ILoggingEvent>> appender = openFile(peer, file);
            if (appender.isEmpty()) {
                return Optional.empty();
            }
            shared = new Shared(appender.get());
            byFile.put(file, shared);
        }
        shared.users++;
        Registration registration = new Registration(peer, file, shared);
        Registration before = byPeer.put(peer, registration);
        if (before != null) {
            // A peer runs once at a time; a registration left behind is let go rather than leaked.
            release(before);
        }
        return Optional.of(registration);
    }

    /** The files open now (for status and tests). */
    public synchronized Map<Path, Integer> openFiles() {
        Map<Path, Integer> open = new HashMap<>();
        byFile.forEach((file, shared) -> open.put(file, shared.users));
        return open;
    }

    private synchronized void release(Registration registration) {
        if (registration.closed) {
            return;
        }
        registration.closed = true;
        byPeer.remove(registration.peer, registration);
        if (--registration.shared.users == 0) {
            byFile.remove(registration.file);
            registration.shared.appender.stop();
        }
    }

    private Optional<OutputStreamAppender<ILoggingEvent>> openFile(String peer, Path file) {
        OutputStream out;
        try {
            // pppd creates its log file 0644 (then umask) and appends to it, in a directory that has
            // to exist. A FileOutputStream, not a FileChannel: a channel is closed for good by the
            // first write from an interrupted thread (a dial being cancelled logs on its way out).
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(MODE));
            } catch (FileAlreadyExistsException e) {
                // Appended to, as pppd does.
            }
            out = new FileOutputStream(file.toFile(), true);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            cannotOpen(peer, file.toString(), reason(e));
            return Optional.empty();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(getContext());
        encoder.setPattern(PATTERN);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(getContext());
        appender.setName("logfile " + file);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        return Optional.of(appender);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String peer = event.getMDCPropertyMap().get(Mdc.PEER);
        if (peer == null) {
            return;
        }
        Registration registration = byPeer.get(peer);
        if (registration != null) {
            // A stopped appender (the peer let go of it a moment ago) drops the line, no error.
            registration.shared.appender.doAppend(event);
        }
    }

    @Override
    public synchronized void stop() {
        byFile.values().forEach(s -> s.appender.stop());
        byFile.clear();
        byPeer.clear();
        super.stop();
    }

    /** pppd's wording, as one line for the peer (the daemon's outputs prefix its name). */
    private static void cannotOpen(String peer, String file, String reason) {
        String before = MDC.get(Mdc.PEER);
        MDC.put(Mdc.PEER, peer);
        try {
            PppdLog.LOG.error("Can't open log file {}: {}", file, reason);
        } finally {
            if (before == null) {
                MDC.remove(Mdc.PEER);
            } else {
                MDC.put(Mdc.PEER, before);
            }
        }
    }

    /** strerror's wording where Java has only an exception class. */
    private static String reason(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        // FileOutputStream says "PATH (Is a directory)".
        int open = message.lastIndexOf(" (");
        return e instanceof FileNotFoundException && open >= 0 && message.endsWith(")")
                ? message.substring(open + 2, message.length() - 1) : message;
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
