package org.jppp.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import org.jppp.protocol.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 2759 §6 and RFC 2433 §5, "Failure packet" Message. */
class MsChapFailureTest {
    private static final byte[] CHALLENGE16 = HexFormat.of().parseHex("5b5d7c7d7b3f2f3e3c2c602132262628");

    @Test
    void parse_rfc2759Form() throws Exception {
        MsChapFailure f = MsChapFailure.parse("E=691 R=1 C=5B5D7C7D7B3F2F3E3C2C602132262628 V=3 M=bad password");
        assertEquals(691, f.errorCode());
        assertTrue(f.retry());
        assertArrayEquals(CHALLENGE16, f.challenge());
        assertEquals(OptionalInt.of(3), f.version());
        assertEquals(Optional.of("bad password"), f.message());
    }

    @Test
    void parse_pppdVersion1Form_lowerCaseHexNoMessage() throws Exception {
        MsChapFailure f = MsChapFailure.parse("E=691 R=1 C=102db5df085d3041 V=0");
        assertArrayEquals(HexFormat.of().parseHex("102db5df085d3041"), f.challenge());
        assertEquals(OptionalInt.of(0), f.version());
        assertEquals(Optional.empty(), f.message());
        assertEquals("E=691 Authentication failure", f.reason());
    }

    @Test
    void parse_onlyErrorCode() throws Exception {
        MsChapFailure f = MsChapFailure.parse("E=648");
        assertFalse(f.retry());
        assertEquals(0, f.challenge().length);
        assertEquals(OptionalInt.empty(), f.version());
        assertEquals("E=648 Password expired", f.reason());
    }

    @Test
    void parse_tenDigitCodeAndUnknownField() throws Exception {
        MsChapFailure f = MsChapFailure.parse("E=0000000649 R=0 X=whatever M=no dial-in");
        assertEquals(649, f.errorCode());
        assertEquals("no dial-in", f.reason());
    }

    @Test
    void format_pppdFactories() {
        assertEquals("E=691 R=1 C=102DB5DF085D3041 V=0",
                MsChapFailure.authenticationFailure(HexFormat.of().parseHex("102DB5DF085D3041")).format());
        assertEquals("E=691 R=1 C=5B5D7C7D7B3F2F3E3C2C602132262628 V=0 M=Access denied",
                MsChapFailure.authenticationFailureV2(CHALLENGE16).format());
    }

    @Test
    void roundTrip() throws Exception {
        MsChapFailure f = new MsChapFailure(709, false, CHALLENGE16, OptionalInt.of(3), Optional.of("M= inside"));
        assertEquals(f, MsChapFailure.parse(f.format()));
        assertEquals("E=709 R=0 C=5B5D7C7D7B3F2F3E3C2C602132262628 V=3 M=M= inside", f.format());
    }

    @Test
    void challenge_isCopied() {
        byte[] challenge = CHALLENGE16.clone();
        MsChapFailure f = MsChapFailure.authenticationFailureV2(challenge);
        challenge[0] = 0;
        f.challenge()[1] = 0;
        assertArrayEquals(CHALLENGE16, f.challenge());
    }

    @Test
    void unknownCode_reason() throws Exception {
        assertEquals("E=1 Unknown MS-CHAP authentication failure", MsChapFailure.parse("E=1").reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Access denied   | does not start with E=",
        "E=69x R=1       | E=69x (expected a decimal number)",
        "E=99999999999   | E=99999999999 (expected a decimal number)",
        "E=691 R=1 C=ABC | C=ABC (expected an even number of hex digits)",
        "E=691 R=1 C=ZZ  | C=ZZ (expected an even number of hex digits)",
        "E=691 junk      | field \"junk\" is not X=value",
        "E=691 V=        | V= (expected a decimal number)",
    })
    void malformed_exactMessages(String text, String detail) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> MsChapFailure.parse(text));
        assertEquals("MS-CHAP failure message: " + detail, e.getMessage());
    }
}
