package org.jppp.io.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;

class SyslogAppenderTest {
    @Test
    void levelsMapToSyslogPriorities() {
        assertEquals(3, SyslogAppender.priority(Level.ERROR), "LOG_ERR");
        assertEquals(4, SyslogAppender.priority(Level.WARN), "LOG_WARNING");
        assertEquals(5, SyslogAppender.priority(Level.INFO), "LOG_NOTICE");
        assertEquals(7, SyslogAppender.priority(Level.DEBUG), "LOG_DEBUG");
        assertEquals(7, SyslogAppender.priority(Level.TRACE), "LOG_DEBUG");
    }

    /**
     * A message full of conversions: passed as the format, {@code %s%s%n} would make libc read
     * and write through garbage pointers and crash the JVM; through {@code "%s"} it is text.
     */
    @Test
    void percentSignsInMessagesAreNotFormats() {
        LoggerContext context = new LoggerContext();
        SyslogAppender appender = new SyslogAppender();
        appender.setContext(context);
        appender.setIdent("jppp-test");
        appender.start();
        Logger logger = context.getLogger("t");
        logger.addAppender(appender);
        logger.info("peer name %s%s%s%n%n%n");
        assertTrue(appender.isStarted());
        appender.stop();
        context.stop();
    }
}
