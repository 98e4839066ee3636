package org.jppp.actors.link;

/**
 * What LCP negotiated that the framing below must apply (RFC 1661 §6, RFC 1662 §7.1), in the
 * direction each applies: what we send is shaped by the peer's options (which we acked), what we
 * accept by ours (which the peer acked).
 *
 * @param sendAccm    control characters to escape on send: the peer's ACCM option
 * @param receiveAccm control characters the peer may send raw, taken as line noise: our ACCM option
 * @param sendMru     the largest Information field the peer accepts: its MRU option
 * @param receiveMru  the largest Information field we accept: our MRU option
 * @param sendPfc     send protocols below 0x100 in one octet: the peer asked for PFC (§6.5)
 * @param sendAcfc    omit Address and Control: the peer asked for ACFC (§6.6)
 */
public record LinkParameters(int sendAccm, int receiveAccm, int sendMru, int receiveMru,
                             boolean sendPfc, boolean sendAcfc) {
    /** RFC 1661 §6.1 and RFC 1662 §7.1 defaults, in force whenever LCP is not Opened. */
    public static final LinkParameters DEFAULT =
            new LinkParameters(0xFFFFFFFF, 0xFFFFFFFF, 1500, 1500, false, false);
}
