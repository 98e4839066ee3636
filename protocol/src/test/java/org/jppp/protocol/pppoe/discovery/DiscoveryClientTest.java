package org.jppp.protocol.pppoe.discovery;

import static org.jppp.protocol.pppoe.discovery.Fixtures.AC;
import static org.jppp.protocol.pppoe.discovery.Fixtures.BROADCAST_FROM_HOST;
import static org.jppp.protocol.pppoe.discovery.Fixtures.HOST_UNIQ_TAG;
import static org.jppp.protocol.pppoe.discovery.Fixtures.INET_TAG;
import static org.jppp.protocol.pppoe.discovery.Fixtures.MAX_PAYLOAD_1500_TAG;
import static org.jppp.protocol.pppoe.discovery.Fixtures.RELAY_TAG;
import static org.jppp.protocol.pppoe.discovery.Fixtures.TO_AC_FROM_HOST;
import static org.jppp.protocol.pppoe.discovery.Fixtures.concat;
import static org.jppp.protocol.pppoe.discovery.Fixtures.COOKIE;
import static org.jppp.protocol.pppoe.discovery.Fixtures.HOST;
import static org.jppp.protocol.pppoe.discovery.Fixtures.HOST_UNIQ;
import static org.jppp.protocol.pppoe.discovery.Fixtures.OTHER_AC;
import static org.jppp.protocol.pppoe.discovery.Fixtures.RELAY;
import static org.jppp.protocol.pppoe.discovery.Fixtures.client;
import static org.jppp.protocol.pppoe.discovery.Fixtures.clientWithMaxPayload;
import static org.jppp.protocol.pppoe.discovery.Fixtures.header;
import static org.jppp.protocol.pppoe.discovery.Fixtures.pado;
import static org.jppp.protocol.pppoe.discovery.Fixtures.pads;
import static org.jppp.protocol.pppoe.discovery.Fixtures.parseSent;
import static org.jppp.protocol.testutil.Golden.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.authn.LogLine;
import org.jppp.protocol.config.PppoeSettings;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeCode;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeTag;
import org.jppp.protocol.pppoe.discovery.DiscoveryAction.Failed;
import org.jppp.protocol.pppoe.discovery.DiscoveryAction.PeerTerminated;
import org.jppp.protocol.pppoe.discovery.DiscoveryAction.StartTimer;
import org.jppp.protocol.pppoe.discovery.DiscoveryAction.StopTimer;
import org.jppp.protocol.testutil.Golden;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The host side of RFC 2516 §5, against pppd 2.4.9's rp-pppoe plugin behaviour. */
class DiscoveryClientTest {

    /** Delivers a packet as a whole frame from {@code source} to HOST, through the wire formats. */
    static DiscoveryResult deliver(DiscoveryClient c, MacAddress source, PppoeDiscovery packet) {
        return c.receive(header(HOST, source).frame(packet).asByteBuffer());
    }

    /** A client that has sent its PADI. */
    static DiscoveryClient started(ClientConfig config) {
        DiscoveryClient c = new DiscoveryClient(config);
        c.start();
        return c;
    }

    /** A client that has chosen AC's PADO and sent its PADR. */
    static DiscoveryClient padrSent(ClientConfig config, PppoeDiscovery pado) {
        DiscoveryClient c = started(config);
        assertEquals(1, deliver(c, AC, pado).sends().size());
        assertEquals(ClientState.SENT_PADR, c.state());
        return c;
    }

    static DiscoveryClient inSession(int sessionId) {
        DiscoveryClient c = padrSent(client(), pado());
        deliver(c, AC, pads(sessionId));
        assertEquals(ClientState.SESSION, c.state());
        return c;
    }

    @Nested
    class Golden_ {
        @Test
        void start_broadcastsPadi_withServiceHostUniqAndMaxPayload() {
            ClientConfig d = client();
            ClientConfig config = new ClientConfig(HOST, "eth0", Optional.of("inet"), Optional.empty(),
                    Optional.empty(), HOST_UNIQ, OptionalInt.of(1500), d.timeout(), d.attempts(), false);
            DiscoveryClient c = new DiscoveryClient(config);
            DiscoveryResult r = c.start();
            byte[] golden = concat(BROADCAST_FROM_HOST, bytes(
                    0x11,                   // VER = 1, TYPE = 1
                    0x09,                   // CODE = PADI
                    0x00, 0x00,             // SESSION_ID = 0
                    0x00, 0x16),            // LENGTH = 22
                    INET_TAG, HOST_UNIQ_TAG, MAX_PAYLOAD_1500_TAG);
            assertArrayEquals(golden, r.sends().get(0).frame().toArray());
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(5))), r.only(StartTimer.class));
            assertEquals(ClientState.SENT_PADI, c.state());
        }

        @Test
        void pado_chosen_padrUnicastToAc_echoesCookieAndRelaySessionId() {
            PppoeDiscovery offer = pado("ac1", List.of(""), new PppoeTag.Opaque(PppoeTag.RELAY_SESSION_ID, RELAY));
            DiscoveryClient c = started(client());
            DiscoveryResult r = deliver(c, AC, offer);
            byte[] golden = concat(TO_AC_FROM_HOST, bytes(
                    0x11,                   // VER = 1, TYPE = 1
                    0x19,                   // CODE = PADR, unicast to the chosen AC (RFC 2516 §5.3)
                    0x00, 0x00,             // SESSION_ID = 0
                    0x00, 0x1f,             // LENGTH = 31
                    0x01, 0x01,             // TAG_TYPE = Service-Name
                    0x00, 0x00),            // TAG_LENGTH = 0: any service
                    HOST_UNIQ_TAG, bytes(   // as in the PADI
                    0x01, 0x04,             // TAG_TYPE = AC-Cookie
                    0x00, 0x08,             // TAG_LENGTH = 8
                    1, 2, 3, 4, 5, 6, 7, 8), // TAG_VALUE, echoed from the PADO
                    RELAY_TAG);             // echoed from the PADO
            assertEquals(List.of(new StopTimer(), r.sends().get(0), new StartTimer(Duration.ofSeconds(5))), r.actions());
            assertArrayEquals(golden, r.sends().get(0).frame().toArray());
        }

        @Test
        void terminate_inSession_sendsPadtWithHostUniqReasonAndCookie() {
            DiscoveryClient c = inSession(292);
            DiscoveryResult r = c.terminate(Optional.of("bye"));
            byte[] golden = concat(TO_AC_FROM_HOST, bytes(
                    0x11,                   // VER = 1, TYPE = 1
                    0xa7,                   // CODE = PADT (RFC 2516 §5.5)
                    0x01, 0x24,             // SESSION_ID = 292
                    0x00, 0x1b),            // LENGTH = 27
                    HOST_UNIQ_TAG, bytes(
                    0x02, 0x03,             // TAG_TYPE = Generic-Error
                    0x00, 0x03,             // TAG_LENGTH = 3
                    'b', 'y', 'e',          // TAG_VALUE = the reason
                    0x01, 0x04,             // TAG_TYPE = AC-Cookie
                    0x00, 0x08,             // TAG_LENGTH = 8
                    1, 2, 3, 4, 5, 6, 7, 8)); // TAG_VALUE
            assertArrayEquals(golden, r.sends().get(0).frame().toArray());
            assertEquals(ClientState.TERMINATED, c.state());
        }
    }

    @Nested
    class Established {
        @Test
        void pads_establishesSession_withPppdLines() {
            DiscoveryClient c = padrSent(client(), pado());
            DiscoveryResult r = deliver(c, AC, pads(292));
            ClientSession s = r.established().orElseThrow();
            assertEquals(new ClientSession(292, AC, "ac1", "", OptionalInt.empty(), HOST_UNIQ, Optional.of(COOKIE),
                    Optional.empty()), s);
            assertEquals(List.of("PPP session is 292", "Connected to a0:f3:e4:4f:e3:b0 via interface enp4s0"),
                    r.messages());
            assertEquals(List.of(LogLine.Level.DEBUG, LogLine.Level.INFO, LogLine.Level.WARN),
                    r.log().stream().map(LogLine::level).toList());
            assertTrue(r.has(new StopTimer()));
            assertEquals(List.of(), r.sends());
            assertEquals(ClientState.SESSION, c.state());
            assertEquals(Optional.of(s), c.session());
        }

        @Test
        void pads_serviceName_recordedAndRelayFromPadsKept() {
            DiscoveryClient c = padrSent(client(Optional.of("inet"), Optional.empty(), Optional.empty()),
                    pado("ac1", List.of("inet")));
            PppoeDiscovery pads = new PppoeDiscovery(PppoeCode.PADS, 7, List.of(PppoeTag.serviceName("inet"),
                    new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, HOST_UNIQ), new PppoeTag.Opaque(PppoeTag.RELAY_SESSION_ID, RELAY)));
            ClientSession s = deliver(c, AC, pads).established().orElseThrow();
            assertEquals("inet", s.serviceName());
            assertEquals(Optional.of(RELAY), s.relaySessionId());
        }

        @Test
        void start_twice_doesNothingMore() {
            DiscoveryClient c = started(client());
            assertEquals(List.of(), c.start().actions());
        }

        @Test
        void timeout_inSessionOrIdle_isIgnored() {
            assertEquals(List.of(), inSession(5).timeout().actions());
            assertEquals(List.of(), new DiscoveryClient(client()).timeout().actions());
        }
    }

    @Nested
    class Retransmission {
        @Test
        void padi_waitDoubles_thenTimeoutWithPppdMessageAndExitStatus() {
            DiscoveryClient c = new DiscoveryClient(client());
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(5))), c.start().only(StartTimer.class));
            DiscoveryResult second = c.timeout();
            assertEquals(PppoeCode.PADI, second.sent().get(0).code());
            assertEquals(MacAddress.BROADCAST, second.sends().get(0).destination());
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(10))), second.only(StartTimer.class));
            DiscoveryResult third = c.timeout();
            assertEquals(1, third.sends().size());
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(20))), third.only(StartTimer.class));
            DiscoveryResult last = c.timeout();
            assertEquals(List.of(), last.sends());
            assertEquals(Optional.of(new Failed("Timeout waiting for PADO packets", 8)), last.failed());
            assertEquals(List.of("Timeout waiting for PADO packets", "Unable to complete PPPoE Discovery"), last.messages());
            assertEquals(ClientState.FAILED, c.state());
            assertEquals(List.of(), c.timeout().actions());
        }

        @Test
        void padr_countsAfresh_fromTheFirstWait_thenTimesOut() {
            DiscoveryClient c = started(client());
            c.timeout();
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(5))), deliver(c, AC, pado()).only(StartTimer.class));
            DiscoveryResult second = c.timeout();
            assertEquals(PppoeCode.PADR, second.sent().get(0).code());
            assertEquals(AC, second.sends().get(0).destination());
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(10))), second.only(StartTimer.class));
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(20))), c.timeout().only(StartTimer.class));
            DiscoveryResult last = c.timeout();
            assertEquals(Optional.of(new Failed("Timeout waiting for PADS packets", DiscoveryClient.EXIT_CONNECT_FAILED)),
                    last.failed());
            assertEquals(List.of("Timeout waiting for PADS packets", "Unable to complete PPPoE Discovery"), last.messages());
        }

        @Test
        void settings_timeoutAndAttempts_fromPluginOptions() {
            PppoeSettings settings = new PppoeSettings(Optional.of("rp-pppoe.so"), Optional.of("eth0"), Optional.empty(),
                    Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(), 2, 1);
            DiscoveryClient c = new DiscoveryClient(ClientConfig.of(settings, HOST, "eth0", HOST_UNIQ, OptionalInt.empty()));
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(2))), c.start().only(StartTimer.class));
            assertTrue(c.timeout().failed().isPresent());
        }

        @Test
        void padoWithErrorTag_isLogged_andNextPadiGoesAtOnceWithDoubledWait() {
            DiscoveryClient c = started(client());
            PppoeDiscovery refusal = pado("ac1", List.of(""), PppoeTag.text(PppoeTag.AC_SYSTEM_ERROR, "full"));
            DiscoveryResult r = deliver(c, AC, refusal);
            assertEquals(List.of("PADO: System-Error: full"), r.messages());
            assertEquals(PppoeCode.PADI, r.sent().get(0).code());
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(10))), r.only(StartTimer.class));
            assertEquals(ClientState.SENT_PADI, c.state());
        }

        @Test
        void padoWithErrorTag_onLastAttempt_fails() {
            DiscoveryClient c = started(client());
            c.timeout();
            c.timeout();
            DiscoveryResult r = deliver(c, AC, pado("ac1", List.of(""),
                    PppoeTag.text(PppoeTag.SERVICE_NAME_ERROR, "no such service")));
            assertEquals(List.of("PADO: Service-Name-Error: no such service", "Timeout waiting for PADO packets",
                    "Unable to complete PPPoE Discovery"), r.messages());
            assertTrue(r.has(new StopTimer()));
            assertTrue(r.failed().isPresent());
        }
    }

    @Nested
    class PadoSelection {
        @Test
        void otherHostUniq_orNone_isIgnored() {
            DiscoveryClient c = started(client());
            PppoeDiscovery other = new PppoeDiscovery(PppoeCode.PADO, 0, List.of(PppoeTag.acName("ac1"),
                    PppoeTag.serviceName(""), PppoeTag.hostUniq(bytes(1, 2, 3, 4))));
            PppoeDiscovery none = new PppoeDiscovery(PppoeCode.PADO, 0, List.of(PppoeTag.acName("ac1"),
                    PppoeTag.serviceName("")));
            assertEquals(List.of(), deliver(c, AC, other).actions());
            assertEquals(List.of(), deliver(c, AC, none).actions());
            assertEquals(2, c.ignoredPackets());
            assertEquals(ClientState.SENT_PADI, c.state());
        }

        @Test
        void withoutHostUniq_noTagSent_andAnyPadoIsOurs() {
            ClientConfig d = client();
            ClientConfig config = new ClientConfig(HOST, "eth0", d.service(), d.acName(), d.acMac(),
                    ByteString.emptyByteString(), d.maxPayload(), d.timeout(), d.attempts(), false);
            DiscoveryClient c = new DiscoveryClient(config);
            assertEquals(List.of(PppoeTag.serviceName("")), c.start().sent().get(0).tags());
            PppoeDiscovery bare = new PppoeDiscovery(PppoeCode.PADO, 0, List.of(PppoeTag.acName("ac1"),
                    PppoeTag.serviceName("")));
            assertEquals(PppoeCode.PADR, deliver(c, AC, bare).sent().get(0).code());
        }

        @Test
        void wrongAcName_isSkipped_untilTheWantedOneOffers() {
            DiscoveryClient c = started(client(Optional.empty(), Optional.of("ac2"), Optional.empty()));
            assertEquals(List.of(), deliver(c, OTHER_AC, pado("ac1", List.of(""))).actions());
            DiscoveryResult r = deliver(c, AC, pado("ac2", List.of("")));
            assertEquals(AC, r.sends().get(0).destination());
            assertEquals("ac2", deliver(c, AC, pads(3)).established().orElseThrow().acName());
        }

        @Test
        void pppoeMac_otherSource_isWarnedAndSkipped() {
            DiscoveryClient c = started(client(Optional.empty(), Optional.empty(), Optional.of(AC)));
            DiscoveryResult r = deliver(c, OTHER_AC, pado());
            assertEquals(List.of(), r.actions());
            assertEquals(List.of("Ignoring PADO packet from wrong MAC address"), r.logAtLeast(LogLine.Level.WARN));
            assertEquals(AC, deliver(c, AC, pado()).sends().get(0).destination());
        }

        @Test
        void requestedService_mustBeListed_exactly() {
            DiscoveryClient c = started(client(Optional.of("inet"), Optional.empty(), Optional.empty()));
            assertEquals(List.of(), deliver(c, OTHER_AC, pado("ac1", List.of("", "INET", "inet6"))).actions());
            DiscoveryResult r = deliver(c, AC, pado("ac2", List.of("voip", "inet")));
            PppoeDiscovery padr = parseSent(r.sends().get(0), HOST, AC);
            assertEquals(Optional.of("inet"), padr.serviceName());
        }

        @Test
        void nonUnicastSource_isLoggedAndSkipped() {
            DiscoveryClient c = started(client());
            DiscoveryResult r = deliver(c, MacAddress.parse("01:00:5e:00:00:01"), pado());
            assertEquals(List.of("Ignoring PADO packet from non-unicast MAC address"), r.messages());
            assertEquals(List.of(), r.actions());
        }

        @Test
        void missingAcNameOrServiceName_isLoggedAndSkipped() {
            DiscoveryClient c = started(client());
            PppoeDiscovery noAc = new PppoeDiscovery(PppoeCode.PADO, 0, List.of(PppoeTag.serviceName(""),
                    new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, HOST_UNIQ)));
            PppoeDiscovery noService = new PppoeDiscovery(PppoeCode.PADO, 0, List.of(PppoeTag.acName("ac1"),
                    new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, HOST_UNIQ)));
            assertEquals(List.of("Ignoring PADO packet with no AC-Name tag"), deliver(c, AC, noAc).messages());
            assertEquals(List.of("Ignoring PADO packet with no Service-Name tag"), deliver(c, AC, noService).messages());
            assertEquals(ClientState.SENT_PADI, c.state());
        }

        @Test
        void verbose_logsEveryAccessConcentrator() {
            ClientConfig d = client();
            DiscoveryClient c = started(new ClientConfig(HOST, "eth0", d.service(), Optional.of("ac2"), d.acMac(),
                    d.hostUniq(), d.maxPayload(), d.timeout(), d.attempts(), true));
            assertEquals(List.of("Access-Concentrator: ac1"), deliver(c, OTHER_AC, pado("ac1", List.of(""))).messages());
        }

        @Test
        void notAddressedToUs_otherCodes_malformedAndOtherEtherTypes_areIgnoredAndCounted() {
            DiscoveryClient c = started(client());
            assertEquals(List.of(), c.receive(header(OTHER_AC, AC), pado()).actions());
            assertEquals(List.of(), deliver(c, AC, pads(3)).actions());
            assertEquals(List.of(), c.receive(ByteBuffer.wrap(bytes(1, 2, 3))).actions());
            byte[] session = header(HOST, AC).frame(pado()).toArray();
            session[13] = 0x64;
            assertEquals(List.of(), c.receive(ByteBuffer.wrap(session)).actions());
            byte[] truncated = java.util.Arrays.copyOf(header(HOST, AC).frame(pado()).toArray(), 25);
            assertEquals(List.of(), c.receive(ByteBuffer.wrap(truncated)).actions());
            assertEquals(5, c.ignoredPackets());
            assertEquals(ClientState.SENT_PADI, c.state());
        }
    }

    @Nested
    class Pads {
        @Test
        void fromAnotherMac_orWithOtherHostUniq_isIgnored() {
            DiscoveryClient c = padrSent(client(), pado());
            assertEquals(List.of(), deliver(c, OTHER_AC, pads(3)).actions());
            PppoeDiscovery foreign = new PppoeDiscovery(PppoeCode.PADS, 3, List.of(PppoeTag.serviceName(""),
                    PppoeTag.hostUniq(bytes(9, 9, 9, 9))));
            assertEquals(List.of(), deliver(c, AC, foreign).actions());
            assertEquals(ClientState.SENT_PADR, c.state());
        }

        @Test
        void serviceNameError_isLogged_andPadrResentAtOnce() {
            DiscoveryClient c = padrSent(client(), pado());
            PppoeDiscovery refusal = new PppoeDiscovery(PppoeCode.PADS, 0, List.of(
                    PppoeTag.text(PppoeTag.SERVICE_NAME_ERROR, "no"), new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, HOST_UNIQ)));
            DiscoveryResult r = deliver(c, AC, refusal);
            assertEquals(List.of("PADS: Service-Name-Error: no"), r.messages());
            assertEquals(PppoeCode.PADR, r.sent().get(0).code());
            assertEquals(List.of(new StartTimer(Duration.ofSeconds(10))), r.only(StartTimer.class));
            assertTrue(r.established().isEmpty());
        }

        @Test
        void sessionZero_isAViolation_andFails() {
            DiscoveryClient c = padrSent(client(), pado());
            DiscoveryResult r = deliver(c, AC, pads(0));
            assertEquals(List.of("PPP session is 0",
                    "Access concentrator used a session value of 0 -- the AC is violating RFC 2516",
                    "Unable to complete PPPoE Discovery"), r.messages());
            assertEquals(8, r.failed().orElseThrow().exitStatus());
            assertEquals(ClientState.FAILED, c.state());
        }

        @Test
        void sessionFfff_isAViolation_andFails() {
            DiscoveryResult r = deliver(padrSent(client(), pado()), AC, pads(0xFFFF));
            assertEquals("Access concentrator used a session value of ffff -- the AC is violating RFC 2516",
                    r.failed().orElseThrow().reason());
        }
    }

    @Nested
    class Rfc4638 {
        private OptionalInt agreed(ClientConfig config, PppoeDiscovery pado, PppoeDiscovery pads) {
            DiscoveryClient c = padrSent(config, pado);
            return deliver(c, AC, pads).established().orElseThrow().maxPayload();
        }

        private static PppoeTag max(int value) {
            return new PppoeTag.PppMaxPayload(value);
        }

        @Test
        void requested_isSentInPadiAndPadr() {
            DiscoveryClient c = new DiscoveryClient(clientWithMaxPayload(1500));
            assertEquals(OptionalInt.of(1500), c.start().sent().get(0).maxPayload());
            assertEquals(OptionalInt.of(1500), deliver(c, AC, pado()).sent().get(0).maxPayload());
        }

        @Test
        void notRequested_noTag() {
            assertEquals(OptionalInt.empty(), new DiscoveryClient(client()).start().sent().get(0).maxPayload());
        }

        @Test
        void echoedInPadoAndPads_isHonoured() {
            assertEquals(OptionalInt.of(1500), agreed(clientWithMaxPayload(1500),
                    pado("ac1", List.of(""), max(1500)), pads(1, max(1500))));
        }

        @Test
        void notEchoed_isNotHonoured() {
            assertEquals(OptionalInt.empty(), agreed(clientWithMaxPayload(1500), pado(), pads(1)));
        }

        @Test
        void echoedOnlyInPado_countsAsPppdDoes() {
            assertEquals(OptionalInt.of(1500), agreed(clientWithMaxPayload(1500),
                    pado("ac1", List.of(""), max(1500)), pads(1)));
        }

        @Test
        void echoedLower_isTheAgreedValue() {
            assertEquals(OptionalInt.of(1496), agreed(clientWithMaxPayload(1500),
                    pado("ac1", List.of(""), max(1500)), pads(1, max(1496))));
        }

        @Test
        void echoedBelow1492_isDisregarded() {
            assertEquals(OptionalInt.empty(), agreed(clientWithMaxPayload(1500), pado(), pads(1, max(1400))));
        }

        @Test
        void offeredButNotRequested_isNotHonoured() {
            assertEquals(OptionalInt.empty(), agreed(client(), pado("ac1", List.of(""), max(1500)), pads(1, max(1500))));
        }
    }

    @Nested
    class Padt {
        @Test
        void forOurSession_endsIt() {
            DiscoveryClient c = inSession(292);
            PppoeDiscovery padt = PppoeDiscovery.of(PppoeCode.PADT, 292, PppoeTag.text(PppoeTag.GENERIC_ERROR, "admin"));
            DiscoveryResult r = deliver(c, AC, padt);
            assertEquals(List.of(new PeerTerminated(292)), r.actions());
            assertEquals(List.of("PADT: Generic-Error: admin", "Session 292 terminated -- received PADT from peer"),
                    r.messages());
            assertEquals(ClientState.TERMINATED, c.state());
        }

        @Test
        void forAnotherSession_orFromAnotherMac_isIgnored() {
            DiscoveryClient c = inSession(292);
            assertEquals(List.of(), deliver(c, AC, PppoeDiscovery.of(PppoeCode.PADT, 293)).actions());
            assertEquals(List.of(), deliver(c, OTHER_AC, PppoeDiscovery.of(PppoeCode.PADT, 292)).actions());
            assertEquals(ClientState.SESSION, c.state());
        }

        @Test
        void beforeTheSession_isIgnored() {
            DiscoveryClient c = padrSent(client(), pado());
            assertEquals(List.of(), deliver(c, AC, PppoeDiscovery.of(PppoeCode.PADT, 0)).actions());
            assertEquals(ClientState.SENT_PADR, c.state());
        }

        @Test
        void terminate_duringDiscovery_stopsTheTimer_andIdleDoesNothing() {
            DiscoveryClient c = started(client());
            assertEquals(List.of(new StopTimer()), c.terminate(Optional.empty()).actions());
            assertEquals(ClientState.TERMINATED, c.state());
            assertEquals(List.of(), new DiscoveryClient(client()).terminate(Optional.empty()).actions());
        }

        @Test
        void terminate_withoutReason_sendsPlainPadt() {
            DiscoveryResult r = inSession(9).terminate(Optional.empty());
            PppoeDiscovery padt = parseSent(r.sends().get(0), HOST, AC);
            assertEquals(PppoeDiscovery.of(PppoeCode.PADT, 9, new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, HOST_UNIQ),
                    new PppoeTag.Opaque(PppoeTag.AC_COOKIE, COOKIE)), padt);
        }
    }

    @Nested
    class Config {
        @Test
        void requestedMaxPayload_asPppdComputesIt() {
            assertEquals(OptionalInt.of(1500), ClientConfig.requestedMaxPayload(1500, 1500, 1508));
            assertEquals(OptionalInt.of(1496), ClientConfig.requestedMaxPayload(1500, 1496, 9000));
            assertEquals(OptionalInt.empty(), ClientConfig.requestedMaxPayload(1500, 1500, 1500));
            assertEquals(OptionalInt.empty(), ClientConfig.requestedMaxPayload(1492, 1500, 9000));
        }

        @Test
        void hostUniqOption_isHex() {
            assertEquals(HOST_UNIQ, ClientConfig.parseHostUniq("DEADbeef"));
            assertEquals(ByteString.emptyByteString(), ClientConfig.parseHostUniq(""));
            for (String bad : List.of("abc", "zz", "0x12")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientConfig.parseHostUniq(bad));
                assertEquals("Illegal value for host-uniq option", e.getMessage());
            }
        }

        @Test
        void of_settings_optionsOverrideDefaults() {
            PppoeSettings settings = new PppoeSettings(Optional.of("rp-pppoe.so"), Optional.of("eth0"),
                    Optional.of("inet"), Optional.of("ac1"), Optional.empty(), 1, Optional.of("A0:F3:E4:4F:E3:B0"),
                    Optional.of("0102"), 5, 3);
            ClientConfig c = ClientConfig.of(settings, HOST, "eth0", HOST_UNIQ, OptionalInt.of(1500));
            assertEquals(new ClientConfig(HOST, "eth0", Optional.of("inet"), Optional.of("ac1"), Optional.of(AC),
                    Golden.byteString(1, 2), OptionalInt.of(1500), Duration.ofSeconds(5), 3, true), c);
        }

        @Test
        void invalidValues_areRefused() {
            ClientConfig d = client();
            assertThrows(IllegalArgumentException.class, () -> new ClientConfig(MacAddress.BROADCAST, "eth0",
                    d.service(), d.acName(), d.acMac(), d.hostUniq(), d.maxPayload(), d.timeout(), 3, false));
            assertThrows(IllegalArgumentException.class, () -> new ClientConfig(HOST, "eth0",
                    d.service(), d.acName(), d.acMac(), d.hostUniq(), OptionalInt.of(1492), d.timeout(), 3, false));
            assertThrows(IllegalArgumentException.class, () -> new ClientConfig(HOST, "eth0",
                    d.service(), d.acName(), d.acMac(), d.hostUniq(), d.maxPayload(), Duration.ZERO, 3, false));
            assertThrows(IllegalArgumentException.class, () -> new ClientConfig(HOST, "eth0",
                    d.service(), d.acName(), d.acMac(), d.hostUniq(), d.maxPayload(), d.timeout(), 0, false));
        }
    }
}
