package org.jppp.protocol.authn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jppp.protocol.auth.ChapMd5;
import org.jppp.protocol.auth.MsChap;
import org.jppp.protocol.auth.MsChapFailure;
import org.jppp.protocol.auth.MsChapV2;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.ChapAlgorithm;

/**
 * The algorithm-specific half of CHAP (pppd's {@code struct chap_digest_type}): challenge size,
 * making and checking a Response, the messages of Success and Failure, and what the
 * authenticatee makes of them. The CHAP machines do the rest, the same for every algorithm.
 */
enum ChapDigest {
    /** RFC 1994 §4.1. */
    MD5(ChapAlgorithm.MD5, ChapMd5.RESPONSE_LENGTH) {
        @Override Made respond(int id, byte[] challenge, String user, Secret secret, AuthContext ctx) {
            return new Made(ChapMd5.response(id, secret, challenge), null);
        }

        @Override Verdict verify(int id, byte[] challenge, String name, Secret secret, byte[] value) {
            boolean ok = ChapMd5.verify(id, secret, challenge, value);
            return new Verdict(ok, ok ? ACCESS_GRANTED : "Access denied");
        }

        @Override String failureMessage(byte[] challenge) {
            return "Access denied";
        }
    },

    /** RFC 2433: 8-octet challenges, the NT response only. */
    MS_CHAP(ChapAlgorithm.MS_CHAP, MsChap.CHALLENGE_LENGTH) {
        @Override Made respond(int id, byte[] challenge, String user, Secret secret, AuthContext ctx) {
            return new Made(MsChap.responseValue(challenge, secret), null);
        }

        @Override Verdict verify(int id, byte[] challenge, String name, Secret secret, byte[] value) {
            boolean ok = MsChap.verify(challenge, secret, value);
            return new Verdict(ok, ok ? ACCESS_GRANTED : failureMessage(challenge));
        }

        @Override String failureMessage(byte[] challenge) {
            return MsChapFailure.authenticationFailure(challenge).format();
        }

        @Override List<LogLine> failureLog(Octets message) {
            return msChapFailureLog(message);
        }
    },

    /** RFC 2759: 16-octet challenges both ways and mutual authentication through "S=". */
    MS_CHAP_V2(ChapAlgorithm.MS_CHAP_V2, MsChapV2.CHALLENGE_LENGTH) {
        @Override Made respond(int id, byte[] challenge, String user, Secret secret, AuthContext ctx) {
            byte[] peerChallenge = ctx.randomBytes(MsChapV2.CHALLENGE_LENGTH);
            byte[] value = MsChapV2.responseValue(challenge, peerChallenge, user, secret);
            byte[] ntResponse = Arrays.copyOfRange(value, 24, 48);
            return new Made(value,
                    MsChapV2.generateAuthenticatorResponse(secret, ntResponse, peerChallenge, challenge, user));
        }

        @Override Verdict verify(int id, byte[] challenge, String name, Secret secret, byte[] value) {
            return MsChapV2.verify(challenge, name, secret, value)
                    .map(s -> new Verdict(true, MsChapV2.successMessage(s, value)))
                    .orElseGet(() -> new Verdict(false, failureMessage(challenge)));
        }

        @Override String failureMessage(byte[] challenge) {
            return MsChapFailure.authenticationFailureV2(challenge).format();
        }

        /** pppd's chapms2_check_success: "S=" and the 40 digits we expect, then nothing or "M=...". */
        @Override Optional<String> successProblem(Octets message, Made made) {
            Optional<String> received = MsChapV2.authenticatorResponseOf(latin1(message));
            if (received.isEmpty()) {
                return Optional.of("MS-CHAPv2 Success packet is badly formed.");
            }
            boolean match = MessageDigest.isEqual(made.authenticatorResponse().getBytes(StandardCharsets.US_ASCII),
                    received.get().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return match ? Optional.empty() : Optional.of("MS-CHAPv2 mutual authentication failed.");
        }

        @Override boolean logsSuccessMessage() {
            return false;
        }

        @Override List<LogLine> failureLog(Octets message) {
            return msChapFailureLog(message);
        }
    };

    static final String ACCESS_GRANTED = "Access granted";

    private final ChapAlgorithm algorithm;
    private final int challengeLength;

    ChapDigest(ChapAlgorithm algorithm, int challengeLength) {
        this.algorithm = algorithm;
        this.challengeLength = challengeLength;
    }

    static Optional<ChapDigest> of(ChapAlgorithm algorithm) {
        return Arrays.stream(values()).filter(d -> d.algorithm.equals(algorithm)).findFirst();
    }

    static ChapDigest of(AuthMethod method) {
        return method.chapAlgorithm().flatMap(ChapDigest::of)
                .orElseThrow(() -> new IllegalArgumentException("not a CHAP method: " + method));
    }

    /** Octets of the challenges we send (pppd sends 16..24 for MD5; we send 16). */
    int challengeLength() {
        return challengeLength;
    }

    /** Whether a challenge of this size can be answered; MD5 takes any size. */
    boolean acceptsChallenge(int length) {
        return this == MD5 ? length > 0 : length == challengeLength;
    }

    /**
     * Our Response Value to a Challenge, and for MS-CHAPv2 the authenticator response we will
     * expect in the Success message.
     */
    abstract Made respond(int id, byte[] challenge, String user, Secret secret, AuthContext ctx);

    /**
     * The authenticator's check of a Response Value.
     *
     * @param name the Name of the peer's Response (MS-CHAPv2 hashes it)
     */
    abstract Verdict verify(int id, byte[] challenge, String name, Secret secret, byte[] value);

    /** The Failure message when there is no secret to check with. */
    abstract String failureMessage(byte[] challenge);

    /** Why a Success message does not authenticate the authenticator, or empty when it is fine. */
    Optional<String> successProblem(Octets message, Made made) {
        return Optional.empty();
    }

    /** Whether pppd logs the Success message ("CHAP authentication succeeded: ..."). */
    boolean logsSuccessMessage() {
        return true;
    }

    /** The lines pppd writes for a Failure message, before its error "CHAP authentication failed". */
    List<LogLine> failureLog(Octets message) {
        return List.of(new LogLine(LogLine.Level.INFO, message.isEmpty() ? "CHAP authentication failed"
                : "CHAP authentication failed: " + PppdLog.v(message)));
    }

    /** pppd's chapms_handle_failure: the M= text, or the error code explained. */
    private static List<LogLine> msChapFailureLog(Octets message) {
        String reason;
        try {
            reason = MsChapFailure.parse(latin1(message)).reason();
        } catch (MalformedPacketException e) {
            reason = PppdLog.v(message);
        }
        return List.of(new LogLine(LogLine.Level.ERROR, "MS-CHAP authentication failed: " + reason));
    }

    private static String latin1(Octets message) {
        return new String(message.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    /**
     * A Response Value we made.
     *
     * @param authenticatorResponse MS-CHAPv2's expected "S=..." (derived from the secret, so it
     *                              is never logged); null for the other algorithms
     */
    record Made(byte[] value, String authenticatorResponse) {
        @Override public String toString() {
            return "Made[value=<" + value.length + " octets>]";
        }
    }

    /** The authenticator's verdict and the message for the Success or Failure packet. */
    record Verdict(boolean ok, String message) {
    }
}
