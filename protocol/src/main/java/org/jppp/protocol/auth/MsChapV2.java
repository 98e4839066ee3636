package org.jppp.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * MS-CHAP version 2 (RFC 2759): the peer's NT-Response, the authenticator's mutual-authentication
 * answer ("S=" and 40 hex digits), and both sides' checks. NtPasswordHash, HashNtPasswordHash and
 * ChallengeResponse are shared with version 1 in {@link MsChap}; the primitives (SHA-1 from the
 * JDK, MD4 from BouncyCastle, DES from the JDK) are described in {@link Primitives}.
 */
public final class MsChapV2 {
    /** Authenticator and Peer challenges are both 16 octets (RFC 2759 §3 and §4). */
    public static final int CHALLENGE_LENGTH = 16;
    /** Peer-Challenge (16) + Reserved (8) + NT-Response (24) + Flags (1) (RFC 2759 §4). */
    public static final int RESPONSE_LENGTH = 49;
    /** "S=" followed by 40 hexadecimal digits (RFC 2759 §5). */
    public static final int AUTHENTICATOR_RESPONSE_LENGTH = 42;

    static final int PEER_CHALLENGE_OFFSET = 0;
    static final int NT_RESPONSE_OFFSET = 24;
    static final int FLAGS_OFFSET = 48;

    private static final byte[] MAGIC1 =
            "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC2 =
            "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX_UPPER = HexFormat.of().withUpperCase();

    private MsChapV2() {
    }

    /**
     * ChallengeHash (RFC 2759 §8.2): the first 8 octets of SHA-1(PeerChallenge ||
     * AuthenticatorChallenge || UserName). The RFC says to use the user name "excluding any
     * prepended domain name", so {@code DOMAIN\\user} hashes as {@code user}, as pppd does.
     */
    public static byte[] challengeHash(byte[] peerChallenge, byte[] authenticatorChallenge, String userName) {
        MsChap.requireLength(peerChallenge, CHALLENGE_LENGTH, "peer challenge");
        MsChap.requireLength(authenticatorChallenge, CHALLENGE_LENGTH, "authenticator challenge");
        MessageDigest sha1 = Primitives.sha1();
        sha1.update(peerChallenge);
        sha1.update(authenticatorChallenge);
        sha1.update(withoutDomain(userName).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(sha1.digest(), MsChap.CHALLENGE_LENGTH);
    }

    /** GenerateNTResponse (RFC 2759 §8.1): ChallengeResponse(ChallengeHash, NtPasswordHash). */
    public static byte[] generateNtResponse(byte[] authenticatorChallenge, byte[] peerChallenge,
            String userName, Secret password) {
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
        return MsChap.challengeResponse(challenge, MsChap.ntPasswordHash(password));
    }

    /**
     * GenerateAuthenticatorResponse (RFC 2759 §8.7): two SHA-1 rounds over the hash of the
     * password hash, the NT-Response, the challenge hash and the two magic constants; the result
     * is "S=" followed by the 20-octet digest in upper-case hexadecimal.
     */
    public static String generateAuthenticatorResponse(Secret password, byte[] ntResponse,
            byte[] peerChallenge, byte[] authenticatorChallenge, String userName) {
        MsChap.requireLength(ntResponse, MsChap.NT_RESPONSE_LENGTH, "NT-Response");
        byte[] passwordHashHash = MsChap.hashNtPasswordHash(MsChap.ntPasswordHash(password));
        MessageDigest sha1 = Primitives.sha1();
        sha1.update(passwordHashHash);
        sha1.update(ntResponse);
        sha1.update(MAGIC1);
        byte[] digest = sha1.digest();
        sha1.update(digest);
        sha1.update(challengeHash(peerChallenge, authenticatorChallenge, userName));
        sha1.update(MAGIC2);
        return "S=" + HEX_UPPER.formatHex(sha1.digest());
    }

    /**
     * CheckAuthenticatorResponse (RFC 2759 §8.8): whether the 42-character authenticator response
     * the peer received matches the one we compute. Hex digits are compared without regard to
     * case; anything but "S=" and 40 hex digits fails.
     */
    public static boolean checkAuthenticatorResponse(Secret password, byte[] ntResponse,
            byte[] peerChallenge, byte[] authenticatorChallenge, String userName, String received) {
        String expected = generateAuthenticatorResponse(password, ntResponse, peerChallenge,
                authenticatorChallenge, userName);
        if (!received.startsWith("S=")) {
            return false;
        }
        String digits = received.substring(2).toUpperCase(Locale.ROOT);
        return MessageDigest.isEqual(expected.substring(2).getBytes(StandardCharsets.US_ASCII),
                digits.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The authenticator response carried by a Success packet's Message, or empty when the message
     * is badly formed. RFC 2759 §5 gives the Message as {@code S=<auth_string> M=<message>}; like
     * pppd we also accept no message at all and {@code M=} without the space, since some Windows
     * versions send those.
     */
    public static Optional<String> authenticatorResponseOf(String successMessage) {
        if (successMessage.length() < AUTHENTICATOR_RESPONSE_LENGTH || !successMessage.startsWith("S=")) {
            return Optional.empty();
        }
        String rest = successMessage.substring(AUTHENTICATOR_RESPONSE_LENGTH);
        if (!rest.isEmpty() && !rest.startsWith(" M=") && !rest.startsWith("M=")) {
            return Optional.empty();
        }
        return Optional.of(successMessage.substring(0, AUTHENTICATOR_RESPONSE_LENGTH));
    }

    /**
     * The Value of our Response packet (RFC 2759 §4): Peer-Challenge, 8 reserved zero octets,
     * NT-Response, Flags = 0. The caller supplies the peer challenge (16 random octets) so that
     * this stays a pure function.
     */
    public static byte[] responseValue(byte[] authenticatorChallenge, byte[] peerChallenge,
            String userName, Secret password) {
        byte[] value = new byte[RESPONSE_LENGTH];
        System.arraycopy(peerChallenge, 0, value, PEER_CHALLENGE_OFFSET, CHALLENGE_LENGTH);
        byte[] ntResponse = generateNtResponse(authenticatorChallenge, peerChallenge, userName, password);
        System.arraycopy(ntResponse, 0, value, NT_RESPONSE_OFFSET, MsChap.NT_RESPONSE_LENGTH);
        return value;
    }

    /**
     * The authenticator's check of a peer's Response Value against the challenge we sent
     * (RFC 2759 §5). On success the result is the authenticator response ("S=...") to put in the
     * Success packet; a wrong NT-Response or a value of the wrong length gives empty.
     *
     * @param userName the Name field of the peer's Response packet
     */
    public static Optional<String> verify(byte[] authenticatorChallenge, String userName, Secret password,
            byte[] responseValue) {
        if (responseValue.length != RESPONSE_LENGTH) {
            return Optional.empty();
        }
        byte[] peerChallenge = Arrays.copyOfRange(responseValue, PEER_CHALLENGE_OFFSET, CHALLENGE_LENGTH);
        byte[] received = Arrays.copyOfRange(responseValue, NT_RESPONSE_OFFSET, FLAGS_OFFSET);
        byte[] expected = generateNtResponse(authenticatorChallenge, peerChallenge, userName, password);
        if (!MessageDigest.isEqual(expected, received)) {
            return Optional.empty();
        }
        return Optional.of(generateAuthenticatorResponse(password, received, peerChallenge,
                authenticatorChallenge, userName));
    }

    /**
     * The Message of our Success packet, as pppd words it: {@code S=<auth> M=Access granted}, but
     * the bare {@code S=<auth>} when the peer's Flags octet is non-zero, because Windows 98 sets
     * Flags (against RFC 2759 §4, which says it is reserved and zero) and rejects the M= part.
     */
    public static String successMessage(String authenticatorResponse, byte[] responseValue) {
        boolean flagsSet = responseValue.length == RESPONSE_LENGTH && responseValue[FLAGS_OFFSET] != 0;
        return flagsSet ? authenticatorResponse : authenticatorResponse + " M=Access granted";
    }

    private static String withoutDomain(String userName) {
        return userName.substring(userName.lastIndexOf('\\') + 1);
    }
}
