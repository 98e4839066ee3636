package org.jppp.protocol.pppoe.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jppp.protocol.pppoe.MacAddress;

/**
 * A token bucket per source MAC address for PADIs: a host may send {@code burst} at once, then
 * {@code perSecond}. Time is passed in. The table is bounded: when it is full, buckets that have
 * refilled completely are forgotten (they hold nothing a new bucket would not), and if none has,
 * a PADI from a new address is refused, so a flood of forged source addresses cannot grow it.
 */
final class PadiRateLimiter {
    private final int burst;
    private final double perSecond;
    private final int maxTracked;
    private final Map<MacAddress, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        Instant last;

        Bucket(double tokens, Instant last) {
            this.tokens = tokens;
            this.last = last;
        }

        void refill(Instant now, int burst, double perSecond) {
            if (now.isAfter(last)) {
                double seconds = Duration.between(last, now).toNanos() / 1e9;
                tokens = Math.min(burst, tokens + seconds * perSecond);
                last = now;
            }
        }
    }

    PadiRateLimiter(int burst, double perSecond, int maxTracked) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.maxTracked = maxTracked;
    }

    /** Takes one token from {@code source}'s bucket if it has one. */
    boolean allow(MacAddress source, Instant now) {
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            if (buckets.size() >= maxTracked) {
                buckets.values().removeIf(b -> {
                    b.refill(now, burst, perSecond);
                    return b.tokens >= burst;
                });
                if (buckets.size() >= maxTracked) {
                    return false;
                }
            }
            bucket = new Bucket(burst, now);
            buckets.put(source, bucket);
        }
        bucket.refill(now, burst, perSecond);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    int tracked() {
        return buckets.size();
    }
}
