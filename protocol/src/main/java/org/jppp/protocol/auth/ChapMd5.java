package org.jppp.protocol.auth;

import java.security.MessageDigest;

/**
 * The MD5 challenge-response of CHAP (RFC 1994 §4.1) and of EAP-MD5-Challenge (RFC 3748 §5.4,
 * which says the computation is the CHAP one with the EAP Identifier in place of the CHAP
 * Identifier). One implementation serves both.
 *
 * <p>MD5 comes from the JDK; see {@link Primitives}.
 */
public final class ChapMd5 {
    /** Octets in the Value of a CHAP-MD5 Response (RFC 1994 §4.1, "16 octets for MD5"). */
    public static final int RESPONSE_LENGTH = 16;

    private ChapMd5() {
    }

    /**
     * Response Value = MD5(Identifier || secret || Challenge Value) (RFC 1994 §4.1).
     *
     * @param identifier the Identifier of the Challenge (0..255)
     */
    public static byte[] response(int identifier, Secret secret, byte[] challenge) {
        if (identifier < 0 || identifier > 0xFF) {
            throw new IllegalArgumentException("identifier out of range: " + identifier);
        }
        MessageDigest md5 = Primitives.md5();
        md5.update((byte) identifier);
        md5.update(secret.utf8());
        md5.update(challenge);
        return md5.digest();
    }

    /**
     * The authenticator's check (RFC 1994 §4.1: "the value is compared with the expected value").
     * A response of the wrong length is simply wrong, not an error: it is peer input.
     */
    public static boolean verify(int identifier, Secret secret, byte[] challenge, byte[] response) {
        return response.length == RESPONSE_LENGTH
                && MessageDigest.isEqual(response(identifier, secret, challenge), response);
    }
}
