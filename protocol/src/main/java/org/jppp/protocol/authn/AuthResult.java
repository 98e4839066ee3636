package org.jppp.protocol.authn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.CodedPacket;

/**
 * The outcome of one event given to an authentication machine: the actions to perform, in order,
 * and the log lines to write (already worded as pppd does).
 */
public record AuthResult(List<AuthAction> actions, List<LogLine> log) {
    public static final AuthResult EMPTY = new AuthResult(List.of(), List.of());

    public AuthResult {
        actions = List.copyOf(actions);
        log = List.copyOf(log);
    }

    /** This result followed by {@code next}. */
    public AuthResult plus(AuthResult next) {
        List<AuthAction> a = new ArrayList<>(actions);
        a.addAll(next.actions);
        List<LogLine> l = new ArrayList<>(log);
        l.addAll(next.log);
        return new AuthResult(a, l);
    }

    /** The Send actions, in order. */
    public List<AuthAction.Send> sends() {
        return only(AuthAction.Send.class);
    }

    /** The packets to transmit, in order. */
    public List<CodedPacket> sent() {
        return sends().stream().map(AuthAction.Send::packet).toList();
    }

    public Optional<AuthSuccess> succeeded() {
        return only(AuthAction.Succeeded.class).stream().map(AuthAction.Succeeded::success).findFirst();
    }

    public Optional<AuthFailure> failed() {
        return only(AuthAction.Failed.class).stream().map(AuthAction.Failed::failure).findFirst();
    }

    public Optional<AuthAction.PhaseSucceeded> phaseSucceeded() {
        return only(AuthAction.PhaseSucceeded.class).stream().findFirst();
    }

    public Optional<AuthAction.PhaseFailed> phaseFailed() {
        return only(AuthAction.PhaseFailed.class).stream().findFirst();
    }

    public boolean has(AuthAction action) {
        return actions.contains(action);
    }

    /** The log lines' texts at {@code level} and above, in order. */
    public List<String> logAtLeast(LogLine.Level level) {
        return log.stream().filter(l -> l.level().compareTo(level) >= 0).map(LogLine::text).toList();
    }

    /** The texts of the lines pppd shows without {@code debug}: info and above. */
    public List<String> messages() {
        return logAtLeast(LogLine.Level.INFO);
    }

    private <T extends AuthAction> List<T> only(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
