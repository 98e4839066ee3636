package org.jppp.protocol.authn;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jppp.protocol.wire.CodedPacket;
import org.jppp.protocol.wire.PppProtocol;

/**
 * What an authentication machine asks its owner to do. The owner performs the actions in order:
 * it transmits packets, runs one timer per {@link Role} and moves the link on when a direction
 * (or, from {@link AuthPhase}, the whole phase) concludes.
 */
public sealed interface AuthAction {

    /** Transmit this packet on the protocol. */
    record Send(PppProtocol protocol, CodedPacket packet) implements AuthAction {
        public Send {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(packet, "packet");
        }

        /** The packet's octets (Code, Identifier, Length, Data), without the PPP Protocol field. */
        public byte[] bytes() {
            return packet.toBytes();
        }
    }

    /** (Re)start the timer of this direction; when it fires, call {@code timeout()} for the role. */
    record StartTimer(Role role, Duration after) implements AuthAction {
        public StartTimer {
            Objects.requireNonNull(role, "role");
            if (after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException("timer duration must be positive: " + after);
            }
        }
    }

    /** Cancel the timer of this direction. */
    record StopTimer(Role role) implements AuthAction {
        public StopTimer {
            Objects.requireNonNull(role, "role");
        }
    }

    /** One direction succeeded. */
    record Succeeded(AuthSuccess success) implements AuthAction {
        public Succeeded {
            Objects.requireNonNull(success, "success");
        }
    }

    /** One direction failed. */
    record Failed(AuthFailure failure) implements AuthAction {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * Every direction LCP negotiated has succeeded (RFC 1661 §3.5): go on to the Network-Layer
     * Protocol phase. Only {@link AuthPhase} emits it, once.
     */
    record PhaseSucceeded(Optional<AuthSuccess> withPeer, Optional<AuthSuccess> ofPeer) implements AuthAction {
        public PhaseSucceeded {
            Objects.requireNonNull(withPeer, "withPeer");
            Objects.requireNonNull(ofPeer, "ofPeer");
        }
    }

    /**
     * A direction failed (RFC 1661 §3.5: "the authenticator SHOULD proceed instead to the
     * Link Termination phase"): close LCP and exit with {@link #exitStatus()}. Only
     * {@link AuthPhase} emits it, once; it may come after {@link PhaseSucceeded} when a CHAP
     * rechallenge fails.
     */
    record PhaseFailed(AuthFailure failure) implements AuthAction {
        public PhaseFailed {
            Objects.requireNonNull(failure, "failure");
        }

        public int exitStatus() {
            return failure.exitStatus();
        }
    }
}
