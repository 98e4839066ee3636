package org.jppp.supervisor.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's counters of a network interface, from {@code /sys/class/net/IF/statistics}. For
 * the TUN device of a ppp interface the kernel's view is the host's: {@code tx} counts what the
 * host routed into the interface (read by jppp and sent to the peer), {@code rx} what jppp wrote
 * into it (received from the peer) — the same directions as pppd's {@code ppp0} counters.
 */
public final class InterfaceCounters {
    private static final Path SYS = Path.of("/sys/class/net");

    private InterfaceCounters() {
    }

    /** The counters of {@code ifname}; zero for an interface that is gone. */
    public static PeerStatus.Counters read(String ifname) {
        Path stats = SYS.resolve(ifname).resolve("statistics");
        return new PeerStatus.Counters(value(stats, "rx_bytes"), value(stats, "tx_bytes"), value(stats, "rx_packets"),
                value(stats, "tx_packets"));
    }

    private static long value(Path stats, String name) {
        try {
            return Long.parseLong(Files.readString(stats.resolve(name)).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
