package org.jppp.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 2433 Appendix B, "Examples of DES Key Generation" / response computation. */
class MsChapTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final Secret PASSWORD = Secret.of("MyPw");
    private static final byte[] CHALLENGE = HEX.parseHex("102DB5DF085D3041");

    @Test
    void ntPasswordHash_rfc2433Vector() {
        // MD4 of the Unicode password 4D 00 79 00 50 00 77 00.
        assertEquals("FC156AF7EDCD6C0EDDE3337D427F4EAC", HEX.formatHex(MsChap.ntPasswordHash(PASSWORD)));
    }

    @Test
    void ntResponse_rfc2433Vector() {
        assertEquals("4E9D3C8F9CFD385D5BF4D3246791956CA4C351AB409A3D61",
                HEX.formatHex(MsChap.ntResponse(CHALLENGE, PASSWORD)));
    }

    /** The same octets pppd's own unit test expects from ChapMS with "MyPw". */
    @Test
    void responseValue_zeroLmResponse_ntResponse_useNtFlag() {
        byte[] expected = HEX.parseHex(""
                + "000000000000000000000000000000000000000000000000"   // LM-Response: 24 zero octets
                + "4E9D3C8F9CFD385D5BF4D3246791956CA4C351AB409A3D61"   // NT-Response
                + "01");                                               // Flags: use NT-Response
        assertArrayEquals(expected, MsChap.responseValue(CHALLENGE, PASSWORD));
    }

    @Test
    void verify_acceptsRightPassword() {
        assertTrue(MsChap.verify(CHALLENGE, PASSWORD, MsChap.responseValue(CHALLENGE, PASSWORD)));
    }

    @Test
    void verify_rejectsWrongPassword() {
        byte[] response = MsChap.responseValue(CHALLENGE, Secret.of("MyPW"));
        assertFalse(MsChap.verify(CHALLENGE, PASSWORD, response));
    }

    @Test
    void verify_rejectsOtherChallenge() {
        byte[] response = MsChap.responseValue(CHALLENGE, PASSWORD);
        assertFalse(MsChap.verify(HEX.parseHex("102DB5DF085D3042"), PASSWORD, response));
    }

    @Test
    void verify_rejectsLanManagerOnlyResponse() {
        byte[] response = MsChap.responseValue(CHALLENGE, PASSWORD);
        response[48] = 0; // Flags: use LM-Response, which we do not support
        assertFalse(MsChap.verify(CHALLENGE, PASSWORD, response));
    }

    @Test
    void verify_rejectsWrongLength() {
        byte[] response = MsChap.responseValue(CHALLENGE, PASSWORD);
        assertFalse(MsChap.verify(CHALLENGE, PASSWORD, Arrays.copyOf(response, 48)));
        assertFalse(MsChap.verify(CHALLENGE, PASSWORD, Arrays.copyOf(response, 50)));
    }

    @Test
    void challengeResponse_wrongChallengeLength_isOurBug() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MsChap.ntResponse(new byte[7], PASSWORD));
        assertEquals("challenge: 7 octets (expected 8)", e.getMessage());
    }

    /** RFC 2759 §8.6: 7 key octets become 8, seven key bits each, parity in the low bit. */
    @Test
    void expandDesKey_spreadsBitsAndSetsOddParity() {
        byte[] key = Primitives.expandDesKey(HEX.parseHex("FFFFFFFFFFFFFF"), 0);
        assertEquals("FEFEFEFEFEFEFEFE", HEX.formatHex(key));
        key = Primitives.expandDesKey(HEX.parseHex("00000000000000"), 0);
        assertEquals("0101010101010101", HEX.formatHex(key));
        // 0x80 followed by zeros: the first key octet carries the top bit.
        key = Primitives.expandDesKey(HEX.parseHex("80000000000000"), 0);
        assertEquals("8001010101010101", HEX.formatHex(key));
        for (byte b : Primitives.expandDesKey(HEX.parseHex("0123456789ABCD"), 0)) {
            assertEquals(1, Integer.bitCount(b & 0xFF) % 2, "odd parity");
        }
    }
}
