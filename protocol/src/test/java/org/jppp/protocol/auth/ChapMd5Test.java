package org.jppp.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChapMd5Test {
    private static final byte[] CHALLENGE = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    private static final Secret SECRET = Secret.of("s3cr3t");

    /** RFC 1994 §4.1: MD5 over Identifier, then the secret, then the Challenge Value. */
    @Test
    void response_isMd5OfIdentifierSecretChallenge() throws Exception {
        byte[] message = new byte[1 + 6 + CHALLENGE.length];
        message[0] = 0x2A;                                                         // Identifier = 42
        System.arraycopy("s3cr3t".getBytes(StandardCharsets.US_ASCII), 0, message, 1, 6); // secret
        System.arraycopy(CHALLENGE, 0, message, 7, CHALLENGE.length);              // Challenge Value
        byte[] expected = MessageDigest.getInstance("MD5").digest(message);

        assertArrayEquals(expected, ChapMd5.response(42, SECRET, CHALLENGE));
    }

    /** A fixed value, so that a change of octet order is caught even if the test above is edited. */
    @Test
    void response_goldenValue() {
        // MD5(0x01 || "secret" || 00 01 .. 0f), computed independently with Python's hashlib.
        byte[] challenge = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] response = ChapMd5.response(1, Secret.of("secret"), challenge);
        assertEquals("740e86463bda3a4d7017d6e0fba0699d", HexFormat.of().formatHex(response));
    }

    @Test
    void verify_acceptsTheRightSecret() {
        byte[] response = ChapMd5.response(7, SECRET, CHALLENGE);
        assertTrue(ChapMd5.verify(7, SECRET, CHALLENGE, response));
    }

    @Test
    void verify_rejectsWrongSecretIdentifierOrLength() {
        byte[] response = ChapMd5.response(7, SECRET, CHALLENGE);
        assertFalse(ChapMd5.verify(7, Secret.of("s3cr3T"), CHALLENGE, response));
        assertFalse(ChapMd5.verify(8, SECRET, CHALLENGE, response));
        assertFalse(ChapMd5.verify(7, SECRET, CHALLENGE, new byte[15]));
        assertFalse(ChapMd5.verify(7, SECRET, CHALLENGE, new byte[0]));
    }

    /** RFC 3748 §5.4: EAP-MD5 is the CHAP computation with the EAP Identifier; same function. */
    @Test
    void eapMd5_sameComputationWithEapIdentifier() throws Exception {
        int eapIdentifier = 0xFF;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update((byte) 0xFF);
        md5.update("s3cr3t".getBytes(StandardCharsets.US_ASCII));
        md5.update(CHALLENGE);
        assertArrayEquals(md5.digest(), ChapMd5.response(eapIdentifier, SECRET, CHALLENGE));
    }

    @Test
    void response_identifierOutOfRange_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChapMd5.response(256, SECRET, CHALLENGE));
        assertEquals("identifier out of range: 256", e.getMessage());
    }
}
