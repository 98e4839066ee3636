package org.jppp.supervisor.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jppp.actors.Mdc;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * pppd's {@code debug} per peer in a daemon of many: jppp's debug lines (packet traces, automaton
 * transitions) are let through for the peers whose name is in the set, whatever the level of
 * {@code org.jppp} (INFO for the daemon), by a logback turbo filter that reads the MDC key
 * {@link Mdc#PEER}. A peer gets in by its {@code debug} option or by {@code pppctl debug}
 * (pppd's SIGUSR1). Debug lines logged off the peer's actors (stream stages) carry no peer and
 * stay hidden.
 */
public final class PeerDebug extends TurboFilter {
    private final Set<String> peers = ConcurrentHashMap.newKeySet();

    public boolean isOn(String peer) {
        return peers.contains(peer);
    }

    public void set(String peer, boolean on) {
        if (on) {
            peers.add(peer);
        } else {
            peers.remove(peer);
        }
    }

    /** Flips {@code peer}'s debug; returns the new value. */
    public boolean toggle(String peer) {
        boolean on = !isOn(peer);
        set(peer, on);
        return on;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (level == null || level.isGreaterOrEqual(Level.INFO) || peers.isEmpty()
                || !logger.getName().startsWith("org.jppp")) {
            return FilterReply.NEUTRAL;
        }
        String peer = MDC.get(Mdc.PEER);
        return peer != null && peers.contains(peer) && level.isGreaterOrEqual(Level.DEBUG)
                ? FilterReply.ACCEPT : FilterReply.NEUTRAL;
    }
}
