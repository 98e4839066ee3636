package org.jppp.supervisor.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An interface's byte and packet counters ({@code /sys/class/net/IF/statistics}), with the
 * kernel's directions: {@code tx} is what the host routed into the TUN (sent to the peer),
 * {@code rx} what jppp wrote into it (received from the peer). The kernel never resets them, so
 * for an interface that outlives a session (redials, a {@link UnitCache}) a session's or a peer's
 * share is the difference from a baseline taken when it started ({@link #since}), as pppd's
 * reset_link_stats does.
 */
public record LinkCounters(long rxBytes, long txBytes, long rxPackets, long txPackets) {
    public static final LinkCounters NONE = new LinkCounters(0, 0, 0, 0);
    private static final Path SYS = Path.of("/sys/class/net");

    /** The counters of {@code ifname} now; zero for an interface that is gone. */
    public static LinkCounters read(String ifname) {
        Path stats = SYS.resolve(ifname).resolve("statistics");
        return new LinkCounters(value(stats, "rx_bytes"), value(stats, "tx_bytes"), value(stats, "rx_packets"),
                value(stats, "tx_packets"));
    }

    /** What was counted after {@code baseline}. */
    public LinkCounters since(LinkCounters baseline) {
        return new LinkCounters(rxBytes - baseline.rxBytes, txBytes - baseline.txBytes,
                rxPackets - baseline.rxPackets, txPackets - baseline.txPackets);
    }

    private static long value(Path stats, String name) {
        try {
            return Long.parseLong(Files.readString(stats.resolve(name)).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
