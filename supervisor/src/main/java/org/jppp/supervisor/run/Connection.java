package org.jppp.supervisor.run;

import org.jppp.actors.link.LowerLink;
import org.jppp.actors.session.SessionSettings;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;

/**
 * The connected link a run speaks PPP over: what pppd's channel gives it after its connect step
 * (a tty after the connect script, a PPPoE session after discovery). Closing it is pppd's
 * disconnect step (the disconnect script, a PADT), and happens once the session ended.
 */
public interface Connection extends AutoCloseable {
    /** The name pppd prints in {@code Connect: ppp0 <--> NAME} and gives scripts as the device. */
    String device();

    /** The line speed for scripts; 0 when there is none. */
    int speed();

    /** PPP frames in both directions: a 2-octet Protocol field and the Information field. */
    LowerLink lower();

    /**
     * The session's settings as this link allows them: a PPPoE session bounds LCP's MRU and MTU
     * by what discovery agreed (RFC 4638); other links change nothing.
     */
    default SessionSettings adjust(SessionSettings settings) {
        return settings;
    }

    /** Hangs up; never throws (a failure is logged as pppd logs it). */
    @Override
    void close();

    /** pppd's connect step for one kind of channel. */
    @FunctionalInterface
    interface Opener {
        /**
         * Connects; a terminating signal meanwhile interrupts the calling thread.
         *
         * @throws LinkSetupException with pppd's wording and exit status when it cannot
         */
        Connection open(EventLoop loop, PppdSettings settings) throws LinkSetupException;
    }
}
