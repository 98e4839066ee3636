package org.jppp.protocol.pppoe.discovery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeDiscovery;

/**
 * The access concentrator's sessions in use: random unique ids (never 0 nor 0xFFFF, RFC 2516 §4),
 * the count per host MAC for {@code -x}, and the PADS of each, so that a retransmitted PADR gets
 * the same answer instead of a second session.
 */
final class SessionTable {
    private static final int RANDOM_TRIES = 16;
    private static final int ID_SPACE = 0xFFFE;

    /** A session in use, with the conversation that created it and the PADS that granted it. */
    record Entry(ServerSession session, Conversation conversation, PppoeDiscovery pads) { }

    /**
     * What identifies one discovery exchange: the host, its Host-Uniq and the cookie it echoed.
     * The cookie carries its issue time, so a later, new discovery by the same host and process
     * (pppd's Host-Uniq is its pid, which a {@code persist} redial keeps) is told apart.
     */
    record Conversation(MacAddress host, ByteString hostUniq, ByteString cookie) { }

    private final int maxSessions;
    private final RandomGenerator random;
    private final Map<Integer, Entry> byId = new HashMap<>();
    private final Map<Conversation, Integer> byConversation = new HashMap<>();
    private final Map<MacAddress, Integer> perMac = new HashMap<>();

    SessionTable(int maxSessions, RandomGenerator random) {
        this.maxSessions = maxSessions;
        this.random = random;
    }

    int size() {
        return byId.size();
    }

    Optional<Entry> get(int sessionId) {
        return Optional.ofNullable(byId.get(sessionId));
    }

    Optional<Entry> get(Conversation conversation) {
        return Optional.ofNullable(byConversation.get(conversation)).map(byId::get);
    }

    int countFrom(MacAddress host) {
        return perMac.getOrDefault(host, 0);
    }

    /**
     * A free id, 1..0xFFFE, chosen at random so that ids are not guessable (a forged PADT must
     * name one); empty when {@code -N} sessions are in use.
     */
    OptionalInt allocate() {
        if (byId.size() >= maxSessions) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < RANDOM_TRIES; i++) {
            int id = 1 + random.nextInt(ID_SPACE);
            if (!byId.containsKey(id)) {
                return OptionalInt.of(id);
            }
        }
        int start = random.nextInt(ID_SPACE);
        for (int i = 0; i < ID_SPACE; i++) {
            int id = 1 + (start + i) % ID_SPACE;
            if (!byId.containsKey(id)) {
                return OptionalInt.of(id);
            }
        }
        return OptionalInt.empty();
    }

    void put(Entry entry) {
        int id = entry.session().sessionId();
        if (byId.putIfAbsent(id, entry) != null) {
            throw new IllegalStateException("PPPoE session id " + id + " already in use");
        }
        byConversation.put(entry.conversation(), id);
        perMac.merge(entry.session().client(), 1, Integer::sum);
    }

    Optional<Entry> remove(int sessionId) {
        Entry entry = byId.remove(sessionId);
        if (entry == null) {
            return Optional.empty();
        }
        byConversation.remove(entry.conversation());
        perMac.computeIfPresent(entry.session().client(), (mac, n) -> n > 1 ? n - 1 : null);
        return Optional.of(entry);
    }
}
