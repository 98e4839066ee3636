package org.jppp.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password or CHAP secret. It exists so that a secret can travel through records, logs and
 * exception messages without ever being printed: {@link #toString()} hides the value (and its
 * length), and the only way to read it is the deliberately named {@link #reveal()}.
 *
 * <p>Equality is compared in constant time, because a secret is compared against input that an
 * attacker controls.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        return value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret empty() {
        return EMPTY;
    }

    /** The secret in clear text; callers must never log or print what this returns. */
    public String reveal() {
        return value;
    }

    /**
     * The octets hashed by CHAP-MD5 and sent by PAP. pppd uses the octets of the secrets file as
     * they are; secrets files are read as UTF-8, so UTF-8 gives the same octets back.
     */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(utf8(), other.utf8());
    }

    /** Constant, so that hash-based collections do not leak anything about the value. */
    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
