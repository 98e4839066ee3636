package org.jppp.protocol.pppoe.discovery;

import static org.jppp.protocol.pppoe.discovery.Fixtures.AC;
import static org.jppp.protocol.pppoe.discovery.Fixtures.HOST_UNIQ_TAG;
import static org.jppp.protocol.pppoe.discovery.Fixtures.INET_TAG;
import static org.jppp.protocol.pppoe.discovery.Fixtures.MAX_PAYLOAD_1500_TAG;
import static org.jppp.protocol.pppoe.discovery.Fixtures.RELAY_TAG;
import static org.jppp.protocol.pppoe.discovery.Fixtures.TO_HOST_FROM_AC;
import static org.jppp.protocol.pppoe.discovery.Fixtures.concat;
import static org.jppp.protocol.pppoe.discovery.Fixtures.HOST;
import static org.jppp.protocol.pppoe.discovery.Fixtures.HOST_UNIQ;
import static org.jppp.protocol.pppoe.discovery.Fixtures.OTHER_AC;
import static org.jppp.protocol.pppoe.discovery.Fixtures.RELAY;
import static org.jppp.protocol.pppoe.discovery.Fixtures.T0;
import static org.jppp.protocol.pppoe.discovery.Fixtures.header;
import static org.jppp.protocol.pppoe.discovery.Fixtures.parseSent;
import static org.jppp.protocol.testutil.Golden.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.authn.LogLine;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeCode;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeTag;
import org.jppp.protocol.pppoe.discovery.DiscoveryAction.SessionTerminated;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The access concentrator side of RFC 2516 §5, against rp-pppoe's pppoe-server behaviour. */
class DiscoveryServerTest {
    private static final long SEED = 42;
    private static final PppoeTag ANY = PppoeTag.serviceName("");
    private static final PppoeTag INET = PppoeTag.serviceName("inet");
    private static final PppoeTag UNIQ = new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, HOST_UNIQ);
    private static final PppoeTag RELAY_ID = new PppoeTag.Opaque(PppoeTag.RELAY_SESSION_ID, RELAY);

    static ServerConfig config() {
        return ServerConfig.of(AC, "ac1", List.of("inet", "voip"));
    }

    static DiscoveryServer server(ServerConfig config) {
        return new DiscoveryServer(config, new Random(SEED));
    }

    static MacAddress host(int n) {
        return new MacAddress(0x0200_0000_0000L + n);
    }

    /** Delivers a packet as a whole frame through the wire formats. */
    static DiscoveryResult deliver(DiscoveryServer s, Instant now, MacAddress from, MacAddress to, PppoeDiscovery p) {
        return s.receive(now, header(to, from).frame(p).asByteBuffer());
    }

    static DiscoveryResult padi(DiscoveryServer s, Instant now, MacAddress from, PppoeTag... tags) {
        return deliver(s, now, from, MacAddress.BROADCAST, PppoeDiscovery.of(PppoeCode.PADI, 0, tags));
    }

    static DiscoveryResult padr(DiscoveryServer s, Instant now, MacAddress from, PppoeTag... tags) {
        return deliver(s, now, from, AC, PppoeDiscovery.of(PppoeCode.PADR, 0, tags));
    }

    static PppoeTag cookieTag(ByteString cookie) {
        return new PppoeTag.Opaque(PppoeTag.AC_COOKIE, cookie);
    }

    /** The cookie of the PADO the server sends {@code host} for a PADI with Host-Uniq. */
    static ByteString cookieFor(DiscoveryServer s, Instant now, MacAddress host) {
        DiscoveryResult r = padi(s, now, host, ANY, UNIQ);
        return parseSent(r.sends().get(0), AC, host).cookie().orElseThrow();
    }

    /** A whole PADI/PADR exchange for {@code host}; the PADS's result. */
    static DiscoveryResult connect(DiscoveryServer s, Instant now, MacAddress host) {
        return padr(s, now, host, INET, UNIQ, cookieTag(cookieFor(s, now, host)));
    }

    static byte[] hmac(byte[] secret, byte[] input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return mac.doFinal(input);
    }

    @Nested
    class Golden_ {
        @Test
        void padi_getsPadoUnicast_withNameMaxPayloadServicesCookieRelayAndHostUniq() throws Exception {
            DiscoveryServer s = server(ServerConfig.of(AC, "ac1", List.of("inet")).withInterfaceMtu(1508));
            DiscoveryResult r = padi(s, T0, HOST, ANY, UNIQ, new PppoeTag.PppMaxPayload(1500), RELAY_ID);
            byte[] secret = new byte[32];
            new Random(SEED).nextBytes(secret);
            byte[] mac = hmac(secret, bytes(
                    0x65, 0x53, 0xf1, 0x00, // issue time 1700000000
                    0xa0, 0xf3, 0xe4, 0x4f, 0xe3, 0xb0, // the AC
                    0x02, 0x00, 0x00, 0x00, 0x00, 0x01, // the host
                    0xde, 0xad, 0xbe, 0xef)); // its Host-Uniq
            byte[] golden = concat(TO_HOST_FROM_AC, bytes(
                    0x11,                   // VER = 1, TYPE = 1
                    0x07,                   // CODE = PADO, unicast to the host (RFC 2516 §5.2)
                    0x00, 0x00,             // SESSION_ID = 0
                    0x00, 0x3c,             // LENGTH = 60
                    0x01, 0x02,             // TAG_TYPE = AC-Name
                    0x00, 0x03,             // TAG_LENGTH = 3
                    'a', 'c', '1'),         // TAG_VALUE = "ac1"
                    MAX_PAYLOAD_1500_TAG,   // the host's 1500, which a 1508-octet MTU carries
                    INET_TAG, bytes(        // the one service offered
                    0x01, 0x04,             // TAG_TYPE = AC-Cookie
                    0x00, 0x14,             // TAG_LENGTH = 20
                    0x65, 0x53, 0xf1, 0x00), // issue time, then the truncated HMAC:
                    java.util.Arrays.copyOf(mac, 16),
                    RELAY_TAG, HOST_UNIQ_TAG); // both echoed
            assertArrayEquals(golden, r.sends().get(0).frame().toArray());
            assertEquals(1, s.counters().padoSent());
            assertEquals(0, s.activeSessions());
        }

        @Test
        void padr_getsPads_andTheSessionOpens() {
            DiscoveryServer s = server(config().withInterfaceMtu(1508));
            ByteString cookie = cookieFor(s, T0, HOST);
            DiscoveryResult r = padr(s, T0, HOST, INET, UNIQ, new PppoeTag.PppMaxPayload(1500), cookieTag(cookie), RELAY_ID);
            ServerSession session = r.opened().orElseThrow();
            int id = session.sessionId();
            byte[] golden = concat(TO_HOST_FROM_AC, bytes(
                    0x11,                   // VER = 1, TYPE = 1
                    0x65,                   // CODE = PADS (RFC 2516 §5.4)
                    id >> 8, id & 0xff,     // SESSION_ID = as allocated
                    0x00, 0x1d),            // LENGTH = 29
                    INET_TAG,               // the service granted
                    MAX_PAYLOAD_1500_TAG,   // granted (RFC 4638 §4)
                    RELAY_TAG, HOST_UNIQ_TAG); // both echoed
            assertArrayEquals(golden, r.sends().get(0).frame().toArray());
            assertEquals(new ServerSession(id, HOST, "inet", Optional.of(HOST_UNIQ), OptionalInt.of(1500),
                    Optional.of(RELAY)), session);
            assertTrue(id >= 1 && id <= 0xFFFE);
            assertEquals(List.of("Session " + id + " created for client 02:00:00:00:00:01 using Service-Name 'inet'"),
                    r.messages());
            assertEquals(Optional.of(session), s.session(id));
        }

        @Test
        void terminate_sendsPadtWithReason_andFreesTheId() {
            DiscoveryServer s = server(config());
            int id = connect(s, T0, HOST).opened().orElseThrow().sessionId();
            DiscoveryResult r = s.terminate(id, "bye");
            byte[] golden = concat(TO_HOST_FROM_AC, bytes(
                    0x11,                   // VER = 1, TYPE = 1
                    0xa7,                   // CODE = PADT (RFC 2516 §5.5)
                    id >> 8, id & 0xff,     // SESSION_ID = the session ended
                    0x00, 0x07,             // LENGTH = 7
                    0x02, 0x03,             // TAG_TYPE = Generic-Error
                    0x00, 0x03,             // TAG_LENGTH = 3
                    'b', 'y', 'e'));        // TAG_VALUE = the reason
            assertArrayEquals(golden, r.sends().get(0).frame().toArray());
            assertEquals(0, s.activeSessions());
            assertEquals(List.of(), s.terminate(id, "again").actions());
        }
    }

    @Nested
    class Padi {
        @Test
        void unknownService_getsNoPado() {
            DiscoveryServer s = server(config());
            assertEquals(List.of(), padi(s, T0, HOST, PppoeTag.serviceName("video"), UNIQ).actions());
            assertEquals(1, s.counters().ignored());
            assertEquals(0, s.counters().padoSent());
        }

        @Test
        void anyOrNoService_getsPadoListingEveryService() {
            DiscoveryServer s = server(config());
            PppoeDiscovery any = parseSent(padi(s, T0, HOST, ANY).sends().get(0), AC, HOST);
            assertEquals(List.of("inet", "voip"), any.serviceNames());
            assertEquals(Optional.of("ac1"), any.acName());
            assertEquals(Optional.empty(), any.hostUniq());
            PppoeDiscovery none = parseSent(padi(s, T0, host(2)).sends().get(0), AC, host(2));
            assertEquals(List.of("inet", "voip"), none.serviceNames());
        }

        @Test
        void aKnownService_isOffered() {
            DiscoveryServer s = server(config());
            assertEquals(1, padi(s, T0, HOST, PppoeTag.serviceName("voip")).sends().size());
        }

        @Test
        void noServicesConfigured_servesAny_echoingTheRequest() {
            DiscoveryServer s = server(ServerConfig.of(AC, "ac1", List.of()));
            PppoeDiscovery pado = parseSent(padi(s, T0, HOST, PppoeTag.serviceName("video")).sends().get(0), AC, HOST);
            assertEquals(List.of("video"), pado.serviceNames());
            PppoeDiscovery any = parseSent(padi(s, T0, host(2), ANY).sends().get(0), AC, host(2));
            assertEquals(List.of(""), any.serviceNames());
        }

        @Test
        void nonUnicastSource_isLoggedAndDropped() {
            DiscoveryServer s = server(config());
            DiscoveryResult r = padi(s, T0, MacAddress.parse("03:00:00:00:00:01"), ANY);
            assertEquals(List.of("PADI packet from non-unicast source address"), r.messages());
            assertEquals(List.of(), r.actions());
        }

        @Test
        void rateLimit_perSourceMac_refillsWithTime() {
            DiscoveryServer s = server(config().withPadiRate(2, 0.5));
            assertEquals(1, padi(s, T0, HOST, ANY).sends().size());
            assertEquals(1, padi(s, T0, HOST, ANY).sends().size());
            assertEquals(List.of(), padi(s, T0.plusMillis(1999), HOST, ANY).actions());
            assertEquals(1, padi(s, T0, host(2), ANY).sends().size());
            assertEquals(1, padi(s, T0.plusSeconds(2), HOST, ANY).sends().size());
            assertEquals(List.of(), padi(s, T0.plusSeconds(2), HOST, ANY).actions());
            ServerCounters c = s.counters();
            assertEquals(6, c.padiReceived());
            assertEquals(2, c.padiRateLimited());
            assertEquals(4, c.padoSent());
        }

        @Test
        void rfc4638_grantOnlyWhatTheInterfaceCarries() {
            DiscoveryServer s = server(config());
            PppoeDiscovery pado = parseSent(padi(s, T0, HOST, ANY, new PppoeTag.PppMaxPayload(1500)).sends().get(0), AC, HOST);
            assertEquals(OptionalInt.empty(), pado.maxPayload());
            DiscoveryServer jumbo = server(config().withInterfaceMtu(9000));
            PppoeDiscovery big = parseSent(padi(jumbo, T0, HOST, ANY, new PppoeTag.PppMaxPayload(8000)).sends().get(0), AC, HOST);
            assertEquals(OptionalInt.of(8000), big.maxPayload());
            PppoeDiscovery small = parseSent(padi(jumbo, T0, host(2), ANY, new PppoeTag.PppMaxPayload(1492)).sends().get(0),
                    AC, host(2));
            assertEquals(OptionalInt.empty(), small.maxPayload());
        }
    }

    @Nested
    class Cookies {
        private DiscoveryResult padrWith(DiscoveryServer s, Instant now, MacAddress from, ByteString cookie) {
            return padr(s, now, from, INET, UNIQ, cookieTag(cookie));
        }

        @Test
        void missing_isDroppedAndCounted() {
            DiscoveryServer s = server(config());
            assertEquals(List.of(), padr(s, T0, HOST, INET, UNIQ).actions());
            assertEquals(1, s.counters().padrNoCookie());
        }

        @Test
        void forged_isDroppedAndCounted() {
            DiscoveryServer s = server(config());
            byte[] cookie = cookieFor(s, T0, HOST).toArray();
            cookie[10] ^= 1;
            assertEquals(List.of(), padrWith(s, T0, HOST, ByteString.fromArray(cookie)).actions());
            assertEquals(List.of(), padrWith(s, T0, HOST, ByteString.fromArray(new byte[8])).actions());
            assertEquals(2, s.counters().padrForgedCookie());
            assertEquals(0, s.activeSessions());
        }

        @Test
        void anotherHostsCookie_orAnotherHostUniq_isForged() {
            DiscoveryServer s = server(config());
            ByteString cookie = cookieFor(s, T0, HOST);
            assertEquals(List.of(), padrWith(s, T0, host(2), cookie).actions());
            PppoeTag otherUniq = PppoeTag.hostUniq(bytes(1, 2, 3, 4));
            assertEquals(List.of(), padr(s, T0, HOST, INET, otherUniq, cookieTag(cookie)).actions());
            assertEquals(2, s.counters().padrForgedCookie());
        }

        @Test
        void anotherServersCookie_isForged() {
            ByteString cookie = cookieFor(new DiscoveryServer(config(), new Random(7)), T0, HOST);
            DiscoveryServer s = server(config());
            assertEquals(List.of(), padrWith(s, T0, HOST, cookie).actions());
            assertEquals(1, s.counters().padrForgedCookie());
        }

        @Test
        void stale_afterItsLifetime_isDroppedAndCounted() {
            DiscoveryServer s = server(config());
            ByteString cookie = cookieFor(s, T0, HOST);
            assertEquals(List.of(), padrWith(s, T0.plusSeconds(61), HOST, cookie).actions());
            assertEquals(1, s.counters().padrStaleCookie());
            assertTrue(padrWith(s, T0.plusSeconds(60), HOST, cookie).opened().isPresent());
        }

        @Test
        void fromTheFuture_isStale() {
            DiscoveryServer s = server(config());
            ByteString cookie = cookieFor(s, T0, HOST);
            assertEquals(List.of(), padrWith(s, T0.minusSeconds(1), HOST, cookie).actions());
            assertEquals(1, s.counters().padrStaleCookie());
        }

        @Test
        void acCookies_verdicts() {
            AcCookies jar = new AcCookies(new byte[32], AC, Duration.ofSeconds(10));
            ByteString c = jar.issue(T0, HOST, HOST_UNIQ);
            assertEquals(AcCookies.LENGTH, c.size());
            assertEquals(AcCookies.Verdict.VALID, jar.check(T0.plusSeconds(10), HOST, HOST_UNIQ, c));
            assertEquals(AcCookies.Verdict.STALE, jar.check(T0.plusSeconds(11), HOST, HOST_UNIQ, c));
            assertEquals(AcCookies.Verdict.FORGED, jar.check(T0, HOST, ByteString.emptyByteString(), c));
            assertEquals(AcCookies.Verdict.FORGED, jar.check(T0, HOST, HOST_UNIQ, c.take(19)));
        }
    }

    @Nested
    class Padr {
        @Test
        void notAddressedToUs_isIgnored() {
            DiscoveryServer s = server(config());
            ByteString cookie = cookieFor(s, T0, HOST);
            PppoeDiscovery p = PppoeDiscovery.of(PppoeCode.PADR, 0, INET, UNIQ, cookieTag(cookie));
            assertEquals(List.of(), deliver(s, T0, HOST, OTHER_AC, p).actions());
            assertEquals(0, s.counters().padrReceived());
        }

        @Test
        void withoutServiceName_getsServiceNameErrorPads() {
            DiscoveryServer s = server(config());
            DiscoveryResult r = padr(s, T0, HOST, UNIQ, RELAY_ID, cookieTag(cookieFor(s, T0, HOST)));
            assertEquals(List.of("Received PADR packet with no SERVICE_NAME tag"), r.messages());
            assertEquals(PppoeDiscovery.of(PppoeCode.PADS, 0,
                    PppoeTag.text(PppoeTag.SERVICE_NAME_ERROR, "jppp: Server: No service name tag"), RELAY_ID, UNIQ),
                    parseSent(r.sends().get(0), AC, HOST));
            assertEquals(1, s.counters().padsErrors());
        }

        @Test
        void unknownService_getsServiceNameErrorPads() {
            DiscoveryServer s = server(config());
            DiscoveryResult r = padr(s, T0, HOST, PppoeTag.serviceName("video"), UNIQ, cookieTag(cookieFor(s, T0, HOST)));
            assertEquals(List.of("Received PADR packet asking for unsupported service video"), r.messages());
            PppoeDiscovery pads = parseSent(r.sends().get(0), AC, HOST);
            assertEquals(0, pads.sessionId());
            assertEquals(PppoeTag.SERVICE_NAME_ERROR, pads.errors().get(0).type());
            assertEquals(0, s.activeSessions());
        }

        @Test
        void anyService_isGrantedTheFirstOffered() {
            DiscoveryServer s = server(config());
            DiscoveryResult r = padr(s, T0, HOST, ANY, UNIQ, cookieTag(cookieFor(s, T0, HOST)));
            assertEquals("inet", r.opened().orElseThrow().serviceName());
            assertEquals(Optional.of("inet"), parseSent(r.sends().get(0), AC, HOST).serviceName());
        }

        @Test
        void duplicate_getsTheSamePadsAgain_withoutASecondSession() {
            DiscoveryServer s = server(config().withLimits(64, 1));
            ByteString cookie = cookieFor(s, T0, HOST);
            DiscoveryResult first = padr(s, T0, HOST, INET, UNIQ, cookieTag(cookie));
            DiscoveryResult again = padr(s, T0.plusSeconds(5), HOST, INET, UNIQ, cookieTag(cookie));
            assertEquals(first.sends(), again.sends());
            assertTrue(again.opened().isEmpty());
            assertEquals(1, s.activeSessions());
            assertEquals(1, s.counters().padrDuplicate());
        }

        @Test
        void maxSessions_reached_getsAcSystemErrorPads_untilOneIsReleased() {
            DiscoveryServer s = server(config().withLimits(2, 0));
            int first = connect(s, T0, host(1)).opened().orElseThrow().sessionId();
            connect(s, T0, host(2)).opened().orElseThrow();
            DiscoveryResult full = connect(s, T0, host(3));
            assertTrue(full.opened().isEmpty());
            assertEquals(List.of("No client slots available (02:00:00:00:00:03)"), full.messages());
            PppoeDiscovery pads = parseSent(full.sends().get(0), AC, host(3));
            assertEquals(PppoeDiscovery.of(PppoeCode.PADS, 0,
                    PppoeTag.text(PppoeTag.AC_SYSTEM_ERROR, "jppp: Server: No client slots available"), UNIQ), pads);
            s.release(first);
            assertTrue(connect(s, T0, host(3)).opened().isPresent());
        }

        @Test
        void sharedSlots_limitSessionsOverAllInterfaces_untilOneIsReleased() {
            // rp-pppoe's -N counts the sessions of every -I interface together.
            SessionSlots slots = new SessionSlots(2);
            DiscoveryServer eth0 = new DiscoveryServer(config().withLimits(2, 0), new Random(1), slots);
            DiscoveryServer eth1 = new DiscoveryServer(ServerConfig.of(OTHER_AC, "ac2", List.of("inet"))
                    .withLimits(2, 0), new Random(2), slots);
            int first = connect(eth0, T0, host(1)).opened().orElseThrow().sessionId();
            assertTrue(connectTo(eth1, OTHER_AC, host(2)).opened().isPresent());
            assertEquals(2, slots.used());
            DiscoveryResult full = connect(eth0, T0, host(3));
            assertTrue(full.opened().isEmpty());
            assertEquals(List.of("No client slots available (02:00:00:00:00:03)"), full.messages());
            assertTrue(connectTo(eth1, OTHER_AC, host(4)).opened().isEmpty());
            eth0.terminate(first, "RP-PPPoE: Child pppd process terminated");
            assertEquals(1, slots.used());
            assertTrue(connectTo(eth1, OTHER_AC, host(4)).opened().isPresent());
            assertEquals(2, slots.used());
        }

        private DiscoveryResult connectTo(DiscoveryServer s, MacAddress ac, MacAddress host) {
            DiscoveryResult pado = padi(s, T0, host, ANY, UNIQ);
            ByteString cookie = pado.sent().get(0).cookie().orElseThrow();
            return deliver(s, T0, host, ac, PppoeDiscovery.of(PppoeCode.PADR, 0, INET, UNIQ, cookieTag(cookie)));
        }

        @Test
        void perMacLimit_silencesPadiAndPadr_untilReleased() {
            DiscoveryServer s = server(config().withLimits(64, 1));
            ByteString spare = cookieFor(s, T0, HOST);
            int id = connect(s, T0.plusSeconds(1), HOST).opened().orElseThrow().sessionId();
            DiscoveryResult padi = padi(s, T0.plusSeconds(2), HOST, ANY);
            assertEquals(List.of(), padi.actions());
            assertEquals(List.of("PADI: Client 02:00:00:00:00:01 attempted to create more than 1 session(s)"), padi.messages());
            DiscoveryResult padr = padr(s, T0.plusSeconds(2), HOST, INET, UNIQ, cookieTag(spare));
            assertEquals(List.of(), padr.actions());
            assertEquals(List.of("PADR: Client 02:00:00:00:00:01 attempted to create more than 1 session(s)"), padr.messages());
            assertTrue(connect(s, T0.plusSeconds(2), host(2)).opened().isPresent());
            s.release(id);
            assertTrue(padr(s, T0.plusSeconds(3), HOST, INET, UNIQ, cookieTag(spare)).opened().isPresent());
        }

        @Test
        void sessionIds_areUniqueAndNeverReserved_overManySessions() {
            DiscoveryServer s = server(config().withLimits(ServerConfig.MAX_SESSIONS_LIMIT, 0).withPadiRate(1, 1));
            Set<Integer> ids = new HashSet<>();
            for (int i = 1; i <= 3000; i++) {
                int id = connect(s, T0, host(i)).opened().orElseThrow().sessionId();
                assertTrue(id != 0 && id != 0xFFFF, "reserved id " + id);
                assertTrue(ids.add(id), "id " + id + " given twice");
            }
            assertEquals(3000, s.activeSessions());
        }
    }

    @Nested
    class Table {
        @Test
        void fillsTheWholeIdSpace_withoutReservedIds_thenRefuses() {
            SessionTable t = new SessionTable(ServerConfig.MAX_SESSIONS_LIMIT, new Random(1));
            Set<Integer> ids = new HashSet<>();
            for (int i = 0; i < ServerConfig.MAX_SESSIONS_LIMIT; i++) {
                int id = t.allocate().orElseThrow();
                t.put(entry(id, host(i % 7)));
                ids.add(id);
            }
            assertEquals(ServerConfig.MAX_SESSIONS_LIMIT, ids.size());
            assertFalse(ids.contains(0));
            assertFalse(ids.contains(0xFFFF));
            assertEquals(OptionalInt.empty(), t.allocate());
            t.remove(77);
            assertEquals(OptionalInt.of(77), t.allocate());
        }

        @Test
        void countsPerMac_andForgetsOnRemove() {
            SessionTable t = new SessionTable(10, new Random(1));
            t.put(entry(5, HOST));
            t.put(entry(6, HOST));
            assertEquals(2, t.countFrom(HOST));
            assertThrows(IllegalStateException.class, () -> t.put(entry(5, host(9))));
            t.remove(5);
            t.remove(6);
            assertEquals(0, t.countFrom(HOST));
            assertEquals(Optional.empty(), t.remove(6));
        }

        private SessionTable.Entry entry(int id, MacAddress mac) {
            ServerSession s = new ServerSession(id, mac, "", Optional.empty(), OptionalInt.empty(), Optional.empty());
            return new SessionTable.Entry(s, new SessionTable.Conversation(mac, ByteString.emptyByteString(),
                    ByteString.fromInts(id)), PppoeDiscovery.of(PppoeCode.PADS, id));
        }
    }

    @Nested
    class Padt {
        @Test
        void fromTheOwner_endsTheSession() {
            DiscoveryServer s = server(config());
            int id = connect(s, T0, HOST).opened().orElseThrow().sessionId();
            DiscoveryResult r = deliver(s, T0, HOST, AC, PppoeDiscovery.of(PppoeCode.PADT, id,
                    PppoeTag.text(PppoeTag.GENERIC_ERROR, "user request")));
            assertEquals(List.of(new SessionTerminated(id, HOST)), r.actions());
            assertEquals(List.of("PADT: Generic-Error: user request",
                    "Session " + id + " closed for client 02:00:00:00:00:01: Received PADT"), r.messages());
            assertEquals(0, s.activeSessions());
            assertEquals(1, s.counters().padtReceived());
        }

        /**
         * The host's PADT ends the session at once, but its id (and its -N slot) stays taken until
         * the session's PPP has ended (terminate, as pppoe-server when its pppd exits): a new
         * session given that id meanwhile would be the one the late end closes with a PADT.
         */
        @Test
        void fromTheOwner_idHeldUntilThePppEnds_thenFreedWithoutAPadt() {
            DiscoveryServer s = server(config().withLimits(1, 0));
            int id = connect(s, T0, HOST).opened().orElseThrow().sessionId();
            deliver(s, T0, HOST, AC, PppoeDiscovery.of(PppoeCode.PADT, id));
            assertTrue(connect(s, T0, host(2)).opened().isEmpty(), "the only slot is still held");
            assertEquals(List.of(), deliver(s, T0, HOST, AC, PppoeDiscovery.of(PppoeCode.PADT, id)).actions(),
                    "a repeated PADT ends nothing more");
            DiscoveryResult end = s.terminate(id, "RP-PPPoE: Child pppd process terminated");
            assertEquals(List.of(), end.sends(), "no PADT back to a host that sent one");
            assertTrue(connect(s, T0, host(2)).opened().isPresent(), "the slot is free once the PPP ended");
            assertEquals(1, s.activeSessions());
        }

        @Test
        void fromAnotherMac_isWarnedAndKept() {
            DiscoveryServer s = server(config());
            int id = connect(s, T0, HOST).opened().orElseThrow().sessionId();
            DiscoveryResult r = deliver(s, T0, host(2), AC, PppoeDiscovery.of(PppoeCode.PADT, id));
            assertEquals(List.of(), r.actions());
            assertEquals(List.of("PADT for session " + id + " received from 02:00:00:00:00:02; should be from "
                    + "02:00:00:00:00:01"), r.logAtLeast(LogLine.Level.WARN));
            assertEquals(1, s.activeSessions());
        }

        @Test
        void forNoSession_isIgnored() {
            DiscoveryServer s = server(config());
            assertEquals(List.of(), deliver(s, T0, HOST, AC, PppoeDiscovery.of(PppoeCode.PADT, 77)).actions());
            assertEquals(1, s.counters().ignored());
        }
    }

    @Nested
    class UnknownSession {
        @Test
        void fromAHost_getsAPadtForThatId() {
            DiscoveryServer s = server(config());
            DiscoveryResult r = s.unknownSession(T0, HOST, 0x1234);
            assertEquals(1, r.sends().size());
            assertEquals(PppoeDiscovery.of(PppoeCode.PADT, 0x1234,
                    PppoeTag.text(PppoeTag.GENERIC_ERROR, "RP-PPPoE: Session not in use")),
                    parseSent(r.sends().get(0), AC, HOST));
            assertEquals(1, s.counters().unknownSessionPadts());
        }

        @Test
        void perHost_isRateLimited_andRefillsWithTime() {
            DiscoveryServer s = server(config());
            assertEquals(1, s.unknownSession(T0, HOST, 7).sends().size());
            assertEquals(1, s.unknownSession(T0, HOST, 7).sends().size());
            for (int i = 0; i < 100; i++) {
                assertTrue(s.unknownSession(T0, HOST, 7).sends().isEmpty());
            }
            assertEquals(100, s.counters().unknownSessionLimited());
            assertEquals(1, s.unknownSession(T0.plusSeconds(1), HOST, 7).sends().size());
            assertEquals(3, s.counters().unknownSessionPadts());
        }

        @Test
        void overall_isRateLimited_whateverTheSourceMac() {
            DiscoveryServer s = server(config());
            int sent = 0;
            for (int i = 0; i < 1000; i++) {
                sent += s.unknownSession(T0, host(i), 9).sends().size();
            }
            assertEquals(20, sent);
            assertEquals(980, s.counters().unknownSessionLimited());
        }

        @Test
        void fromAGroupAddress_orOurselves_orForAReservedId_isIgnored() {
            DiscoveryServer s = server(config());
            assertTrue(s.unknownSession(T0, MacAddress.BROADCAST, 7).sends().isEmpty());
            assertTrue(s.unknownSession(T0, AC, 7).sends().isEmpty());
            assertTrue(s.unknownSession(T0, HOST, 0).sends().isEmpty());
            assertTrue(s.unknownSession(T0, HOST, 0xFFFF).sends().isEmpty());
            assertEquals(0, s.counters().unknownSessionPadts());
            assertEquals(4, s.counters().ignored());
        }
    }

    @Nested
    class Robustness {
        @Test
        void malformedFrames_andOtherCodes_areIgnoredAndCounted() {
            DiscoveryServer s = server(config());
            assertEquals(List.of(), s.receive(T0, ByteBuffer.wrap(bytes(0xff, 0xff))).actions());
            byte[] badVersion = header(AC, HOST).frame(PppoeDiscovery.of(PppoeCode.PADI, 0)).toArray();
            badVersion[14] = 0x21;
            assertEquals(List.of(), s.receive(T0, ByteBuffer.wrap(badVersion)).actions());
            assertEquals(List.of(), deliver(s, T0, HOST, AC, Fixtures.pado()).actions());
            assertEquals(3, s.counters().ignored());
        }

        @Test
        void releaseOfAnUnknownSession_changesNothing() {
            DiscoveryServer s = server(config());
            assertEquals(List.of(), s.release(5).actions());
            assertEquals(List.of("Session 5 is not in use"), s.release(5).logAtLeast(LogLine.Level.DEBUG));
        }

        @Test
        void config_refusesOutOfRangeLimits() {
            assertThrows(IllegalArgumentException.class, () -> config().withLimits(0, 0));
            assertThrows(IllegalArgumentException.class, () -> config().withLimits(65535, 0));
            assertThrows(IllegalArgumentException.class, () -> config().withLimits(1, -1));
            assertThrows(IllegalArgumentException.class, () -> config().withPadiRate(0, 1));
            assertThrows(IllegalArgumentException.class, () -> ServerConfig.of(MacAddress.BROADCAST, "x", List.of()));
        }

        @Test
        void rateLimiter_tableIsBounded() {
            PadiRateLimiter limiter = new PadiRateLimiter(1, 1, 2);
            assertTrue(limiter.allow(host(1), T0));
            assertTrue(limiter.allow(host(2), T0));
            assertFalse(limiter.allow(host(3), T0), "table full of buckets still refilling");
            assertTrue(limiter.allow(host(3), T0.plusSeconds(1)), "refilled buckets are forgotten");
            assertEquals(1, limiter.tracked());
        }
    }
}
