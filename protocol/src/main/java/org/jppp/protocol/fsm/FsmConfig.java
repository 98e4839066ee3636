package org.jppp.protocol.fsm;

import java.time.Duration;

/**
 * The automaton's tunables (RFC 1661 §4.6), named after pppd's {@code lcp-max-configure},
 * {@code lcp-max-terminate}, {@code lcp-max-failure} and {@code lcp-restart} options.
 *
 * @param maxConfigure Configure-Requests sent without an answer before giving up (default 10)
 * @param maxTerminate Terminate-Requests sent without a Terminate-Ack before giving up (default 2)
 * @param maxFailure   Configure-Naks sent without an Ack before further Naks become Rejects (default 5)
 * @param restartTimer the Restart timer period (default 3 s)
 * @param passive      the [p] footnote of §4.1: when Configure-Requests time out, wait in Stopped
 *                     without signalling This-Layer-Finished (pppd {@code passive})
 * @param restart      the [r] footnote (§4.3 Open): an Open in Stopped, Closing, Stopping or Opened
 *                     is followed by Down and Up to renegotiate
 */
public record FsmConfig(int maxConfigure, int maxTerminate, int maxFailure, Duration restartTimer,
                        boolean passive, boolean restart) {

    public static final FsmConfig DEFAULT = new FsmConfig(10, 2, 5, Duration.ofSeconds(3), false, false);

    public FsmConfig {
        if (maxConfigure < 1 || maxTerminate < 1 || maxFailure < 0) {
            throw new IllegalArgumentException("counters out of range: max-configure " + maxConfigure
                    + ", max-terminate " + maxTerminate + ", max-failure " + maxFailure);
        }
        if (restartTimer.isNegative() || restartTimer.isZero()) {
            throw new IllegalArgumentException("restart timer must be positive: " + restartTimer);
        }
    }

    public FsmConfig withMaxConfigure(int n) {
        return new FsmConfig(n, maxTerminate, maxFailure, restartTimer, passive, restart);
    }

    public FsmConfig withMaxTerminate(int n) {
        return new FsmConfig(maxConfigure, n, maxFailure, restartTimer, passive, restart);
    }

    public FsmConfig withMaxFailure(int n) {
        return new FsmConfig(maxConfigure, maxTerminate, n, restartTimer, passive, restart);
    }

    public FsmConfig withRestartTimer(Duration d) {
        return new FsmConfig(maxConfigure, maxTerminate, maxFailure, d, passive, restart);
    }

    public FsmConfig withPassive(boolean p) {
        return new FsmConfig(maxConfigure, maxTerminate, maxFailure, restartTimer, p, restart);
    }

    public FsmConfig withRestart(boolean r) {
        return new FsmConfig(maxConfigure, maxTerminate, maxFailure, restartTimer, passive, r);
    }
}
