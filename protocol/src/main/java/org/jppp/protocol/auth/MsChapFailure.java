package org.jppp.protocol.auth;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jppp.protocol.wire.MalformedPacketException;

/**
 * The Message of an MS-CHAP Failure packet (RFC 2433 §5 "Failure packet", RFC 2759 §6):
 * {@code E=eeeeeeeeee R=r C=cccc... V=vvvvvvvvvv M=<msg>}.
 *
 * <p>Only E= is required here: pppd's own version 1 failures carry no M=, and other servers omit
 * C= and V=. The M= text runs to the end of the message and may contain spaces.
 *
 * @param errorCode the decimal E= value, e.g. {@link #ERROR_AUTHENTICATION_FAILURE}
 * @param retry     R=1: the peer may try again (absent R= reads as false)
 * @param challenge the C= octets for the next attempt (8 for version 1, 16 for version 2), or an
 *                  empty array when there is no C= field; copied in and out
 * @param version   the V= password-change protocol version, if present
 * @param message   the M= text, if present
 */
public record MsChapFailure(int errorCode, boolean retry, byte[] challenge, OptionalInt version,
        Optional<String> message) {
    public static final int ERROR_RESTRICTED_LOGON_HOURS = 646;
    public static final int ERROR_ACCT_DISABLED = 647;
    public static final int ERROR_PASSWD_EXPIRED = 648;
    public static final int ERROR_NO_DIALIN_PERMISSION = 649;
    public static final int ERROR_AUTHENTICATION_FAILURE = 691;
    public static final int ERROR_CHANGING_PASSWORD = 709;

    /**
     * The V= we send. RFC 2759 §6 says version 2 servers SHOULD send 3, but that value promises
     * support for the Change-Password packet, which we (like pppd) do not implement; pppd sends 0.
     */
    public static final int NO_PASSWORD_CHANGE = 0;

    private static final HexFormat HEX_UPPER = HexFormat.of().withUpperCase();
    private static final String WHAT = "MS-CHAP failure message";

    public MsChapFailure {
        if (errorCode < 0) {
            throw new IllegalArgumentException("error code must not be negative: " + errorCode);
        }
        challenge = challenge.clone();
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(message, "message");
    }

    /** pppd's MS-CHAP (version 1) failure: {@code E=691 R=1 C=<challenge> V=0}. */
    public static MsChapFailure authenticationFailure(byte[] challenge) {
        return new MsChapFailure(ERROR_AUTHENTICATION_FAILURE, true, challenge,
                OptionalInt.of(NO_PASSWORD_CHANGE), Optional.empty());
    }

    /** pppd's MS-CHAPv2 failure: {@code E=691 R=1 C=<challenge> V=0 M=Access denied}. */
    public static MsChapFailure authenticationFailureV2(byte[] challenge) {
        return new MsChapFailure(ERROR_AUTHENTICATION_FAILURE, true, challenge,
                OptionalInt.of(NO_PASSWORD_CHANGE), Optional.of("Access denied"));
    }

    /**
     * Parses a Failure Message. Fields other than E, R, C, V and M are ignored, so that a
     * newer server's additions do not make the whole message unreadable.
     *
     * @throws MalformedPacketException if E= is not first, or a known field's value is not a
     *                                  number (E, R, V) or an even number of hex digits (C)
     */
    public static MsChapFailure parse(String text) throws MalformedPacketException {
        if (!text.startsWith("E=")) {
            throw new MalformedPacketException(WHAT + ": does not start with E=");
        }
        int messageAt = text.indexOf(" M=");
        String fields = messageAt < 0 ? text : text.substring(0, messageAt);
        Optional<String> message = messageAt < 0 ? Optional.empty() : Optional.of(text.substring(messageAt + 3));
        int error = 0;
        boolean retry = false;
        byte[] challenge = new byte[0];
        OptionalInt version = OptionalInt.empty();
        for (String field : fields.split(" +")) {
            if (field.length() < 2 || field.charAt(1) != '=') {
                throw new MalformedPacketException(WHAT + ": field \"" + field + "\" is not X=value");
            }
            String value = field.substring(2);
            switch (field.charAt(0)) {
                case 'E' -> error = decimal(value, "E");
                case 'R' -> retry = decimal(value, "R") != 0;
                case 'C' -> challenge = hex(value);
                case 'V' -> version = OptionalInt.of(decimal(value, "V"));
                default -> {
                    // An unknown field: skipped, see the method comment.
                }
            }
        }
        return new MsChapFailure(error, retry, challenge, version, message);
    }

    /** The Message text, fields in the RFC's order, absent fields left out. */
    public String format() {
        StringBuilder out = new StringBuilder().append("E=").append(errorCode).append(" R=").append(retry ? 1 : 0);
        if (challenge.length > 0) {
            out.append(" C=").append(HEX_UPPER.formatHex(challenge));
        }
        version.ifPresent(v -> out.append(" V=").append(v));
        message.ifPresent(m -> out.append(" M=").append(m));
        return out.toString();
    }

    /**
     * What to tell the user, as pppd does: the M= text when there is one, otherwise a description
     * of the error code.
     */
    public String reason() {
        return message.orElseGet(() -> "E=" + errorCode + " " + switch (errorCode) {
            case ERROR_RESTRICTED_LOGON_HOURS -> "Restricted logon hours";
            case ERROR_ACCT_DISABLED -> "Account disabled";
            case ERROR_PASSWD_EXPIRED -> "Password expired";
            case ERROR_NO_DIALIN_PERMISSION -> "No dialin permission";
            case ERROR_AUTHENTICATION_FAILURE -> "Authentication failure";
            case ERROR_CHANGING_PASSWORD -> "Error changing password";
            default -> "Unknown MS-CHAP authentication failure";
        });
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsChapFailure f && errorCode == f.errorCode && retry == f.retry
                && Arrays.equals(challenge, f.challenge) && version.equals(f.version) && message.equals(f.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(errorCode, retry, Arrays.hashCode(challenge), version, message);
    }

    @Override
    public String toString() {
        return "MsChapFailure[" + format() + "]";
    }

    private static int decimal(String value, String field) throws MalformedPacketException {
        // The RFC writes E= and V= with ten digits, which may not fit an int; such codes are not real.
        boolean digits = !value.isEmpty() && value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || Long.parseLong(value) > Integer.MAX_VALUE) {
            throw new MalformedPacketException(WHAT + ": " + field + "=" + value + " (expected a decimal number)");
        }
        return Integer.parseInt(value);
    }

    private static byte[] hex(String value) throws MalformedPacketException {
        try {
            if (value.length() % 2 != 0) {
                throw new IllegalArgumentException("odd length");
            }
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedPacketException(WHAT + ": C=" + value + " (expected an even number of hex digits)");
        }
    }
}
