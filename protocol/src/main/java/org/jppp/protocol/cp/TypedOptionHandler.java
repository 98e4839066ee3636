package org.jppp.protocol.cp;

import java.util.ArrayList;
import java.util.List;
import org.jppp.protocol.fsm.OptionHandler;
import org.jppp.protocol.fsm.ReplyOutcome;
import org.jppp.protocol.fsm.Verdict;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.OptionDecoder;
import org.jppp.protocol.wire.TypedOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every option handler shares: raw options in, typed options to the protocol's rules.
 * A malformed option in a peer's request is Rejected (pppd's "bad CI length"), a malformed Nak
 * or Reject is invalid and discarded (RFC 1661 §5.3, §5.4): bad input never throws.
 *
 * @param <T> the protocol's typed option
 */
abstract class TypedOptionHandler<T extends TypedOption> implements OptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TypedOptionHandler.class);

    private final OptionDecoder<T> decoder;

    TypedOptionHandler(OptionDecoder<T> decoder) {
        this.decoder = decoder;
    }

    /** Our next request's options, in the order pppd sends them. */
    abstract List<T> requestOptions();

    /** One option of the peer's request, well-formed; {@code seen} are the ones before it. */
    abstract void judge(T option, ConfigOption raw, List<T> seen, VerdictBuilder verdict);

    /** After every option was judged: a chance to Nak for options the peer left out. */
    void judgeMissing(List<T> requested, VerdictBuilder verdict) {
    }

    /** The peer's acked options become "what we acked". */
    abstract void commitPeer(List<T> acked);

    abstract ReplyOutcome adoptNak(List<T> suggestions);

    abstract ReplyOutcome dropRejected(List<T> rejected);

    @Override
    public final List<ConfigOption> buildRequest() {
        return requestOptions().stream().map(TypedOption::encode).toList();
    }

    @Override
    public final Verdict judgeRequest(List<ConfigOption> peerOptions) {
        VerdictBuilder verdict = new VerdictBuilder();
        List<T> seen = new ArrayList<>();
        for (ConfigOption raw : peerOptions) {
            try {
                T option = decoder.decode(raw);
                judge(option, raw, seen, verdict);
                seen.add(option);
            } catch (MalformedPacketException e) {
                LOG.debug("{}: rejecting malformed option: {}", protocolName(), e.getMessage());
                verdict.reject(raw);
            }
        }
        if (!verdict.rejecting()) {
            judgeMissing(seen, verdict);
        }
        return verdict.build();
    }

    @Override
    public final void ackSent(List<ConfigOption> peerOptions) {
        List<T> decoded = decodeOrNull(peerOptions);
        commitPeer(decoded == null ? List.of() : decoded);
    }

    @Override
    public void ackReceived(List<ConfigOption> ourOptions) {
        // Our current request is now what the peer acked; nothing else changes (pppd ackci).
    }

    @Override
    public final ReplyOutcome nakReceived(List<ConfigOption> suggestions) {
        List<T> decoded = decodeOrNull(suggestions);
        return decoded == null ? ReplyOutcome.INVALID : adoptNak(decoded);
    }

    @Override
    public final ReplyOutcome rejectReceived(List<ConfigOption> rejected) {
        List<T> decoded = decodeOrNull(rejected);
        return decoded == null ? ReplyOutcome.INVALID : dropRejected(decoded);
    }

    private List<T> decodeOrNull(List<ConfigOption> options) {
        try {
            return decoder.decodeAll(options);
        } catch (MalformedPacketException e) {
            LOG.debug("{}: malformed option in reply: {}", protocolName(), e.getMessage());
            return null;
        }
    }

    /** The first option of the given class, if any. */
    static <T, O extends T> java.util.Optional<O> first(List<T> options, Class<O> type) {
        return options.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
