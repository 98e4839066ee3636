package org.jppp.supervisor.peer;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jppp.protocol.config.LinkControlSettings;

/**
 * When a peer's link is dialled again, held off or given up (pppd's {@code persist}, {@code demand},
 * {@code holdoff}, {@code maxfail}) and when a running link is cut ({@code idle}, {@code maxconnect}),
 * all in seconds as pppd takes them.
 *
 * <p>Two jppp options extend {@code holdoff}: {@code holdoff-backoff FACTOR} and {@code holdoff-max
 * SECONDS}. The k-th holdoff in a row (k from 0) waits {@code holdoff·FACTOR^k} seconds capped at
 * {@code holdoff-max}, spread by ±20 % of jitter so that many peers cut by one outage do not all redial
 * in the same second, and capped again after the jitter so that {@code holdoff-max} stays a true
 * maximum. A link that stays up for {@link #stableAfter()} seconds starts the sequence over. With
 * the default factor 1 the holdoff is pppd's: the same {@code holdoff} seconds every time, no jitter
 * and no random draw, because pppd has neither.
 *
 * @param holdoff        seconds to wait before redialling (pppd default 30)
 * @param holdoffMax     cap of the backed-off holdoff, at least {@code holdoff}
 * @param holdoffBackoff factor of each further holdoff in a row, 1 for pppd's constant holdoff
 * @param maxfail        consecutive failed attempts before giving up, 0 for never (pppd default 10)
 * @param persist        redial after the link ends
 * @param demand         dial-on-demand; as in pppd it implies persist
 * @param idle           seconds without data packets before the link is cut, 0 for never
 * @param maxconnect     seconds a link may stay up, 0 for no limit
 */
public record SupervisorSettings(int holdoff, int holdoffMax, double holdoffBackoff, int maxfail, boolean persist,
                                 boolean demand, int idle, int maxconnect) {

    /** Jitter of a backed-off holdoff, as a fraction of the delay either way. */
    public static final double JITTER = 0.2;

    /** The shortest time up after which the backoff starts over, whatever holdoff-max is. */
    public static final int STABLE_FLOOR_SECONDS = 60;

    public SupervisorSettings {
        requireAtLeast("holdoff", holdoff, 0);
        requireAtLeast("holdoff-max", holdoffMax, holdoff);
        if (!(holdoffBackoff >= 1.0) || Double.isInfinite(holdoffBackoff)) {
            throw new IllegalArgumentException("holdoff-backoff " + holdoffBackoff + " (expected a number >= 1)");
        }
        requireAtLeast("maxfail", maxfail, 0);
        requireAtLeast("idle", idle, 0);
        requireAtLeast("maxconnect", maxconnect, 0);
    }

    private static void requireAtLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " " + value + " (expected >= " + least + ")");
        }
    }

    /** pppd's options plus jppp's {@code holdoff-max} and {@code holdoff-backoff} as the options gave them. */
    public static SupervisorSettings from(LinkControlSettings link) {
        return from(link, link.holdoffMax().orElse(link.holdoff()), link.holdoffBackoff());
    }

    /** pppd's options plus jppp's {@code holdoff-max} and {@code holdoff-backoff}. */
    public static SupervisorSettings from(LinkControlSettings link, int holdoffMax, double holdoffBackoff) {
        return new SupervisorSettings(link.holdoff(), holdoffMax, holdoffBackoff, link.maxfail(), link.persist(),
                link.demand(), link.idle(), link.maxconnect());
    }

    /** pppd's main loop leaves after a link unless persist is set; demand sets persist in pppd's options. */
    public boolean redials() {
        return persist || demand;
    }

    /** Whether holdoffs grow; only then is there jitter and a reset after a stable link. */
    public boolean backsOff() {
        return holdoffBackoff > 1.0;
    }

    /**
     * The delay of the k-th holdoff in a row (k from 0). Draws one number from {@code random}
     * only when the holdoff backs off.
     */
    public Duration holdoffDelay(int k, RandomGenerator random) {
        if (!backsOff()) {
            return Duration.ofSeconds(holdoff);
        }
        double base = Math.min(holdoff * Math.pow(holdoffBackoff, k), holdoffMax);
        double jittered = base * (1 + JITTER * (2 * random.nextDouble() - 1));
        return Duration.ofMillis(Math.round(Math.min(jittered, holdoffMax) * 1000));
    }

    /**
     * Seconds a link must stay up before the backoff starts over from {@code holdoff}: a link that
     * outlives the longest holdoff we would impose (and at least a minute) is taken as healthy.
     */
    public int stableAfter() {
        return Math.max(STABLE_FLOOR_SECONDS, holdoffMax);
    }
}
