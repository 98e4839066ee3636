package org.jppp.protocol.fsm;

import java.util.List;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlPacket;

/**
 * The protocol-specific half of the automaton, after pppd's {@code fsm_callbacks}: the
 * {@link Fsm} decides when to send and what state to enter, the handler decides what the
 * options say. A handler keeps four immutable option values (STYLE habit 5) — what we want,
 * what we allow the peer, what the peer acked (our negotiated values) and what we acked (the
 * peer's values) — and replaces, never mutates, the last two as negotiation proceeds.
 *
 * <p>Bad peer input is never an exception here: a handler returns a Reject or an invalid
 * {@link ReplyOutcome} instead.
 */
public interface OptionHandler {

    /** {@code LCP}, {@code IPCP}, {@code IPV6CP}: used in logs. */
    String protocolName();

    /**
     * A negotiation starts (pppd {@code resetci}): our next request goes back to what we want, the
     * peer's acked values are forgotten.
     */
    void resetOptions();

    /** The options of our next Configure-Request (pppd {@code addci}); same result until a reply changes it. */
    List<ConfigOption> buildRequest();

    /**
     * Judges a peer's Configure-Request (pppd {@code reqci}, RFC 1661 §5.1). Must not change the
     * handler: the verdict is committed by {@link #ackSent} only when the Ack is actually sent.
     */
    Verdict judgeRequest(List<ConfigOption> peerOptions);

    /** We Ack the peer's request: its options become "what we acked". */
    void ackSent(List<ConfigOption> peerOptions);

    /**
     * The peer acked our request (pppd {@code ackci}). The automaton has already checked that the
     * Ack answers our outstanding request and repeats its options exactly (RFC 1661 §5.2).
     */
    void ackReceived(List<ConfigOption> ourOptions);

    /** The peer Naked our request (pppd {@code nakci}): adopt what we can accept (RFC 1661 §5.3). */
    ReplyOutcome nakReceived(List<ConfigOption> suggestions);

    /**
     * The peer Rejected options of our request (pppd {@code rejci}): stop asking for them. The
     * automaton has already checked that each is an unmodified option of our request (§5.4).
     */
    ReplyOutcome rejectReceived(List<ConfigOption> rejected);

    /**
     * Whether a Code-Reject for {@code rejectedCode} is catastrophic (RXJ-, RFC 1661 §5.6): by
     * default the codes every LCP-like protocol depends on, Configure-* to Code-Reject.
     */
    default boolean isCatastrophicCodeReject(int rejectedCode) {
        return rejectedCode >= 1 && rejectedCode <= 7;
    }

    /**
     * Whether a Nak of this option type turns into a Reject once Max-Failure Naks went unanswered
     * (§4.6). LCP keeps Naking a colliding Magic-Number, as pppd does, so that a looped-back line
     * is still detected after Max-Failure.
     */
    default boolean rejectAfterMaxFailure(int optionType) {
        return true;
    }

    /** A packet with a code beyond 1..7; by default unknown, answered with Code-Reject. */
    default ExtraCode receiveExtra(ControlPacket packet) {
        return ExtraCode.unknown();
    }

    /** The peer's MRU, to truncate a Code-Reject (RFC 1661 §5.6). */
    default int peerMru() {
        return 1500;
    }
}
