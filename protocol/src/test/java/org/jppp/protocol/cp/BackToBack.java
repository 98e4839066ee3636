package org.jppp.protocol.cp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntPredicate;
import org.jppp.protocol.fsm.Fsm;
import org.jppp.protocol.fsm.FsmAction;
import org.jppp.protocol.fsm.FsmConfig;
import org.jppp.protocol.fsm.FsmResult;
import org.jppp.protocol.fsm.OptionHandler;
import org.jppp.protocol.wire.ControlPacket;

/**
 * Two automata joined by an in-memory wire, run synchronously: each side's Send actions are
 * delivered to the other in order, instantly; when nothing is in flight, virtual time jumps to
 * the earliest armed Restart timer, which fires. Packets can be lost by their sequence number.
 */
final class BackToBack {

    /** One end: an automaton, its timer and what it reported. */
    static final class Side {
        final Fsm fsm;
        boolean timerArmed;
        long deadline;
        int timeouts;
        final List<FsmAction> reported = new ArrayList<>();
        Side peer;

        Side(OptionHandler handler) {
            fsm = new Fsm(handler, FsmConfig.DEFAULT);
        }

        int count(FsmAction action) {
            return (int) reported.stream().filter(action::equals).count();
        }
    }

    private record InFlight(Side to, ControlPacket packet) { }

    final Side a;
    final Side b;
    private final Deque<InFlight> wire = new ArrayDeque<>();
    private final IntPredicate lost;
    private int sequence;
    private long now;
    int delivered;

    BackToBack(OptionHandler a, OptionHandler b, IntPredicate lost) {
        this.a = new Side(a);
        this.b = new Side(b);
        this.a.peer = this.b;
        this.b.peer = this.a;
        this.lost = lost;
    }

    /** Up and Open on both sides, then run until quiet. */
    BackToBack openBoth() {
        apply(a, a.fsm.open());
        apply(b, b.fsm.open());
        apply(a, a.fsm.up());
        apply(b, b.fsm.up());
        return run(200);
    }

    /** Delivers packets and fires timers until nothing is in flight and no timer is armed. */
    BackToBack run(int maxSteps) {
        for (int step = 0; step < maxSteps; step++) {
            InFlight next = wire.poll();
            if (next != null) {
                delivered++;
                apply(next.to, next.to.fsm.receive(next.packet));
            } else if (a.timerArmed || b.timerArmed) {
                Side s = !b.timerArmed || (a.timerArmed && a.deadline <= b.deadline) ? a : b;
                now = s.deadline;
                s.timerArmed = false;
                s.timeouts++;
                apply(s, s.fsm.timeout());
            } else {
                return this;
            }
        }
        throw new AssertionError("no quiet after " + maxSteps + " steps: " + a.fsm.state() + "/" + b.fsm.state());
    }

    void apply(Side side, FsmResult result) {
        for (FsmAction action : result.actions()) {
            side.reported.add(action);
            if (action instanceof FsmAction.Send send) {
                if (!lost.test(++sequence)) {
                    wire.add(new InFlight(side.peer, send.packet()));
                }
            } else if (action instanceof FsmAction.StartTimer start) {
                side.timerArmed = true;
                side.deadline = now + start.after().toMillis();
            } else if (action instanceof FsmAction.StopTimer) {
                side.timerArmed = false;
            }
        }
    }
}
