package org.jppp.protocol.pppoe.discovery;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jppp.protocol.pppoe.MacAddress;

/**
 * An in-memory Ethernet segment joining discovery clients and access concentrators: every Send
 * is turned into frame octets and handed to each station it is addressed to (all others, for a
 * broadcast), whose replies are sent in turn until the segment is quiet. A predicate can lose
 * frames. Every result a station returns is kept, per station, for assertions.
 */
final class Lan {
    private final Map<MacAddress, Function<ByteBuffer, DiscoveryResult>> stations = new LinkedHashMap<>();
    private final Map<MacAddress, List<DiscoveryResult>> results = new LinkedHashMap<>();
    private Predicate<DiscoveryAction.Send> lose = s -> false;
    private Instant now;

    Lan(Instant now) {
        this.now = now;
    }

    Lan add(DiscoveryClient client, MacAddress mac) {
        stations.put(mac, client::receive);
        return this;
    }

    Lan add(DiscoveryServer server) {
        stations.put(server.config().acMac(), frame -> server.receive(now, frame));
        return this;
    }

    void losing(Predicate<DiscoveryAction.Send> predicate) {
        lose = predicate;
    }

    void advance(java.time.Duration d) {
        now = now.plus(d);
    }

    /** What {@code station} returned so far, in order. */
    List<DiscoveryResult> resultsOf(MacAddress station) {
        return results.getOrDefault(station, List.of());
    }

    /** Records {@code first} as {@code from}'s result, then carries its frames and all replies. */
    void run(MacAddress from, DiscoveryResult first) {
        Deque<DiscoveryAction.Send> queue = new ArrayDeque<>();
        record(from, first, queue);
        while (!queue.isEmpty()) {
            DiscoveryAction.Send send = queue.poll();
            if (lose.test(send)) {
                continue;
            }
            MacAddress src = send.header().source();
            for (Map.Entry<MacAddress, Function<ByteBuffer, DiscoveryResult>> e : stations.entrySet()) {
                boolean addressed = send.destination().isBroadcast() ? !e.getKey().equals(src)
                        : e.getKey().equals(send.destination());
                if (addressed) {
                    record(e.getKey(), e.getValue().apply(send.frame().asByteBuffer()), queue);
                }
            }
        }
    }

    private void record(MacAddress station, DiscoveryResult result, Deque<DiscoveryAction.Send> queue) {
        results.computeIfAbsent(station, k -> new ArrayList<>()).add(result);
        queue.addAll(result.sends());
    }
}
