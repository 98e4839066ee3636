package org.jppp.protocol.fsm;

import java.util.List;
import org.jppp.protocol.wire.ConfigOption;

/**
 * The answer to a peer's Configure-Request (RFC 1661 §5.1-5.4): Ack it as sent, Nak it with
 * the values we would accept (and options we want the peer to request), or Reject the options
 * we don't recognize or won't negotiate, echoed unmodified.
 *
 * @param kind    ACK, NAK or REJ
 * @param options the reply's options: empty for ACK (the Ack echoes the request), the suggested
 *                values for NAK, the peer's own options for REJ
 */
public record Verdict(Kind kind, List<ConfigOption> options) {

    public enum Kind { ACK, NAK, REJ }

    public Verdict {
        options = List.copyOf(options);
        if (kind == Kind.ACK && !options.isEmpty()) {
            throw new IllegalArgumentException("an Ack echoes the request; it carries no reply options");
        }
        if (kind != Kind.ACK && options.isEmpty()) {
            throw new IllegalArgumentException(kind + " without options");
        }
    }

    public static Verdict ack() {
        return new Verdict(Kind.ACK, List.of());
    }

    public static Verdict nak(List<ConfigOption> suggestions) {
        return new Verdict(Kind.NAK, suggestions);
    }

    public static Verdict reject(List<ConfigOption> rejected) {
        return new Verdict(Kind.REJ, rejected);
    }
}
