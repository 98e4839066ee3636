package org.jppp.io.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.jna.Memory;

/**
 * A logback appender that hands each event to the local syslog daemon through libc's
 * {@code syslog(3)}, as pppd does: ident {@code pppd}, {@code LOG_PID | LOG_NDELAY}, facility
 * {@code LOG_DAEMON}, so the journal shows {@code pppd[PID]: Connect: ppp0 <--> /dev/pts/3}.
 *
 * <p>Levels: ERROR is {@code LOG_ERR}, WARN {@code LOG_WARNING}, INFO {@code LOG_NOTICE}, DEBUG
 * and TRACE {@code LOG_DEBUG}. pppd itself logs some lines at {@code notice} (Connect, the IP
 * address lines, Connection terminated) and others at {@code info} (Using interface, Exit.);
 * SLF4J has one level for both, and {@code notice} is the one that shows in a default syslog
 * set-up, so every INFO line is sent as {@code notice}.
 *
 * <p>The message always goes through a {@code "%s"} format, never as the format itself, so a
 * {@code %} in a peer's name or message cannot be read as a conversion. libc keeps one syslog
 * connection per process, so only one instance should be started; stopping it closes the
 * connection.
 */
public final class SyslogAppender extends AppenderBase<ILoggingEvent> {
    /** syslog(3)'s identifier: pppd's, so existing log filters and greps keep working. */
    public static final String DEFAULT_IDENT = "pppd";

    private String ident = DEFAULT_IDENT;
    private String pattern = "%msg";
    private PatternLayout layout;
    /** Kept reachable while the connection is open (see {@link Syslog#openlog}). */
    private Memory identMemory;

    public void setIdent(String ident) {
        this.ident = ident;
    }

    /** The logback pattern of the text after {@code pppd[PID]: }; {@code %msg} by default. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** The syslog priority (without facility) for a logback level. */
    public static int priority(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> Syslog.LOG_ERR;
            case Level.WARN_INT -> Syslog.LOG_WARNING;
            case Level.INFO_INT -> Syslog.LOG_NOTICE;
            default -> Syslog.LOG_DEBUG;
        };
    }

    @Override
    public void start() {
        layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(pattern);
        layout.start();
        identMemory = Syslog.nativeString(ident);
        Syslog.INSTANCE.openlog(identMemory, Syslog.LOG_PID | Syslog.LOG_NDELAY, Syslog.LOG_DAEMON);
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        Syslog.INSTANCE.closelog();
        layout.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        Syslog.INSTANCE.syslog(Syslog.LOG_DAEMON | priority(event.getLevel()), "%s", layout.doLayout(event));
    }
}
