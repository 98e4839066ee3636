package org.jppp.supervisor.run;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT and SIGHUP through {@code sun.misc.Signal} (module jdk.unsupported): the JDK's
 * own signal dispatch, which runs the handler on a Java thread, so the handler may log and send
 * actor messages freely, unlike a JNA {@code signal(2)} handler that would run on whatever thread
 * the kernel interrupted. Installing a handler replaces the JVM's default (run the shutdown hooks
 * and exit), so the link is closed the way pppd closes it before the process ends.
 */
final class Signals {
    /** The signal's number and the words pppd logs for it. */
    record Received(int number, String name) {}

    private Signals() {}

    static void install(Consumer<Received> handler) {
        on("TERM", handler);
        on("INT", handler);
        on("HUP", handler);
    }

    private static void on(String name, Consumer<Received> handler) {
        Signal.handle(new Signal(name), s -> handler.accept(new Received(s.getNumber(), s.getName())));
    }
}
