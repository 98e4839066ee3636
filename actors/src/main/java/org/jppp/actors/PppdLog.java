package org.jppp.actors;

import org.jppp.protocol.authn.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logger of the lines a pppd user reads in syslog, worded as pppd words them
 * ({@code LCP terminated by peer}, {@code local  IP address 10.78.0.2}); packet traces
 * ({@code sent [LCP ConfReq id=0x1 ...]}) go here at debug level, as with pppd's {@code debug}.
 * Internal diagnostics use each class's own logger.
 */
public final class PppdLog {
    /** The logger name, for log configurations that route pppd's lines apart. */
    public static final String NAME = "org.jppp.pppd";
    public static final Logger LOG = LoggerFactory.getLogger(NAME);

    private PppdLog() {
    }

    /** Writes a machine's log line at pppd's level onto SLF4J's: notice is shown like info. */
    public static void write(LogLine line) {
        switch (line.level()) {
            case DEBUG -> LOG.debug(line.text());
            case INFO, NOTICE -> LOG.info(line.text());
            case WARN -> LOG.warn(line.text());
            case ERROR -> LOG.error(line.text());
        }
    }
}
