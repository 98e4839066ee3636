package org.jppp.protocol.fsm;

import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.ControlPacket;

/**
 * The outcome of one event: the state after it and the actions to perform, in order.
 *
 * @param state   the new state
 * @param actions what to do (empty for the table's "-" cells and for discarded packets)
 * @param event   the RFC event the input was classified as; empty when a received packet was
 *                silently discarded (malformed, or a reply that answers no outstanding request)
 */
public record FsmResult(FsmState state, List<FsmAction> actions, Optional<FsmEvent> event) {

    public FsmResult {
        actions = List.copyOf(actions);
    }

    /** The packets to transmit, in order. */
    public List<ControlPacket> sent() {
        return actions.stream()
                .filter(FsmAction.Send.class::isInstance)
                .map(a -> ((FsmAction.Send) a).packet())
                .toList();
    }

    /** The handler events reported, in order. */
    public List<HandlerEvent> notifications() {
        return actions.stream()
                .filter(FsmAction.Notify.class::isInstance)
                .map(a -> ((FsmAction.Notify) a).event())
                .toList();
    }

    public boolean has(FsmAction action) {
        return actions.contains(action);
    }
}
