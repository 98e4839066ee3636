package org.jppp.actors;

import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.MDC;

/**
 * Carries the SLF4J MDC of the spawning actor into a child, so that in {@code jpppd}, where one
 * JVM runs many peers, every line a peer's actors log says which peer it is about (MDC key
 * {@link #PEER}, printed as {@code provider: } by the daemon's appenders). Pekko sets the MDC of a
 * behavior wrapped by {@code Behaviors.withMdc} around its start, each message and each signal,
 * and clears it afterwards; a child runs on whatever thread the dispatcher gives it, so it has to
 * be wrapped too. Without an MDC (a single-link {@code pppd}), the behavior is returned as is.
 */
public final class Mdc {
    /** The MDC key holding the peer's name ({@code call NAME}) in jpppd. */
    public static final String PEER = "peer";

    private Mdc() {
    }

    /** {@code behavior} with the MDC of the calling thread (the parent's, inside its actor), if any. */
    public static <T> Behavior<T> inherit(Behavior<T> behavior) {
        return with(MDC.getCopyOfContextMap(), behavior);
    }

    /** {@code behavior} with {@code mdc} set around everything it does, if {@code mdc} holds anything. */
    @SuppressWarnings("unchecked")
    public static <T> Behavior<T> with(Map<String, String> mdc, Behavior<T> behavior) {
        if (mdc == null || mdc.isEmpty()) {
            return behavior;
        }
        // Object.class: every message and adapter wrapper of the child gets the MDC, whatever its type.
        return Behaviors.withMdc((Class<T>) (Class<?>) Object.class, Map.copyOf(mdc), behavior);
    }
}
