package org.jppp.protocol.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The cryptographic primitives of PPP authentication, and where each comes from.
 *
 * <ul>
 *   <li>MD5 (CHAP, EAP-MD5) and SHA-1 (MS-CHAPv2): the JDK's {@link MessageDigest}; the Java SE
 *       specification requires every platform to provide both.</li>
 *   <li>MD4 (MS-CHAP NtPasswordHash): BouncyCastle's {@link MD4Digest}, used directly rather than
 *       through a JCA provider. The JDK contains MD4 but does not register it with any provider
 *       ({@code MessageDigest.getInstance("MD4")} fails), and registering BouncyCastle as a
 *       global provider would change algorithm lookup for the whole JVM.</li>
 *   <li>DES (MS-CHAP ChallengeResponse): the JDK's SunJCE {@code DES/ECB/NoPadding}. Java 17
 *       still ships it (it is a legacy algorithm, not a removed one), and single-block ECB is
 *       exactly the DesEncrypt of RFC 2759 §8.6.</li>
 * </ul>
 */
final class Primitives {
    private Primitives() {
    }

    static MessageDigest md5() {
        return digest("MD5");
    }

    static MessageDigest sha1() {
        return digest("SHA-1");
    }

    static byte[] md4(byte[] data) {
        MD4Digest md4 = new MD4Digest();
        md4.update(data, 0, data.length);
        byte[] out = new byte[md4.getDigestSize()];
        md4.doFinal(out, 0);
        return out;
    }

    /**
     * DesEncrypt of RFC 2759 §8.6: one 8-octet block encrypted with a 7-octet key, which is first
     * spread over 8 octets with a parity bit in the low bit of each (the DES key layout).
     *
     * @param key7 7 key octets starting at {@code keyOffset}
     */
    static byte[] desEncrypt(byte[] clear8, byte[] key7, int keyOffset) {
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(expandDesKey(key7, keyOffset), "DES"));
            return des.doFinal(clear8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's DES/ECB/NoPadding is unavailable", e);
        }
    }

    /** 56 key bits → 8 octets of 7 bits each, the low bit of each octet set for odd parity. */
    static byte[] expandDesKey(byte[] key7, int offset) {
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (key7[offset + i] & 0xFF);
        }
        byte[] key8 = new byte[8];
        for (int i = 0; i < 8; i++) {
            int seven = (int) (bits >>> (49 - 7 * i)) & 0x7F;
            int octet = seven << 1;
            key8[i] = (byte) (Integer.bitCount(octet) % 2 == 0 ? octet | 1 : octet);
        }
        return key8;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide " + algorithm, e);
        }
    }
}
