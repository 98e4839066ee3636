package org.jppp.supervisor.run;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import org.jppp.io.log.SyslogAppender;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.LoggingSettings;
import org.slf4j.LoggerFactory;

/**
 * Configures logback for a link run from the options, replacing the dryrun configuration of
 * {@code logback.xml} (which prints to stderr only):
 *
 * <ul>
 *   <li>always syslog ({@link SyslogAppender}: {@code pppd[PID]: ...}, facility daemon), as pppd;
 *   <li>standard error until {@code bin/pppd} detaches ({@link Detacher}): once the link is
 *       connected ({@link #detached}), with {@code updetach} once a network protocol is up
 *       ({@link #networkUp}), never with {@code nodetach};
 *   <li>{@code logfile F} (unless {@code nolog}): also appended to F;
 *   <li>{@code debug}: pppd's lines, including the packet traces, at debug level; other libraries
 *       stay at info.
 * </ul>
 *
 * Lines are written as pppd writes them to a file or terminal: the message alone, no timestamp.
 * In {@code jpppd}, where one process runs many peers, a line logged for a peer (SLF4J MDC key
 * {@code peer}, see {@link org.jppp.actors.Mdc}) starts with the peer's name: {@code provider:
 * Connect: ppp0 <--> eth0}; without that key (every line of {@code bin/pppd}) nothing is added.
 */
public final class LogSetup {
    /** {@code NAME: } when the MDC names a peer, else nothing. */
    public static final String PEER_PREFIX = "%replace(%X{" + org.jppp.actors.Mdc.PEER + "}: ){'^: $', ''}";
    private static final String PATTERN = PEER_PREFIX + "%msg%n";
    private static final String STDERR = "stderr";
    /** jpppd runs in the foreground for all its peers: no peer's connect takes its standard error away. */
    private static volatile boolean keepStderr;

    private LogSetup() {}

    public static void apply(LoggingSettings logging) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        context.getLogger("org.jppp").setLevel(logging.debug() > 0 ? Level.DEBUG : Level.INFO);
        // Pekko's start-up and shutdown chatter is not pppd's to report.
        context.getLogger("org.apache.pekko").setLevel(Level.WARN);

        SyslogAppender syslog = new SyslogAppender();
        syslog.setPattern(PEER_PREFIX + "%msg");
        start(context, root, syslog);
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setName(STDERR);
        stderr.setTarget("System.err");
        start(context, root, withEncoder(context, stderr));
        if (logging.logfile().isPresent() && !logging.nolog()) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(logging.logfile().get());
            file.setAppend(true);
            start(context, root, withEncoder(context, file));
        }
    }

    /**
     * The link is connected (or, with {@code demand}, its interface set up): pppd's default
     * {@code detach} leaves the terminal here ({@link Detacher}), and standard error with it.
     */
    static void detached(LoggingSettings logging) {
        if (logging.detach() == Detach.DETACH) {
            leaveTerminal();
        }
    }

    /** The first network protocol is up: {@code updetach} leaves the terminal here, as pppd's np_up. */
    static void networkUp(LoggingSettings logging) {
        if (logging.detach() == Detach.UPDETACH) {
            leaveTerminal();
        }
    }

    private static void leaveTerminal() {
        if (!keepStderr) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(STDERR);
            Detacher.detachNow();
        }
    }

    /** From now on {@link #detached} leaves standard error alone (a daemon of many peers). */
    public static void keepStderr() {
        keepStderr = true;
    }

    private static <A extends OutputStreamAppender<ILoggingEvent>> A withEncoder(LoggerContext context, A appender) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        appender.setEncoder(encoder);
        return appender;
    }

    private static void start(LoggerContext context, Logger root, Appender<ILoggingEvent> appender) {
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }
}
