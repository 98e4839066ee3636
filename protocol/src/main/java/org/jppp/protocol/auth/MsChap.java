package org.jppp.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * MS-CHAP version 1 (RFC 2433) and the hash functions that MS-CHAPv2 (RFC 2759 §8) shares with it.
 * The primitives (MD4 from BouncyCastle, DES from the JDK) are described in {@link Primitives}.
 *
 * <p>Only the NT response is computed. Like pppd built without {@code ms-lanman}, we send 24 zero
 * octets as the LAN Manager response with the use-Windows-NT flag set to 1 (RFC 2433 §5, the
 * Response packet's "Flags" field), and we refuse a peer that asks to be checked with the LAN
 * Manager response: that hash is case-insensitive and limited to 14 characters.
 */
public final class MsChap {
    /** The Challenge Value is 8 octets (RFC 2433 §5, "Challenge packet"). */
    public static final int CHALLENGE_LENGTH = 8;
    /** LM-Response (24) + NT-Response (24) + Flags (1) (RFC 2433 §5, "Response packet"). */
    public static final int RESPONSE_LENGTH = 49;
    /** Octets of an NT-Response or of a ChallengeResponse in general (RFC 2759 §8.5). */
    public static final int NT_RESPONSE_LENGTH = 24;

    static final int LM_RESPONSE_OFFSET = 0;
    static final int NT_RESPONSE_OFFSET = 24;
    static final int FLAGS_OFFSET = 48;

    private MsChap() {
    }

    /**
     * NtPasswordHash (RFC 2759 §8.3, RFC 2433 Appendix A): MD4 of the password in UTF-16
     * little-endian ("the Unicode password"), 16 octets.
     */
    public static byte[] ntPasswordHash(Secret password) {
        return Primitives.md4(password.reveal().getBytes(StandardCharsets.UTF_16LE));
    }

    /** HashNtPasswordHash (RFC 2759 §8.4): MD4 of the 16-octet password hash. */
    public static byte[] hashNtPasswordHash(byte[] passwordHash) {
        return Primitives.md4(passwordHash);
    }

    /**
     * ChallengeResponse (RFC 2759 §8.5, RFC 2433 Appendix A): the password hash is padded with
     * zeros to 21 octets, cut into three 7-octet DES keys, and each key encrypts the 8-octet
     * challenge; the three ciphertexts make the 24-octet response.
     */
    public static byte[] challengeResponse(byte[] challenge, byte[] passwordHash) {
        requireLength(challenge, CHALLENGE_LENGTH, "challenge");
        requireLength(passwordHash, 16, "password hash");
        byte[] zPasswordHash = Arrays.copyOf(passwordHash, 21);
        byte[] response = new byte[NT_RESPONSE_LENGTH];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(Primitives.desEncrypt(challenge, zPasswordHash, 7 * i), 0, response, 8 * i, 8);
        }
        return response;
    }

    /** NtChallengeResponse (RFC 2433 Appendix A): ChallengeResponse(Challenge, NtPasswordHash). */
    public static byte[] ntResponse(byte[] challenge, Secret password) {
        return challengeResponse(challenge, ntPasswordHash(password));
    }

    /**
     * The Value of our Response packet (RFC 2433 §5): a zero LM-Response, the NT-Response, and
     * Flags = 1 ("use the NT-Response").
     */
    public static byte[] responseValue(byte[] challenge, Secret password) {
        byte[] value = new byte[RESPONSE_LENGTH];
        System.arraycopy(ntResponse(challenge, password), 0, value, NT_RESPONSE_OFFSET, NT_RESPONSE_LENGTH);
        value[FLAGS_OFFSET] = 1;
        return value;
    }

    /**
     * The authenticator's check of a peer's Response Value against the challenge we sent. A value
     * of the wrong length, or one that asks for the LAN Manager response (Flags = 0), fails.
     */
    public static boolean verify(byte[] challenge, Secret password, byte[] responseValue) {
        if (responseValue.length != RESPONSE_LENGTH || responseValue[FLAGS_OFFSET] == 0) {
            return false;
        }
        byte[] received = Arrays.copyOfRange(responseValue, NT_RESPONSE_OFFSET, FLAGS_OFFSET);
        return MessageDigest.isEqual(ntResponse(challenge, password), received);
    }

    static void requireLength(byte[] value, int expected, String what) {
        if (value.length != expected) {
            throw new IllegalArgumentException(what + ": " + value.length + " octets (expected " + expected + ")");
        }
    }
}
