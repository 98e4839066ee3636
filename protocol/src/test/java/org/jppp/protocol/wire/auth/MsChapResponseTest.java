package org.jppp.protocol.wire.auth;

import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jppp.protocol.wire.Octets;
import org.junit.jupiter.api.Test;

/** The 49-octet Response values of MS-CHAP (RFC 2433 §5) and MS-CHAP-V2 (RFC 2759 §4). */
class MsChapResponseTest {

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static final byte[] V2_VALUE = concat(
            filled(16, 0x11),     // Peer-Challenge, 16 octets
            filled(8, 0x00),      // Reserved, 8 octets of zero
            filled(24, 0x22),     // NT-Response, 24 octets
            new byte[] {0x00});   // Flags = 0

    private static final byte[] V1_VALUE = concat(
            filled(24, 0x33),     // LM-Response, 24 octets
            filled(24, 0x44),     // NT-Response, 24 octets
            new byte[] {0x01});   // Use-Windows-NT = 1

    @Test
    void msChapV2RoundTrip() throws Exception {
        MsChapV2Response r = MsChapV2Response.decode(Octets.of(V2_VALUE));
        assertEquals(Octets.of(filled(16, 0x11)), r.peerChallenge());
        assertEquals(Octets.of(filled(24, 0x22)), r.ntResponse());
        assertEquals(0, r.flags());
        assertEquals(Octets.of(V2_VALUE), r.encode());
    }

    @Test
    void msChapV1RoundTrip() throws Exception {
        MsChapV1Response r = MsChapV1Response.decode(Octets.of(V1_VALUE));
        assertEquals(Octets.of(filled(24, 0x33)), r.lmResponse());
        assertEquals(Octets.of(filled(24, 0x44)), r.ntResponse());
        assertTrue(r.useNtResponse());
        assertEquals(Octets.of(V1_VALUE), r.encode());
    }

    @Test
    void wrongValueLengthIsMalformed() {
        assertMalformed("MS-CHAP-V2 Response value: length 48 (expected 49)",
                () -> MsChapV2Response.decode(Octets.of(new byte[48])));
        assertMalformed("MS-CHAP Response value: length 16 (expected 49)",
                () -> MsChapV1Response.decode(Octets.of(new byte[16])));
    }

    @Test
    void fieldSizesAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new MsChapV2Response(Octets.of(new byte[15]), Octets.of(new byte[24]), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new MsChapV1Response(Octets.of(new byte[24]), Octets.of(new byte[23]), 1));
    }
}
