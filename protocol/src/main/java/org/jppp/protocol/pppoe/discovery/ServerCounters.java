package org.jppp.protocol.pppoe.discovery;

/**
 * What the access concentrator has seen and done, for its status output: bad peer input is
 * counted, not thrown.
 *
 * @param padiReceived     PADIs received
 * @param padiRateLimited  PADIs dropped by the per-MAC rate limit
 * @param padoSent         PADOs sent
 * @param padrReceived     PADRs received
 * @param padrNoCookie     PADRs dropped for carrying no AC-Cookie
 * @param padrForgedCookie PADRs dropped for a cookie we did not issue to that host
 * @param padrStaleCookie  PADRs dropped for a cookie older than its lifetime
 * @param padrDuplicate    PADRs of an established session answered with its PADS again
 * @param padsSent         PADSs sent that granted a session
 * @param padsErrors       PADSs sent with an error tag
 * @param padtReceived     PADTs that ended a session
 * @param ignored          frames ignored otherwise: malformed, not for us, not acceptable
 * @param unknownSessionPadts    PADTs sent for session frames of an id not in use
 * @param unknownSessionLimited  such frames left unanswered by the rate limit
 */
public record ServerCounters(
        long padiReceived,
        long padiRateLimited,
        long padoSent,
        long padrReceived,
        long padrNoCookie,
        long padrForgedCookie,
        long padrStaleCookie,
        long padrDuplicate,
        long padsSent,
        long padsErrors,
        long padtReceived,
        long ignored,
        long unknownSessionPadts,
        long unknownSessionLimited) {
}
