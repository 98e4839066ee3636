package org.jppp.supervisor.run;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Optional;
import java.util.function.Consumer;
import org.jppp.actors.PppdLog;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT and SIGHUP through {@code sun.misc.Signal} (module jdk.unsupported): the JDK's
 * own signal dispatch, which runs the handler on a Java thread, so the handler may log and send
 * actor messages freely, unlike a JNA {@code signal(2)} handler that would run on whatever thread
 * the kernel interrupted. Installing a handler replaces the JVM's default (run the shutdown hooks
 * and exit), so the link is closed the way pppd closes it before the process ends.
 *
 * <p>Every signal is logged as pppd logs it. Once the session runs, signals go to it
 * ({@link #routeTo}), which closes the link. A signal before that (while the connect script runs,
 * say) is remembered and the waiting thread interrupted, so the run stops with exit status 5.
 *
 * <p>SIGUSR1 and SIGUSR2 leave the link alone and are handled here at any time: SIGUSR1 toggles
 * pppd's {@code debug} (the packet traces of the {@link PppdLog} logger), SIGUSR2 asks pppd to
 * renegotiate compression, and jppp negotiates no CCP, so it only says so. pppd logs nothing for
 * either; jppp logs one line each, so a user of {@code poff -d} sees that the signal arrived.
 */
final class Signals {
    /** The signal's number and name ({@code TERM}). */
    record Received(int number, String name) {
        boolean isHangup() {
            return name.equals("HUP");
        }

        /** pppd's line for it: {@code Hangup (SIGHUP)} or {@code Terminating on signal 15}. */
        void log() {
            if (isHangup()) {
                PppdLog.LOG.info("Hangup (SIGHUP)");
            } else {
                PppdLog.LOG.info("Terminating on signal {}", number);
            }
        }
    }

    private final Thread waiter;
    private Consumer<Received> target;
    private Received early;

    private Signals(Thread waiter) {
        this.waiter = waiter;
    }

    /** Takes over the signals; {@code waiter} is interrupted by a signal before the session runs. */
    static Signals install(Thread waiter) {
        Signals signals = new Signals(waiter);
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            Signal.handle(new Signal(name), s -> signals.received(new Received(s.getNumber(), s.getName())));
        }
        Signal.handle(new Signal("USR1"), s -> toggleDebug());
        Signal.handle(new Signal("USR2"), s -> PppdLog.LOG.info(
                "Renegotiate compression (SIGUSR2): no compression negotiated, nothing to do"));
        return signals;
    }

    /**
     * pppd's toggle_debug: debug on when it was off and the reverse, whatever the options said.
     * Only the pppd logger switches; other libraries keep their levels.
     */
    private static void toggleDebug() {
        Logger pppd = (Logger) LoggerFactory.getLogger(PppdLog.NAME);
        if (pppd.isDebugEnabled()) {
            PppdLog.LOG.info("Debug turned OFF (SIGUSR1)");
            pppd.setLevel(Level.INFO);
        } else {
            pppd.setLevel(Level.DEBUG);
            PppdLog.LOG.info("Debug turned ON (SIGUSR1)");
        }
    }

    /** The signal that came before the session, if any. */
    synchronized Optional<Received> early() {
        return Optional.ofNullable(early);
    }

    /**
     * From now on signals go to {@code handler}; one that came before is handed over at once. Called
     * by the waiting thread, whose interrupt from such a signal is cleared here.
     */
    synchronized void routeTo(Consumer<Received> handler) {
        target = handler;
        Thread.interrupted();
        if (early != null) {
            handler.accept(early);
        }
    }

    private synchronized void received(Received signal) {
        signal.log();
        if (target != null) {
            target.accept(signal);
        } else if (early == null) {
            early = signal;
            waiter.interrupt();
        }
    }
}
