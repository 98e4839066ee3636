package org.jppp.protocol.pppoe.discovery;

import static org.jppp.protocol.pppoe.discovery.Fixtures.AC;
import static org.jppp.protocol.pppoe.discovery.Fixtures.OTHER_AC;
import static org.jppp.protocol.pppoe.discovery.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeCode;
import org.junit.jupiter.api.Test;

/** Discovery clients and access concentrators joined on an in-memory Ethernet segment. */
class BackToBackTest {
    private static final int HOSTS = 100;

    private static MacAddress mac(int i) {
        return new MacAddress(0x0200_0000_0000L + i);
    }

    private static ClientConfig config(int i, Optional<String> service, Optional<String> acName, OptionalInt maxPayload) {
        ByteString hostUniq = ByteString.fromArrayUnsafe(ByteBuffer.allocate(4).putInt(i).array());
        return new ClientConfig(mac(i), "eth0", service, acName, Optional.empty(), hostUniq, maxPayload,
                Duration.ofSeconds(5), 3, false);
    }

    private static List<DiscoveryClient> clients(Lan lan, int count, Optional<String> acName) {
        List<DiscoveryClient> clients = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            OptionalInt max = i % 2 == 0 ? OptionalInt.of(1500) : OptionalInt.empty();
            DiscoveryClient c = new DiscoveryClient(config(i, Optional.of("inet"), acName, max));
            clients.add(c);
            lan.add(c, mac(i));
        }
        return clients;
    }

    @Test
    void hundredHosts_eachGetADistinctSession_thatBothSidesAgreeOn() {
        Lan lan = new Lan(T0);
        // pppoe-server's default -N of 64 would refuse the 65th host: allow them all.
        DiscoveryServer server = new DiscoveryServer(ServerConfig.of(AC, "ac1", List.of("inet")).withInterfaceMtu(1508)
                .withLimits(HOSTS, 0), new Random(3));
        lan.add(server);
        List<DiscoveryClient> clients = clients(lan, HOSTS, Optional.empty());
        for (int i = 0; i < HOSTS; i++) {
            lan.run(mac(i + 1), clients.get(i).start());
        }
        List<ServerSession> opened = lan.resultsOf(AC).stream().flatMap(r -> r.opened().stream()).toList();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < HOSTS; i++) {
            ClientSession c = clients.get(i).session().orElseThrow();
            ServerSession s = server.session(c.sessionId()).orElseThrow();
            assertEquals(mac(i + 1), s.client());
            assertEquals(AC, c.acMac());
            assertEquals("inet", c.serviceName());
            assertEquals(Optional.of(c.hostUniq()), s.hostUniq());
            assertEquals(s.maxPayload(), c.maxPayload(), "RFC 4638 agreement of host " + (i + 1));
            assertEquals((i + 1) % 2 == 0 ? OptionalInt.of(1500) : OptionalInt.empty(), c.maxPayload());
            assertTrue(ids.add(c.sessionId()));
        }
        assertEquals(HOSTS, opened.size());
        assertEquals(HOSTS, server.activeSessions());
        assertEquals(HOSTS, server.counters().padsSent());
        assertEquals(0, server.counters().padrForgedCookie());
    }

    @Test
    void pastMaxSessions_theHostIsRefused_andGivesUpAsPppd() {
        Lan lan = new Lan(T0);
        DiscoveryServer server = new DiscoveryServer(ServerConfig.of(AC, "ac1", List.of("inet")).withLimits(1, 0),
                new Random(9));
        lan.add(server);
        List<DiscoveryClient> clients = clients(lan, 2, Optional.empty());
        lan.run(mac(1), clients.get(0).start());
        lan.run(mac(2), clients.get(1).start());
        assertEquals(ClientState.FAILED, clients.get(1).state());
        DiscoveryResult last = lan.resultsOf(mac(2)).get(lan.resultsOf(mac(2)).size() - 1);
        assertEquals(List.of("PADS: System-Error: jppp: Server: No client slots available",
                "Timeout waiting for PADS packets", "Unable to complete PPPoE Discovery"), last.messages());
        assertEquals(3, server.counters().padsErrors());
    }

    @Test
    void lostPadosAndPads_areRecoveredByRetransmission() {
        Lan lan = new Lan(T0);
        DiscoveryServer server = new DiscoveryServer(ServerConfig.of(AC, "ac1", List.of("inet")), new Random(4));
        lan.add(server);
        List<DiscoveryClient> clients = clients(lan, 10, Optional.empty());
        Set<String> lostOnce = new HashSet<>();
        lan.losing(s -> s.packet().code().equals(PppoeCode.PADO) || s.packet().code().equals(PppoeCode.PADS)
                ? lostOnce.add(s.packet().code() + " " + s.destination()) : false);
        for (int i = 0; i < clients.size(); i++) {
            lan.run(mac(i + 1), clients.get(i).start());
            assertEquals(ClientState.SENT_PADI, clients.get(i).state());
        }
        lan.advance(Duration.ofSeconds(5));
        for (int i = 0; i < clients.size(); i++) {
            lan.run(mac(i + 1), clients.get(i).timeout());
            assertEquals(ClientState.SENT_PADR, clients.get(i).state());
        }
        lan.advance(Duration.ofSeconds(5));
        for (int i = 0; i < clients.size(); i++) {
            lan.run(mac(i + 1), clients.get(i).timeout());
            assertEquals(ClientState.SESSION, clients.get(i).state());
        }
        assertEquals(10, server.activeSessions());
        assertEquals(20, server.counters().padoSent());
        assertEquals(10, server.counters().padrDuplicate(), "the resent PADR got the same PADS");
        assertEquals(10, server.counters().padsSent());
    }

    @Test
    void twoAccessConcentrators_hostsPickTheNamedOne() {
        Lan lan = new Lan(T0);
        DiscoveryServer ac1 = new DiscoveryServer(ServerConfig.of(AC, "ac1", List.of("inet")), new Random(5));
        DiscoveryServer ac2 = new DiscoveryServer(ServerConfig.of(OTHER_AC, "ac2", List.of("inet")), new Random(6));
        lan.add(ac1).add(ac2);
        List<DiscoveryClient> clients = clients(lan, 20, Optional.of("ac2"));
        for (int i = 0; i < clients.size(); i++) {
            lan.run(mac(i + 1), clients.get(i).start());
            assertEquals(OTHER_AC, clients.get(i).session().orElseThrow().acMac());
        }
        assertEquals(20, ac1.counters().padoSent());
        assertEquals(0, ac1.activeSessions());
        assertEquals(20, ac2.activeSessions());
    }

    @Test
    void padt_eitherWay_endsTheSessionOnBothSides() {
        Lan lan = new Lan(T0);
        DiscoveryServer server = new DiscoveryServer(ServerConfig.of(AC, "ac1", List.of("inet")), new Random(8));
        lan.add(server);
        List<DiscoveryClient> clients = clients(lan, 2, Optional.empty());
        lan.run(mac(1), clients.get(0).start());
        lan.run(mac(2), clients.get(1).start());
        int first = clients.get(0).session().orElseThrow().sessionId();
        int second = clients.get(1).session().orElseThrow().sessionId();

        lan.run(mac(1), clients.get(0).terminate(Optional.of("user request")));
        assertTrue(lan.resultsOf(AC).stream().anyMatch(r -> r.has(new DiscoveryAction.SessionTerminated(first, mac(1)))));
        assertEquals(Optional.empty(), server.session(first));

        lan.run(AC, server.terminate(second, "admin"));
        assertEquals(ClientState.TERMINATED, clients.get(1).state());
        assertTrue(lan.resultsOf(mac(2)).stream().anyMatch(r -> r.has(new DiscoveryAction.PeerTerminated(second))));
        assertEquals(0, server.activeSessions());
    }
}
