package org.jppp.protocol.authn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jppp.protocol.config.SecretsEntry;
import org.jppp.protocol.wire.CodedPacket;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;

/**
 * What the six machines share: collecting actions and log lines into one {@link AuthResult} per
 * event, the single {@link #setState} that logs each transition, the one timer of the direction,
 * and the retransmission of an unanswered packet every restart interval up to a maximum number
 * of transmissions (RFC 1334 §2.2.1, RFC 1994 §4.1, RFC 3748 §4.3, pppd's restart/max options).
 *
 * @param <P> the protocol's typed packet
 */
abstract class MachineBase<P extends CodedPacket> implements AuthMachine {
    /** The states every machine has around its own: before start, and after the link went down. */
    private static final String INITIAL = "INITIAL";
    private static final String CLOSED = "CLOSED";

    protected final AuthContext ctx;
    private final Role role;
    private final AuthMethod method;
    private final Duration restart;
    private final int maxTransmissions;

    private final List<AuthAction> actions = new ArrayList<>();
    private final List<LogLine> log = new ArrayList<>();
    private String state = INITIAL;
    private boolean timerRunning;
    private boolean inProgress;
    private long discarded;

    private Supplier<? extends CodedPacket> outstanding;
    private int transmissions;

    MachineBase(AuthContext ctx, Role role, AuthMethod method, Duration restart, int maxTransmissions) {
        this.ctx = ctx;
        this.role = role;
        this.method = method;
        this.restart = restart;
        this.maxTransmissions = maxTransmissions;
    }

    @Override public final Role role() {
        return role;
    }

    @Override public final AuthMethod method() {
        return method;
    }

    @Override public final long discardedPackets() {
        return discarded;
    }

    /** The current state's name, for tests and debugging. */
    public final String state() {
        return state;
    }

    @Override public final AuthResult start() {
        return run(() -> {
            if (state.equals(INITIAL)) {
                inProgress = true;
                onStart();
            } else {
                debug("already started");
            }
        });
    }

    @Override public final AuthResult receive(byte[] packet) {
        return run(() -> {
            P parsed;
            try {
                parsed = parse(packet);
            } catch (MalformedPacketException e) {
                drop(e.getMessage());
                return;
            }
            if (state.equals(INITIAL) || state.equals(CLOSED)) {
                drop("not authenticating");
            } else {
                onPacket(parsed);
            }
        });
    }

    @Override public final AuthResult timeout() {
        return run(() -> {
            if (!timerRunning) {
                debug("stale timeout ignored");
                return;
            }
            timerRunning = false;
            onTimeout();
        });
    }

    @Override public final AuthResult protocolRejected() {
        return run(() -> {
            if (inProgress) {
                String line = protocolRejectLine();
                if (line != null) {
                    error(line);
                }
                fail("Protocol-Reject for " + method.protocolName());
            }
            close();
        });
    }

    @Override public final AuthResult lowerDown() {
        return run(this::close);
    }

    /** Parses one packet of the protocol. */
    protected abstract P parse(byte[] packet) throws MalformedPacketException;

    protected abstract void onStart();

    /** A well-formed packet while started. */
    protected abstract void onPacket(P packet);

    protected abstract void onTimeout();

    /** pppd's error line when the peer rejects the protocol while we are at it, or null for none. */
    protected abstract String protocolRejectLine();

    // ---- state ------------------------------------------------------------------------------

    /** The one place a state changes; each transition is logged once at debug level. */
    protected final void setState(Enum<?> next) {
        if (!state.equals(next.name())) {
            debug(state + " -> " + next.name());
            state = next.name();
        }
    }

    protected final boolean in(Enum<?> s) {
        return state.equals(s.name());
    }

    private void close() {
        stopTimer();
        outstanding = null;
        inProgress = false;
        if (!state.equals(CLOSED)) {
            debug(state + " -> " + CLOSED);
            state = CLOSED;
        }
    }

    // ---- actions ----------------------------------------------------------------------------

    protected final void send(CodedPacket packet) {
        actions.add(new AuthAction.Send(method.protocol(), packet));
    }

    protected final void startTimer(Duration after) {
        actions.add(new AuthAction.StartTimer(role, after));
        timerRunning = true;
    }

    protected final void stopTimer() {
        if (timerRunning) {
            actions.add(new AuthAction.StopTimer(role));
            timerRunning = false;
        }
    }

    /** This direction succeeded; {@code name} and {@code entry} as in {@link AuthSuccess}. */
    protected final void succeed(String name, Optional<SecretsEntry> entry, Octets message) {
        inProgress = false;
        actions.add(new AuthAction.Succeeded(new AuthSuccess(role, method, name, entry,
                message.isEmpty() ? Optional.empty() : Optional.of(PppdLog.v(message)))));
    }

    protected final void fail(String reason) {
        inProgress = false;
        actions.add(new AuthAction.Failed(new AuthFailure(role, method, reason)));
    }

    /** A new round of authentication begins after a success (CHAP rechallenge). */
    protected final void restartRound() {
        inProgress = true;
    }

    // ---- retransmission ---------------------------------------------------------------------

    /**
     * Sends a packet that must be answered, and retransmits it on every timeout until
     * {@link #retransmit()} says the maximum is reached. The supplier is asked for the packet at
     * each transmission: PAP gives a new Identifier each time, as pppd does; CHAP and EAP repeat
     * the same packet.
     */
    protected final void sendReliably(Supplier<? extends CodedPacket> packet) {
        outstanding = packet;
        transmissions = 0;
        transmitOutstanding();
    }

    /** On a timeout: retransmit and return true, or return false when the maximum was sent. */
    protected final boolean retransmit() {
        if (outstanding == null || transmissions >= maxTransmissions) {
            outstanding = null;
            return false;
        }
        transmitOutstanding();
        return true;
    }

    /** The outstanding packet was answered: no more retransmissions. */
    protected final void answered() {
        outstanding = null;
        stopTimer();
    }

    private void transmitOutstanding() {
        transmissions++;
        send(outstanding.get());
        startTimer(restart);
    }

    // ---- log --------------------------------------------------------------------------------

    protected final void debug(String text) {
        log(LogLine.Level.DEBUG, method.protocolName() + " " + role.name().toLowerCase() + ": " + text);
    }

    protected final void info(String text) {
        log(LogLine.Level.INFO, text);
    }

    protected final void notice(String text) {
        log(LogLine.Level.NOTICE, text);
    }

    protected final void warn(String text) {
        log(LogLine.Level.WARN, text);
    }

    protected final void error(String text) {
        log(LogLine.Level.ERROR, text);
    }

    /** A packet that this machine does not act on: dropped, counted, logged at debug level. */
    protected final void drop(String why) {
        discarded++;
        debug("dropped packet: " + why);
    }

    private void log(LogLine.Level level, String text) {
        log(new LogLine(level, text));
    }

    protected final void log(LogLine line) {
        log.add(line);
    }

    private AuthResult run(Runnable event) {
        actions.clear();
        log.clear();
        event.run();
        return new AuthResult(actions, log);
    }
}
