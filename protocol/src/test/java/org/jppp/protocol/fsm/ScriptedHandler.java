package org.jppp.protocol.fsm;

import java.util.ArrayList;
import java.util.List;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;

/**
 * A minimal option handler for automaton tests. It asks for one option (type 1, MRU 1500);
 * it Rejects a peer option of type 99, Naks type 98 with value 1 and Acks everything else;
 * it adopts Naks of options it asked for and drops Rejected ones; it answers Echo-Request
 * (code 9) and treats Echo-Reply (10) and Discard-Request (11) as RXR.
 */
final class ScriptedHandler implements OptionHandler {
    static final List<ConfigOption> WANT = List.of(new ConfigOption(1, new byte[] {0x05, (byte) 0xDC}));

    private List<ConfigOption> request = WANT;
    List<ConfigOption> peerAcked = List.of();
    List<ConfigOption> weAcked = List.of();
    int resets;

    @Override
    public String protocolName() {
        return "TEST";
    }

    @Override
    public void resetOptions() {
        request = WANT;
        peerAcked = List.of();
        resets++;
    }

    @Override
    public List<ConfigOption> buildRequest() {
        return request;
    }

    @Override
    public Verdict judgeRequest(List<ConfigOption> peerOptions) {
        List<ConfigOption> rejected = peerOptions.stream().filter(o -> o.type() == 99).toList();
        if (!rejected.isEmpty()) {
            return Verdict.reject(rejected);
        }
        if (peerOptions.stream().anyMatch(o -> o.type() == 98)) {
            return Verdict.nak(List.of(new ConfigOption(98, new byte[] {1})));
        }
        return Verdict.ack();
    }

    @Override
    public void ackSent(List<ConfigOption> peerOptions) {
        weAcked = peerOptions;
    }

    @Override
    public void ackReceived(List<ConfigOption> ourOptions) {
        peerAcked = ourOptions;
    }

    @Override
    public ReplyOutcome nakReceived(List<ConfigOption> suggestions) {
        List<ConfigOption> next = new ArrayList<>(request);
        for (ConfigOption s : suggestions) {
            int i = indexOfType(next, s.type());
            if (i < 0) {
                return ReplyOutcome.INVALID;
            }
            next.set(i, s);
        }
        request = List.copyOf(next);
        return ReplyOutcome.VALID;
    }

    @Override
    public ReplyOutcome rejectReceived(List<ConfigOption> rejected) {
        request = request.stream().filter(o -> !rejected.contains(o)).toList();
        return ReplyOutcome.VALID;
    }

    @Override
    public ExtraCode receiveExtra(ControlPacket packet) {
        return switch (packet.code().value()) {
            case 9 -> ExtraCode.rxr(new ControlPacket(ControlCode.ECHO_REPLY, packet.identifier(), packet.data()),
                    List.of());
            case 10, 11 -> ExtraCode.rxr(List.of());
            default -> ExtraCode.unknown();
        };
    }

    private static int indexOfType(List<ConfigOption> options, int type) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }
}
