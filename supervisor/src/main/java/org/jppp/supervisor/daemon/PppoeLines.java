package org.jppp.supervisor.daemon;

import java.util.HashMap;
import java.util.Map;
import org.jppp.io.loop.EventLoop;
import org.jppp.supervisor.pppoe.PppoeLine;
import org.jppp.supervisor.run.LinkSetupException;

/**
 * One {@link PppoeLine} per Ethernet interface, shared by every PPPoE peer of the daemon dialled
 * on it (their discovery packets told apart by Host-Uniq), opened by the first peer that needs it
 * and closed with the daemon, after every peer's PADT.
 */
public final class PppoeLines implements AutoCloseable {
    private final EventLoop loop;
    private final Map<String, PppoeLine> lines = new HashMap<>();

    public PppoeLines(EventLoop loop) {
        this.loop = loop;
    }

    /** The line on {@code ifname}, opened now if no peer used it before; blocks while it opens. */
    public synchronized PppoeLine get(String ifname) throws LinkSetupException {
        PppoeLine line = lines.get(ifname);
        if (line == null) {
            line = PppoeLine.open(loop, ifname);
            lines.put(ifname, line);
        }
        return line;
    }

    @Override
    public synchronized void close() {
        lines.values().forEach(PppoeLine::close);
        lines.clear();
    }
}
