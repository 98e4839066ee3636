package org.jppp.protocol.pppoe;

import static org.jppp.protocol.testutil.Golden.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jppp.protocol.testutil.Golden;
import org.jppp.protocol.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacAddressTest {

    private static final byte[] HEADER = bytes(
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // destination = broadcast (a PADI)
            0xa0, 0xf3, 0xe4, 0x4f, 0xe3, 0xb0, // source = a0:f3:e4:4f:e3:b0
            0x88, 0x63);                        // EtherType = PPPoE Discovery

    @Test
    void parse_pppdLogForm_printsTheSame() {
        MacAddress mac = MacAddress.parse("a0:f3:e4:4f:e3:b0");
        assertEquals(0xa0f3e44fe3b0L, mac.value());
        assertEquals("a0:f3:e4:4f:e3:b0", mac.toString());
        assertArrayEquals(bytes(0xa0, 0xf3, 0xe4, 0x4f, 0xe3, 0xb0), mac.toBytes());
        assertEquals(mac, MacAddress.of(mac.toBytes()));
    }

    @Test
    void parse_upperCase_printsLowerCaseWithLeadingZeros() {
        assertEquals("0a:00:0b:4f:e3:b0", MacAddress.parse("0A:00:0B:4F:E3:B0").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a0:f3:e4:4f:e3       | MAC address 'a0:f3:e4:4f:e3': 5 colon-separated parts (expected 6)",
        "a0:f3:e4:4f:e3:b0:01 | MAC address 'a0:f3:e4:4f:e3:b0:01': 7 colon-separated parts (expected 6)",
        "a0:f3:e4:4f:e3:g0    | MAC address 'a0:f3:e4:4f:e3:g0': 'g0' is not two hex digits",
        "a0:f3:e4:4f:e3:0     | MAC address 'a0:f3:e4:4f:e3:0': '0' is not two hex digits",
        "a0-f3-e4-4f-e3-b0    | MAC address 'a0-f3-e4-4f-e3-b0': 1 colon-separated parts (expected 6)",
    })
    void parse_badText_saysWhy(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void groupBit_marksBroadcastAndMulticast() {
        assertTrue(MacAddress.BROADCAST.isBroadcast());
        assertTrue(MacAddress.BROADCAST.isMulticast());
        assertTrue(MacAddress.parse("01:80:c2:00:00:00").isMulticast());
        assertFalse(MacAddress.parse("a0:f3:e4:4f:e3:b0").isMulticast());
        assertFalse(MacAddress.parse("a0:f3:e4:4f:e3:b0").isBroadcast());
    }

    @Test
    void ethernetHeader_parseEmitRoundTrip() throws MalformedPacketException {
        EthernetHeader expected = new EthernetHeader(MacAddress.BROADCAST,
                MacAddress.parse("a0:f3:e4:4f:e3:b0"), PppoeConstants.ETHERTYPE_DISCOVERY);
        assertEquals(expected, EthernetHeader.parse(java.nio.ByteBuffer.wrap(HEADER)));
        Golden.assertEmits(HEADER, expected.encodedLength(), expected::emit);
    }

    @Test
    void ethernetHeader_short_isMalformed() {
        Golden.assertMalformed("Ethernet header: 13 octets (expected at least 14)", EthernetHeader::parse,
                java.util.Arrays.copyOf(HEADER, 13));
    }
}
