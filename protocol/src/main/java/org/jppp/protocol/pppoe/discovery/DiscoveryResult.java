package org.jppp.protocol.pppoe.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.authn.LogLine;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeTag;

/**
 * The outcome of one event given to a discovery machine: the actions to perform, in order, and
 * the log lines to write, worded as pppd's rp-pppoe plugin (client) or rp-pppoe's pppoe-server
 * (access concentrator) word them.
 */
public record DiscoveryResult(List<DiscoveryAction> actions, List<LogLine> log) {
    public static final DiscoveryResult EMPTY = new DiscoveryResult(List.of(), List.of());

    public DiscoveryResult {
        actions = List.copyOf(actions);
        log = List.copyOf(log);
    }

    /** The Send actions, in order. */
    public List<DiscoveryAction.Send> sends() {
        return only(DiscoveryAction.Send.class);
    }

    /** The packets to transmit, in order. */
    public List<PppoeDiscovery> sent() {
        return sends().stream().map(DiscoveryAction.Send::packet).toList();
    }

    public Optional<ClientSession> established() {
        return first(DiscoveryAction.Established.class).map(DiscoveryAction.Established::session);
    }

    public Optional<ServerSession> opened() {
        return first(DiscoveryAction.SessionOpened.class).map(DiscoveryAction.SessionOpened::session);
    }

    public Optional<DiscoveryAction.Failed> failed() {
        return first(DiscoveryAction.Failed.class);
    }

    public boolean has(DiscoveryAction action) {
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

    public <T extends DiscoveryAction> List<T> only(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends DiscoveryAction> Optional<T> first(Class<T> type) {
        return only(type).stream().findFirst();
    }

    /** Collects the actions and log lines of one event. Not thread-safe; one per event. */
    static final class Builder {
        private final List<DiscoveryAction> actions = new ArrayList<>();
        private final List<LogLine> log = new ArrayList<>();

        Builder act(DiscoveryAction action) {
            actions.add(action);
            return this;
        }

        Builder log(LogLine.Level level, String text) {
            log.add(new LogLine(level, text));
            return this;
        }

        Builder debug(String text) {
            return log(LogLine.Level.DEBUG, text);
        }

        Builder info(String text) {
            return log(LogLine.Level.INFO, text);
        }

        Builder warn(String text) {
            return log(LogLine.Level.WARN, text);
        }

        Builder error(String text) {
            return log(LogLine.Level.ERROR, text);
        }

        /**
         * Logs the error tags of {@code p} as pppd does ({@code PADO: Service-Name-Error: ...},
         * with AC-System-Error called "System-Error"); true if there were any.
         */
        boolean errorTags(String what, PppoeDiscovery p) {
            List<PppoeTag.Text> errors = p.errors();
            for (PppoeTag.Text e : errors) {
                String name = e.type() == PppoeTag.AC_SYSTEM_ERROR ? "System-Error" : PppoeTag.name(e.type());
                error(what + ": " + name + ": " + e.text());
            }
            return !errors.isEmpty();
        }

        DiscoveryResult build() {
            return new DiscoveryResult(actions, log);
        }
    }
}
