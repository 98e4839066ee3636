package org.jppp.protocol.authn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jppp.protocol.wire.PppProtocol;

/**
 * Two authentication endpoints joined back to back: every Send of one is delivered to the other
 * until nothing is in flight. Packets can be dropped by a predicate; timers are tracked from the
 * StartTimer/StopTimer actions so that a test can fire the ones running. Everything each side
 * did is kept, in order.
 */
final class BackToBack {
    /** One end: an AuthPhase, or a single machine, seen as its three inputs. */
    record Endpoint(Supplier<AuthResult> start, BiFunction<PppProtocol, byte[], AuthResult> deliver,
            Function<Role, AuthResult> timeout) {
        static Endpoint of(AuthPhase phase) {
            return new Endpoint(phase::start, phase::receive, phase::timeout);
        }

        static Endpoint of(AuthMachine machine) {
            return new Endpoint(machine::start, (protocol, packet) -> machine.receive(packet), role -> machine.timeout());
        }
    }

    /** Which end. */
    enum Side { A, B }

    private record InFlight(Side to, AuthAction.Send send) { }

    private final Endpoint a;
    private final Endpoint b;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final List<AuthResult> resultsA = new ArrayList<>();
    private final List<AuthResult> resultsB = new ArrayList<>();
    private final Set<Role> timersA = EnumSet.noneOf(Role.class);
    private final Set<Role> timersB = EnumSet.noneOf(Role.class);
    private final List<String> wire = new ArrayList<>();
    private BiPredicate<Side, AuthAction.Send> drop = (to, send) -> false;

    BackToBack(Endpoint a, Endpoint b) {
        this.a = a;
        this.b = b;
    }

    /** Drop the packets this predicate selects (given the receiving side). */
    BackToBack dropping(BiPredicate<Side, AuthAction.Send> predicate) {
        this.drop = predicate;
        return this;
    }

    BackToBack start() {
        record(Side.A, a.start().get());
        record(Side.B, b.start().get());
        pump();
        return this;
    }

    /** Fire the timer of {@code role} at {@code side}, if it is running, and pump. */
    BackToBack fire(Side side, Role role) {
        if (timers(side).remove(role)) {
            record(side, endpoint(side).timeout().apply(role));
            pump();
        }
        return this;
    }

    boolean timerRunning(Side side, Role role) {
        return timers(side).contains(role);
    }

    /** All results of one side, merged in order. */
    AuthResult all(Side side) {
        return (side == Side.A ? resultsA : resultsB).stream().reduce(AuthResult.EMPTY, AuthResult::plus);
    }

    /** pppd-style traces of every packet sent, e.g. {@code A->B [CHAP Challenge ...]}. */
    List<String> wire() {
        return List.copyOf(wire);
    }

    private void pump() {
        while (!inFlight.isEmpty()) {
            InFlight f = inFlight.poll();
            if (drop.test(f.to, f.send)) {
                wire.add("dropped " + f.send.packet());
                continue;
            }
            record(f.to, endpoint(f.to).deliver().apply(f.send.protocol(), f.send.bytes()));
        }
    }

    private void record(Side side, AuthResult result) {
        (side == Side.A ? resultsA : resultsB).add(result);
        Side other = side == Side.A ? Side.B : Side.A;
        for (AuthAction action : result.actions()) {
            if (action instanceof AuthAction.Send send) {
                inFlight.add(new InFlight(other, send));
                wire.add(side + "->" + other + " " + send.packet());
            } else if (action instanceof AuthAction.StartTimer t) {
                timers(side).add(t.role());
            } else if (action instanceof AuthAction.StopTimer t) {
                timers(side).remove(t.role());
            }
        }
    }

    private Endpoint endpoint(Side side) {
        return side == Side.A ? a : b;
    }

    private Set<Role> timers(Side side) {
        return side == Side.A ? timersA : timersB;
    }
}
