package org.jppp.protocol.cp;

import org.jppp.protocol.fsm.HandlerEvent;
import org.jppp.protocol.wire.PppProtocol;

/** What LCP's handler reports to the link owner through {@code FsmAction.Notify}. */
public sealed interface LcpEvent extends HandlerEvent {

    /**
     * Our Magic-Number was Naked {@code LcpSettings.loopbackFail} times in a row: the line is
     * looped back (RFC 1661 §6.4). pppd logs "Serial line is looped back.", closes LCP and exits 17.
     */
    record LoopbackDetected(int naks) implements LcpEvent { }

    /** An Echo-Reply that is not our own (RFC 1661 §5.8): the peer is alive. */
    record EchoReplyReceived(int identifier, int magic) implements LcpEvent { }

    /** The peer does not speak {@code protocol} (RFC 1661 §5.7): stop that NCP. */
    record ProtocolRejected(PppProtocol protocol) implements LcpEvent { }

    /** Identification (RFC 1570 §2.1): a message for the log. */
    record IdentificationReceived(String message) implements LcpEvent { }

    /** Time-Remaining (RFC 1570 §2.2): the session will end in {@code seconds}. */
    record TimeRemainingReceived(long seconds, String message) implements LcpEvent { }
}
