package org.jppp.protocol.cp;

import java.util.ArrayList;
import java.util.List;
import org.jppp.protocol.fsm.Verdict;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.TypedOption;

/**
 * Collects per-option decisions into one {@link Verdict} (RFC 1661 §5.1-5.4): any Reject wins,
 * carrying the peer's options unmodified; else any Nak, carrying our suggestions; else Ack.
 */
final class VerdictBuilder {
    private final List<ConfigOption> naks = new ArrayList<>();
    private final List<ConfigOption> rejects = new ArrayList<>();

    void nak(TypedOption suggestion) {
        naks.add(suggestion.encode());
    }

    void reject(ConfigOption original) {
        rejects.add(original);
    }

    boolean rejecting() {
        return !rejects.isEmpty();
    }

    Verdict build() {
        if (!rejects.isEmpty()) {
            return Verdict.reject(rejects);
        }
        return naks.isEmpty() ? Verdict.ack() : Verdict.nak(naks);
    }
}
