package org.jppp.protocol.fsm;

import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.ControlPacket;

/**
 * A handler's classification of a packet whose code the generic automaton does not know
 * (RFC 1661 §5.7-5.9 for LCP: Protocol-Reject, Echo-Request/Reply, Discard-Request; RFC 1570
 * Identification and Time-Remaining).
 *
 * @param event  RUC (answer with Code-Reject), RXR (echo-like, answered only in Opened),
 *               RXJ_PLUS or RXJ_MINUS (a Protocol-Reject, catastrophic or not); null for a
 *               malformed packet of a known code, which is silently discarded
 * @param reply  for RXR, the Echo-Reply to send if Opened (ser)
 * @param events what the owner must hear about
 */
public record ExtraCode(FsmEvent event, Optional<ControlPacket> reply, List<HandlerEvent> events) {

    public ExtraCode {
        if (event != null && event != FsmEvent.RUC && event != FsmEvent.RXR && event != FsmEvent.RXJ_PLUS
                && event != FsmEvent.RXJ_MINUS) {
            throw new IllegalArgumentException("not an event for an extra code: " + event);
        }
        events = List.copyOf(events);
    }

    /** A known code whose packet is malformed (e.g. too short): discarded and counted. */
    public static ExtraCode discard() {
        return new ExtraCode(null, Optional.empty(), List.of());
    }

    public static ExtraCode unknown() {
        return new ExtraCode(FsmEvent.RUC, Optional.empty(), List.of());
    }

    /** Echo-Reply, Discard-Request, Identification, Time-Remaining: nothing to send. */
    public static ExtraCode rxr(List<HandlerEvent> events) {
        return new ExtraCode(FsmEvent.RXR, Optional.empty(), events);
    }

    /** Echo-Request: {@code reply} is sent if the layer is Opened. */
    public static ExtraCode rxr(ControlPacket reply, List<HandlerEvent> events) {
        return new ExtraCode(FsmEvent.RXR, Optional.of(reply), events);
    }

    public static ExtraCode rxj(boolean catastrophic, List<HandlerEvent> events) {
        return new ExtraCode(catastrophic ? FsmEvent.RXJ_MINUS : FsmEvent.RXJ_PLUS, Optional.empty(), events);
    }
}
