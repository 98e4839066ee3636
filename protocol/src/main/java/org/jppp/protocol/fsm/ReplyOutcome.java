package org.jppp.protocol.fsm;

import java.util.List;

/**
 * How an {@link OptionHandler} took a Configure-Nak or Configure-Reject.
 *
 * @param valid  false if the reply is malformed or names options we never sent; the automaton
 *               then discards it silently (RFC 1661 §5.3, §5.4) and no event happens
 * @param events anything the owner must hear about (e.g. LCP's loopback detection)
 */
public record ReplyOutcome(boolean valid, List<HandlerEvent> events) {
    public static final ReplyOutcome VALID = new ReplyOutcome(true, List.of());
    public static final ReplyOutcome INVALID = new ReplyOutcome(false, List.of());

    public ReplyOutcome {
        events = List.copyOf(events);
    }

    public static ReplyOutcome valid(List<HandlerEvent> events) {
        return new ReplyOutcome(true, events);
    }
}
