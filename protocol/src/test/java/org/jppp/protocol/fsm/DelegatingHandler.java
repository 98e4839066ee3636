package org.jppp.protocol.fsm;

import java.util.List;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlPacket;

/** Forwards everything to another handler, so a test can override one method. */
class DelegatingHandler implements OptionHandler {
    private final OptionHandler inner;

    DelegatingHandler(OptionHandler inner) {
        this.inner = inner;
    }

    @Override
    public String protocolName() {
        return inner.protocolName();
    }

    @Override
    public void resetOptions() {
        inner.resetOptions();
    }

    @Override
    public List<ConfigOption> buildRequest() {
        return inner.buildRequest();
    }

    @Override
    public Verdict judgeRequest(List<ConfigOption> peerOptions) {
        return inner.judgeRequest(peerOptions);
    }

    @Override
    public void ackSent(List<ConfigOption> peerOptions) {
        inner.ackSent(peerOptions);
    }

    @Override
    public void ackReceived(List<ConfigOption> ourOptions) {
        inner.ackReceived(ourOptions);
    }

    @Override
    public ReplyOutcome nakReceived(List<ConfigOption> suggestions) {
        return inner.nakReceived(suggestions);
    }

    @Override
    public ReplyOutcome rejectReceived(List<ConfigOption> rejected) {
        return inner.rejectReceived(rejected);
    }

    @Override
    public ExtraCode receiveExtra(ControlPacket packet) {
        return inner.receiveExtra(packet);
    }

    @Override
    public int peerMru() {
        return inner.peerMru();
    }
}
