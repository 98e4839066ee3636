package org.jppp.protocol.pppoe;

import static org.jppp.protocol.testutil.Golden.byteString;
import static org.jppp.protocol.testutil.Golden.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jppp.protocol.pppoe.PppoeTag.EndOfList;
import org.jppp.protocol.pppoe.PppoeTag.Opaque;
import org.jppp.protocol.pppoe.PppoeTag.PppMaxPayload;
import org.jppp.protocol.pppoe.PppoeTag.Unknown;
import org.jppp.protocol.pppoe.PppoeTag.VendorSpecific;
import org.jppp.protocol.testutil.Golden;
import org.jppp.protocol.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 2516 §5 discovery packets and appendix A tags, one golden array per code. */
class PppoeDiscoveryTest {
    private static final PppoeTag HOST_UNIQ = PppoeTag.hostUniq(bytes(0xde, 0xad, 0xbe, 0xef));
    private static final PppoeTag COOKIE = PppoeTag.acCookie(bytes(1, 2, 3, 4, 5, 6, 7, 8));
    private static final PppoeTag RELAY = new Opaque(PppoeTag.RELAY_SESSION_ID, byteString(0x0a, 0x0b, 0x0c));
    private static final PppoeTag INET = PppoeTag.serviceName("inet");

    // Tags as they appear on the wire, one per constant, shared by the packets below.

    static final byte[] ANY_SERVICE_TAG = bytes(
            0x01, 0x01,             // TAG_TYPE = Service-Name
            0x00, 0x00);            // TAG_LENGTH = 0: any service

    static final byte[] INET_TAG = bytes(
            0x01, 0x01,             // TAG_TYPE = Service-Name
            0x00, 0x04,             // TAG_LENGTH = 4
            'i', 'n', 'e', 't');    // TAG_VALUE = "inet"

    static final byte[] HOST_UNIQ_TAG = bytes(
            0x01, 0x03,             // TAG_TYPE = Host-Uniq
            0x00, 0x04,             // TAG_LENGTH = 4
            0xde, 0xad, 0xbe, 0xef); // TAG_VALUE, opaque, echoed by the AC

    static final byte[] COOKIE_TAG = bytes(
            0x01, 0x04,             // TAG_TYPE = AC-Cookie
            0x00, 0x08,             // TAG_LENGTH = 8
            1, 2, 3, 4, 5, 6, 7, 8); // TAG_VALUE, opaque, echoed by the host

    static final byte[] RELAY_TAG = bytes(
            0x01, 0x10,             // TAG_TYPE = Relay-Session-Id
            0x00, 0x03,             // TAG_LENGTH = 3
            0x0a, 0x0b, 0x0c);      // TAG_VALUE, opaque

    static final byte[] MAX_PAYLOAD_TAG = bytes(
            0x01, 0x20,             // TAG_TYPE = PPP-Max-Payload (RFC 4638)
            0x00, 0x02,             // TAG_LENGTH = 2
            0x05, 0xdc);            // TAG_VALUE = 1500

    static final byte[] PADI = concat(bytes(
            0x11,                   // VER = 1, TYPE = 1
            0x09,                   // CODE = PADI
            0x00, 0x00,             // SESSION_ID = 0
            0x00, 0x12),            // LENGTH = 18
            ANY_SERVICE_TAG, HOST_UNIQ_TAG, MAX_PAYLOAD_TAG);

    static final byte[] PADO = concat(bytes(
            0x11,                   // VER = 1, TYPE = 1
            0x07,                   // CODE = PADO
            0x00, 0x00,             // SESSION_ID = 0
            0x00, 0x3c,             // LENGTH = 60
            0x01, 0x02,             // TAG_TYPE = AC-Name
            0x00, 0x03,             // TAG_LENGTH = 3
            'a', 'c', '1'),         // TAG_VALUE = "ac1"
            ANY_SERVICE_TAG, INET_TAG, HOST_UNIQ_TAG, COOKIE_TAG, bytes(
            0x01, 0x05,             // TAG_TYPE = Vendor-Specific
            0x00, 0x06,             // TAG_LENGTH = 6
            0x00, 0x00, 0x0d, 0xe9, // vendor id: 0, enterprise number 3561
            0x01, 0x02),            // vendor data
            RELAY_TAG, bytes(
            0x00, 0x00,             // TAG_TYPE = End-Of-List
            0x00, 0x00));           // TAG_LENGTH = 0

    static final byte[] PADR = concat(bytes(
            0x11,                   // VER = 1, TYPE = 1
            0x19,                   // CODE = PADR
            0x00, 0x00,             // SESSION_ID = 0
            0x00, 0x23),            // LENGTH = 35
            INET_TAG, HOST_UNIQ_TAG, COOKIE_TAG, RELAY_TAG);

    static final byte[] PADS = concat(bytes(
            0x11,                   // VER = 1, TYPE = 1
            0x65,                   // CODE = PADS
            0x12, 0x34,             // SESSION_ID = 0x1234
            0x00, 0x16),            // LENGTH = 22
            INET_TAG, HOST_UNIQ_TAG, MAX_PAYLOAD_TAG);

    static final byte[] PADS_REFUSED = bytes(
            0x11,                   // VER = 1, TYPE = 1
            0x65,                   // CODE = PADS
            0x00, 0x00,             // SESSION_ID = 0: no session (RFC 2516 §5.4)
            0x00, 0x08,             // LENGTH = 8
            0x02, 0x01,             // TAG_TYPE = Service-Name-Error
            0x00, 0x04,             // TAG_LENGTH = 4
            'n', 'o', 'n', 'e');    // TAG_VALUE = "none"

    static final byte[] PADT = bytes(
            0x11,                   // VER = 1, TYPE = 1
            0xa7,                   // CODE = PADT
            0x12, 0x34,             // SESSION_ID = 0x1234
            0x00, 0x0f,             // LENGTH = 15
            0x02, 0x03,             // TAG_TYPE = Generic-Error
            0x00, 0x03,             // TAG_LENGTH = 3
            'b', 'y', 'e',          // TAG_VALUE = "bye"
            0x02, 0x02,             // TAG_TYPE = AC-System-Error
            0x00, 0x04,             // TAG_LENGTH = 4
            'f', 'u', 'l', 'l');    // TAG_VALUE = "full"

    static final byte[] UNKNOWN = bytes(
            0x11,                   // VER = 1, TYPE = 1
            0xab,                   // CODE = 0xab, not in RFC 2516
            0x00, 0x00,             // SESSION_ID = 0
            0x00, 0x06,             // LENGTH = 6
            0x09, 0x99,             // TAG_TYPE = 0x0999, not in RFC 2516
            0x00, 0x02,             // TAG_LENGTH = 2
            'x', 'y');              // TAG_VALUE

    private static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(Stream.of(parts).mapToInt(p -> p.length).sum());
        Stream.of(parts).forEach(b::put);
        return b.array();
    }

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of("PADI", PADI, PppoeDiscovery.of(PppoeCode.PADI, 0,
                        PppoeTag.serviceName(""), HOST_UNIQ, new PppMaxPayload(1500))),
                Arguments.of("PADO", PADO, PppoeDiscovery.of(PppoeCode.PADO, 0,
                        PppoeTag.acName("ac1"), PppoeTag.serviceName(""), INET,
                        HOST_UNIQ, COOKIE, new VendorSpecific(3561, byteString(1, 2)), RELAY, new EndOfList())),
                Arguments.of("PADR", PADR, PppoeDiscovery.of(PppoeCode.PADR, 0, INET, HOST_UNIQ, COOKIE, RELAY)),
                Arguments.of("PADS", PADS, PppoeDiscovery.of(PppoeCode.PADS, 0x1234,
                        INET, HOST_UNIQ, new PppMaxPayload(1500))),
                Arguments.of("PADS refused", PADS_REFUSED, PppoeDiscovery.of(PppoeCode.PADS, 0,
                        PppoeTag.text(PppoeTag.SERVICE_NAME_ERROR, "none"))),
                Arguments.of("PADT", PADT, PppoeDiscovery.of(PppoeCode.PADT, 0x1234,
                        PppoeTag.text(PppoeTag.GENERIC_ERROR, "bye"), PppoeTag.text(PppoeTag.AC_SYSTEM_ERROR, "full"))),
                Arguments.of("unknown code and tag", UNKNOWN, PppoeDiscovery.of(new PppoeCode(0xab), 0,
                        new Unknown(0x0999, byteString('x', 'y')))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void golden_parsesEmitsAndRoundTrips(String name, byte[] golden, PppoeDiscovery expected)
            throws MalformedPacketException {
        PppoeDiscovery parsed = PppoeDiscovery.parse(ByteBuffer.wrap(golden));
        assertEquals(expected, parsed);
        Golden.assertEmits(golden, expected.encodedLength(), expected::emit);
        ByteBuffer again = ByteBuffer.allocate(parsed.encodedLength());
        parsed.emit(again);
        assertEquals(parsed, PppoeDiscovery.parse(again.flip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void golden_truncatedOrMutated_onlyEverMalformed(String name, byte[] golden, PppoeDiscovery expected) {
        Golden.assertOnlyMalformed(PppoeDiscovery::parse, golden, name.hashCode());
    }

    @Test
    void pado_accessors() throws MalformedPacketException {
        PppoeDiscovery pado = PppoeDiscovery.parse(ByteBuffer.wrap(PADO));
        assertEquals(Optional.of("ac1"), pado.acName());
        assertEquals(Optional.of(""), pado.serviceName());
        assertEquals(List.of("", "inet"), pado.serviceNames());
        assertEquals(Optional.of(HOST_UNIQ.value()), pado.hostUniq());
        assertEquals(Optional.of(COOKIE.value()), pado.cookie());
        assertEquals(Optional.of(RELAY.value()), pado.relaySessionId());
        assertEquals(OptionalInt.empty(), pado.maxPayload());
        assertEquals(List.of(), pado.errors());
        assertEquals(3561, pado.first(VendorSpecific.class).orElseThrow().vendorId());
    }

    @Test
    void padi_and_padt_accessors() throws MalformedPacketException {
        assertEquals(OptionalInt.of(1500), PppoeDiscovery.parse(ByteBuffer.wrap(PADI)).maxPayload());
        PppoeDiscovery padt = PppoeDiscovery.parse(ByteBuffer.wrap(PADT));
        assertEquals(List.of("bye", "full"), padt.errors().stream().map(PppoeTag.Text::text).toList());
        assertEquals(Optional.empty(), padt.serviceName());
        assertEquals("PADT", padt.code().name());
    }

    @Test
    void ethernetPadding_afterLength_isIgnored() throws MalformedPacketException {
        byte[] padded = java.util.Arrays.copyOf(PADS_REFUSED, 46);
        assertEquals(PppoeDiscovery.parse(ByteBuffer.wrap(PADS_REFUSED)), PppoeDiscovery.parse(ByteBuffer.wrap(padded)));
    }

    @Test
    void endOfList_endsParsing_evenIfOctetsFollowWithinLength() throws MalformedPacketException {
        byte[] packet = bytes(
                0x11,               // VER = 1, TYPE = 1
                0x09,               // CODE = PADI
                0x00, 0x00,         // SESSION_ID = 0
                0x00, 0x07,         // LENGTH = 7
                0x00, 0x00,         // TAG_TYPE = End-Of-List
                0x00, 0x00,         // TAG_LENGTH = 0
                0x01, 0x01, 0x00);  // not a tag: nothing follows End-Of-List
        assertEquals(PppoeDiscovery.of(PppoeCode.PADI, 0, new EndOfList()),
                PppoeDiscovery.parse(ByteBuffer.wrap(packet)));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("PPPoE discovery: 5 octets (expected at least 6)",
                        bytes(0x11, 0x09, 0x00, 0x00, 0x00)),
                Arguments.of("PPPoE discovery: version 2 (expected 1)",
                        bytes(0x21, 0x09, 0x00, 0x00, 0x00, 0x00)),
                Arguments.of("PPPoE discovery: type 3 (expected 1)",
                        bytes(0x13, 0x09, 0x00, 0x00, 0x00, 0x00)),
                Arguments.of("PPPoE discovery: length 8 exceeds the 4 octets after the header",
                        bytes(0x11, 0x09, 0x00, 0x00, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00)),
                Arguments.of("PPPoE tag at offset 4: 3 octets left (expected at least 4)",
                        bytes(0x11, 0x09, 0x00, 0x00, 0x00, 0x07, 0x01, 0x01, 0x00, 0x00, 0x01, 0x03, 0x00)),
                Arguments.of("PPPoE tag Host-Uniq: length 4 exceeds the 2 octets left",
                        bytes(0x11, 0x09, 0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0x00, 0x04, 0xde, 0xad)),
                Arguments.of("PPPoE tag PPP-Max-Payload: length 3 (expected 2)",
                        bytes(0x11, 0x09, 0x00, 0x00, 0x00, 0x07, 0x01, 0x20, 0x00, 0x03, 0x05, 0xdc, 0x00)),
                Arguments.of("PPPoE tag Vendor-Specific: length 2 (expected at least 4)",
                        bytes(0x11, 0x07, 0x00, 0x00, 0x00, 0x06, 0x01, 0x05, 0x00, 0x02, 0x00, 0x00)),
                Arguments.of("PPPoE tag End-Of-List: length 1 (expected 0)",
                        bytes(0x11, 0x07, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x01, 0x00)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformed_givesPreciseMessage(String message, byte[] packet) {
        Golden.assertMalformed(message, PppoeDiscovery::parse, packet);
    }

    @Test
    void eachTagType_hasExactlyOneRecord() {
        assertThrows(IllegalArgumentException.class, () -> new Unknown(PppoeTag.HOST_UNIQ, byteString(1)));
        assertThrows(IllegalArgumentException.class, () -> new Opaque(PppoeTag.SERVICE_NAME, byteString(1)));
        assertThrows(IllegalArgumentException.class, () -> new PppoeTag.Text(PppoeTag.HOST_UNIQ, byteString(1)));
        assertEquals("tag 0x0999 [7879]", new Unknown(0x0999, byteString('x', 'y')).toString());
    }

    @Test
    void discoveryFrame_carriesHeaderThenPacket() throws MalformedPacketException {
        MacAddress host = MacAddress.parse("a0:f3:e4:4f:e3:b0");
        PppoeDiscovery padi = PppoeDiscovery.parse(ByteBuffer.wrap(PADI));
        ByteBuffer frame = new EthernetHeader(MacAddress.BROADCAST, host, PppoeConstants.ETHERTYPE_DISCOVERY)
                .frame(padi).asByteBuffer();
        assertEquals(EthernetHeader.LENGTH + PADI.length, frame.remaining());
        EthernetHeader eth = EthernetHeader.parse(frame);
        assertEquals(host, eth.source());
        assertEquals(0x8863, eth.etherType());
        assertEquals(padi, PppoeDiscovery.parse(frame));
    }

    @Test
    void maxMru_isCappedAt1492_unlessRfc4638Agreed() {
        assertEquals(1492, PppoeConstants.maxMru(OptionalInt.empty()));
        assertEquals(1500, PppoeConstants.maxMru(OptionalInt.of(1500)));
        assertEquals(1492, PppoeConstants.maxMru(OptionalInt.of(1400)));
    }
}
