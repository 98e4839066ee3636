package org.jppp.protocol.pppoe.discovery;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.MacAddress;

/**
 * AC-Cookies that let the access concentrator keep no state between PADO and PADR, as RFC 2516
 * §5.2 suggests against denial of service: the PADR must echo a cookie that only the holder of
 * the secret could have made for this host.
 *
 * <p>Layout (20 octets): the issue time in seconds since the epoch (4 octets, unsigned), then the
 * first 16 octets of HMAC-SHA256(secret, time || AC MAC || host MAC || Host-Uniq). Unlike
 * rp-pppoe's MD5 cookie it expires, and it binds the Host-Uniq, so a cookie is good only for the
 * discovery exchange that obtained it.
 */
final class AcCookies {
    static final int LENGTH = 20;
    private static final int TIME_LENGTH = 4;
    private static final String ALGORITHM = "HmacSHA256";

    /** What {@link #check} concluded. */
    enum Verdict { VALID, FORGED, STALE }

    private final Mac hmac;
    private final MacAddress acMac;
    private final long lifetimeSeconds;

    AcCookies(byte[] secret, MacAddress acMac, Duration lifetime) {
        try {
            hmac = Mac.getInstance(ALGORITHM);
            hmac.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
        this.acMac = acMac;
        this.lifetimeSeconds = lifetime.getSeconds();
    }

    ByteString issue(Instant now, MacAddress host, ByteString hostUniq) {
        long time = now.getEpochSecond() & 0xFFFF_FFFFL;
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putInt((int) time);
        b.put(digest(time, host, hostUniq));
        return ByteString.fromArrayUnsafe(b.array());
    }

    Verdict check(Instant now, MacAddress host, ByteString hostUniq, ByteString cookie) {
        if (cookie.size() != LENGTH) {
            return Verdict.FORGED;
        }
        long time = cookie.asByteBuffer().getInt() & 0xFFFF_FFFFL;
        byte[] expected = digest(time, host, hostUniq);
        if (!MessageDigest.isEqual(expected, cookie.drop(TIME_LENGTH).toArray())) {
            return Verdict.FORGED;
        }
        long age = (now.getEpochSecond() & 0xFFFF_FFFFL) - time;
        return age >= 0 && age <= lifetimeSeconds ? Verdict.VALID : Verdict.STALE;
    }

    private byte[] digest(long time, MacAddress host, ByteString hostUniq) {
        ByteBuffer input = ByteBuffer.allocate(TIME_LENGTH + 2 * MacAddress.LENGTH + hostUniq.size());
        input.putInt((int) time);
        acMac.write(input);
        host.write(input);
        input.put(hostUniq.asByteBuffer());
        return Arrays.copyOf(hmac.doFinal(input.array()), LENGTH - TIME_LENGTH);
    }
}
