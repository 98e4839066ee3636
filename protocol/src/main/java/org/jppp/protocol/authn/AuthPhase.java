package org.jppp.protocol.authn;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jppp.protocol.wire.PppProtocol;

/**
 * The Authentication phase of RFC 1661 §3.5 for one link: one machine per direction LCP
 * negotiated, run side by side. The phase succeeds when every direction has succeeded
 * ({@link AuthAction.PhaseSucceeded}, once), and fails at the first failure
 * ({@link AuthAction.PhaseFailed}, with pppd's exit status 19 or 11); then the other direction is
 * stopped and further events are ignored. After success the machines keep running, so that CHAP
 * rechallenges are answered and a failed one still fails the phase.
 *
 * <p>Received packets are routed by protocol and Code: PAP Authenticate-Request, CHAP Response
 * and EAP Response go to the authenticator, everything else to the authenticatee.
 */
public final class AuthPhase {
    private final NegotiatedAuth negotiated;
    private final Map<Role, AuthMachine> machines = new EnumMap<>(Role.class);
    private final Map<Role, AuthSuccess> successes = new EnumMap<>(Role.class);
    private boolean succeeded;
    private boolean failed;
    private long discarded;

    private AuthPhase(NegotiatedAuth negotiated, AuthContext ctx) {
        this.negotiated = negotiated;
        for (Role role : Role.values()) {
            negotiated.method(role).ifPresent(m -> machines.put(role, machine(role, m, ctx)));
        }
    }

    public static AuthPhase create(NegotiatedAuth negotiated, AuthContext ctx) {
        return new AuthPhase(negotiated, ctx);
    }

    /** The machine for one direction and method. */
    public static AuthMachine machine(Role role, AuthMethod method, AuthContext ctx) {
        boolean authenticator = role == Role.AUTHENTICATOR;
        if (method.protocol().equals(PppProtocol.PAP)) {
            return authenticator ? new PapAuthenticator(ctx) : new PapAuthenticatee(ctx);
        }
        if (method.protocol().equals(PppProtocol.CHAP)) {
            return authenticator ? new ChapAuthenticator(ctx, method) : new ChapAuthenticatee(ctx, method);
        }
        return authenticator ? new EapAuthenticator(ctx) : new EapAuthenticatee(ctx);
    }

    public NegotiatedAuth negotiated() {
        return negotiated;
    }

    public Optional<AuthMachine> machine(Role role) {
        return Optional.ofNullable(machines.get(role));
    }

    public boolean succeeded() {
        return succeeded;
    }

    public boolean failed() {
        return failed;
    }

    /** Packets no machine took: for a protocol no direction uses, or for a direction not running. */
    public long discardedPackets() {
        return discarded;
    }

    /** LCP reached Opened: start every negotiated direction; with none, the phase succeeds at once. */
    public AuthResult start() {
        AuthResult result = AuthResult.EMPTY;
        for (AuthMachine m : machines.values()) {
            result = result.plus(m.start());
        }
        return settle(result);
    }

    /** A packet of {@code protocol}, from the Code field on. */
    public AuthResult receive(PppProtocol protocol, byte[] packet) {
        if (failed) {
            return AuthResult.EMPTY;
        }
        AuthMachine m = machines.get(roleFor(protocol, packet));
        if (m == null || !m.method().protocol().equals(protocol)) {
            discarded++;
            return new AuthResult(List.of(), List.of(new LogLine(LogLine.Level.DEBUG,
                    "auth: dropped " + protocol + " packet: no direction uses it")));
        }
        return settle(m.receive(packet));
    }

    /** The timer of {@code role} fired. */
    public AuthResult timeout(Role role) {
        AuthMachine m = machines.get(role);
        return m == null || failed ? AuthResult.EMPTY : settle(m.timeout());
    }

    /** The peer rejected {@code protocol} with an LCP Protocol-Reject. */
    public AuthResult protocolRejected(PppProtocol protocol) {
        AuthResult result = AuthResult.EMPTY;
        for (AuthMachine m : machines.values()) {
            if (!failed && m.method().protocol().equals(protocol)) {
                result = result.plus(m.protocolRejected());
            }
        }
        return settle(result);
    }

    /** The link went down: stop both directions. */
    public AuthResult lowerDown() {
        AuthResult result = AuthResult.EMPTY;
        for (AuthMachine m : machines.values()) {
            result = result.plus(m.lowerDown());
        }
        return result;
    }

    /** Adds the phase's own conclusion to a machine's result. */
    private AuthResult settle(AuthResult result) {
        Optional<AuthFailure> failure = result.failed();
        if (failure.isPresent() && !failed) {
            failed = true;
            AuthResult stopped = result.plus(new AuthResult(List.of(new AuthAction.PhaseFailed(failure.get())),
                    List.of()));
            for (AuthMachine m : machines.values()) {
                if (m.role() != failure.get().role()) {
                    stopped = stopped.plus(m.lowerDown());
                }
            }
            return stopped;
        }
        result.succeeded().ifPresent(s -> successes.put(s.role(), s));
        if (!succeeded && !failed && successes.keySet().containsAll(machines.keySet())) {
            succeeded = true;
            return result.plus(new AuthResult(List.of(new AuthAction.PhaseSucceeded(
                    Optional.ofNullable(successes.get(Role.AUTHENTICATEE)),
                    Optional.ofNullable(successes.get(Role.AUTHENTICATOR)))), List.of()));
        }
        return result;
    }

    /**
     * Which direction a packet belongs to: requests to be checked and answers to challenges go
     * to the authenticator (PAP Authenticate-Request, CHAP Response, EAP Response); the rest to
     * the authenticatee. An empty packet goes to the authenticatee, whose parser drops it.
     */
    static Role roleFor(PppProtocol protocol, byte[] packet) {
        int code = packet.length > 0 ? packet[0] & 0xFF : 0;
        boolean toAuthenticator = protocol.equals(PppProtocol.PAP) ? code == 1 : code == 2;
        return toAuthenticator ? Role.AUTHENTICATOR : Role.AUTHENTICATEE;
    }
}
