package org.jppp.supervisor.daemon;

import java.util.List;
import java.util.Optional;

/**
 * One peer as {@code pppctl status} shows it (the control protocol's PEER object, see
 * docs/control-protocol.md). Counters are the kernel's for the peer's interface: {@code rx} is
 * what came from the peer (written into the TUN device by jppp), {@code tx} what went to it.
 *
 * @param state     DIALING, UP, HOLDOFF, STOPPED (the supervisor's state; WAITING with demand)
 * @param phase     the session's RFC 1661 phase (DEAD, ESTABLISH, AUTHENTICATE, NETWORK, ...)
 * @param attempt   the current or last attempt, from 1 (0: never dialled)
 * @param holdoffS  the holdoff under way, in seconds
 */
public record PeerStatus(String name, String state, String phase, Optional<String> ifname,
                         Optional<String> local, Optional<String> remote, List<String> dns,
                         Optional<Long> uptimeS, Counters counters, int attempt, int reconnects,
                         int consecutiveFailures, Optional<Long> holdoffS, Optional<Exit> lastExit, boolean debug) {
    public PeerStatus {
        dns = List.copyOf(dns);
    }

    /** pppd's exit status of the peer's last attempt or run, with its reason. */
    public record Exit(int status, String reason) { }

    /** The interface's byte and packet counters ({@code /sys/class/net/IF/statistics}). */
    public record Counters(long rxBytes, long txBytes, long rxPackets, long txPackets) {
        public static final Counters NONE = new Counters(0, 0, 0, 0);
    }

    /** A peer with no run: never started, stopped by maxfail or nopersist, or its options failed. */
    public static PeerStatus stopped(String name, Optional<Exit> lastExit, boolean debug) {
        return new PeerStatus(name, "STOPPED", "DEAD", Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Counters.NONE, 0, 0, 0, Optional.empty(), lastExit, debug);
    }

    public PeerStatus withState(String newState) {
        return new PeerStatus(name, newState, phase, ifname, local, remote, dns, uptimeS, counters, attempt, reconnects,
                consecutiveFailures, holdoffS, lastExit, debug);
    }

    public PeerStatus withDebug(boolean on) {
        return new PeerStatus(name, state, phase, ifname, local, remote, dns, uptimeS, counters, attempt, reconnects,
                consecutiveFailures, holdoffS, lastExit, on);
    }
}
