package org.jppp.protocol.pppoe;

import static org.jppp.protocol.testutil.Golden.byteString;
import static org.jppp.protocol.testutil.Golden.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jppp.protocol.testutil.Golden;
import org.jppp.protocol.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 2516 §6 session packets. */
class PppoeSessionTest {
    static final byte[] ECHO_REQUEST = bytes(
            0x11,                   // VER = 1, TYPE = 1
            0x00,                   // CODE = 0: session data
            0x12, 0x34,             // SESSION_ID = 0x1234
            0x00, 0x0a,             // LENGTH = 10
            0xc0, 0x21,             // PPP protocol = LCP
            0x09,                   // LCP code = Echo-Request
            0x07,                   // identifier
            0x00, 0x08,             // LCP length = 8
            0x4f, 0x1e, 0x2d, 0x3c); // magic number

    private static final PppoeSession EXPECTED = new PppoeSession(0x1234,
            byteString(0xc0, 0x21, 0x09, 0x07, 0x00, 0x08, 0x4f, 0x1e, 0x2d, 0x3c));

    @Test
    void echoRequest_parsesEmitsAndRoundTrips() throws MalformedPacketException {
        assertEquals(EXPECTED, PppoeSession.parse(ByteBuffer.wrap(ECHO_REQUEST)));
        Golden.assertEmits(ECHO_REQUEST, EXPECTED.encodedLength(), EXPECTED::emit);
        assertEquals(new PppoeHeader(PppoeCode.SESSION, 0x1234, 10), EXPECTED.header());
    }

    @Test
    void paddedTo60OctetsByANic_trustsLength() throws MalformedPacketException {
        byte[] padded = Arrays.copyOf(ECHO_REQUEST, 46);
        ByteBuffer buf = ByteBuffer.wrap(padded);
        assertEquals(EXPECTED, PppoeSession.parse(buf));
        assertEquals(0, buf.remaining(), "padding consumed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PPPoE session: 4 octets (expected at least 6)                  | 11 00 12 34",
        "PPPoE session: version 0 (expected 1)                          | 01 00 12 34 00 00",
        "PPPoE session: type 0 (expected 1)                             | 10 00 12 34 00 00",
        "PPPoE session: code 0xa7 (expected 0x0)                        | 11 a7 12 34 00 00",
        "PPPoE session: length 11 exceeds the 10 octets after the header | 11 00 12 34 00 0b c0 21 09 07 00 08 4f 1e 2d 3c",
    })
    void malformed_givesPreciseMessage(String message, String hex) {
        Golden.assertMalformed(message, PppoeSession::parse, java.util.HexFormat.ofDelimiter(" ").parseHex(hex));
    }

    @Test
    void truncatedOrMutated_onlyEverMalformed() {
        Golden.assertOnlyMalformed(PppoeSession::parse, ECHO_REQUEST, 7);
    }
}
