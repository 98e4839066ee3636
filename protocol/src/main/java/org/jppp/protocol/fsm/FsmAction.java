package org.jppp.protocol.fsm;

import java.time.Duration;
import org.jppp.protocol.wire.ControlPacket;

/**
 * What the automaton asks its owner to do (RFC 1661 §4.4). The owner performs the actions in
 * list order: it transmits packets, runs the one Restart timer and tells the layers above and
 * below. irc and zrc are internal to the automaton and only show up as a timer start (zrc).
 */
public sealed interface FsmAction {

    /** scr, sca, scn, str, sta, scj, ser: transmit this packet on the protocol. */
    record Send(ControlPacket packet) implements FsmAction { }

    /** (Re)start the Restart timer; when it fires, call {@link Fsm#timeout()}. */
    record StartTimer(Duration after) implements FsmAction { }

    /** Cancel the Restart timer: entered a state where it does not run. */
    record StopTimer() implements FsmAction { }

    /** tlu: the layer is Opened; the negotiated options are in the handler. */
    record ThisLayerUp() implements FsmAction { }

    /** tld: the layer leaves Opened. */
    record ThisLayerDown() implements FsmAction { }

    /** tls: the layer needs the lower layer; bring it up. */
    record ThisLayerStarted() implements FsmAction { }

    /** tlf: the layer no longer needs the lower layer. */
    record ThisLayerFinished() implements FsmAction { }

    /** Something the option handler wants its owner to know (loopback, Protocol-Reject, echo...). */
    record Notify(HandlerEvent event) implements FsmAction { }
}
