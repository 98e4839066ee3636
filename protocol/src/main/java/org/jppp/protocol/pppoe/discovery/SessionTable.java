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

    private final SessionSlots slots;
    private final RandomGenerator random;
    /** The id {@link #allocate} last returned, whose slot {@link #put} takes over; -1 if none. */
    private int reserved = -1;
    private final Map<Integer, Entry> byId = new HashMap<>();
    private final Map<Conversation, Integer> byConversation = new HashMap<>();
    private final Map<MacAddress, Integer> perMac = new HashMap<>();

    SessionTable(int maxSessions, RandomGenerator random) {
        this(new SessionSlots(maxSessions), random);
    }

    /** A table whose sessions count against {@code slots}, which other tables may share. */
    SessionTable(SessionSlots slots, RandomGenerator random) {
        this.slots = slots;
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
     * name one); empty when {@code -N} sessions are in use (over every table sharing the slots).
     * A returned id holds a slot until {@link #remove} frees it, so {@link #put} must follow.
     */
    OptionalInt allocate() {
        if (byId.size() >= ID_SPACE || !slots.tryAcquire()) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < RANDOM_TRIES; i++) {
            int id = 1 + random.nextInt(ID_SPACE);
            if (!byId.containsKey(id)) {
                return reserve(id);
            }
        }
        int start = random.nextInt(ID_SPACE);
        for (int i = 0; i < ID_SPACE; i++) {
            int id = 1 + (start + i) % ID_SPACE;
            if (!byId.containsKey(id)) {
                return reserve(id);
            }
        }
        slots.release();
        return OptionalInt.empty();
    }

    private OptionalInt reserve(int id) {
        if (reserved >= 0) {
            // An earlier allocation was never put: its slot is not held by any session.
            slots.release();
        }
        reserved = id;
        return OptionalInt.of(id);
    }

    void put(Entry entry) {
        int id = entry.session().sessionId();
        if (byId.containsKey(id)) {
            throw new IllegalStateException("PPPoE session id " + id + " already in use");
        }
        if (id == reserved) {
            reserved = -1;
        } else if (!slots.tryAcquire()) {
            throw new IllegalStateException("no session slot left for id " + id);
        }
        byId.put(id, entry);
        byConversation.put(entry.conversation(), id);
        perMac.merge(entry.session().client(), 1, Integer::sum);
    }

    Optional<Entry> remove(int sessionId) {
        Entry entry = byId.remove(sessionId);
        if (entry == null) {
            return Optional.empty();
        }
        byConversation.remove(entry.conversation());
        slots.release();
        perMac.computeIfPresent(entry.session().client(), (mac, n) -> n > 1 ? n - 1 : null);
        return Optional.of(entry);
    }
}
