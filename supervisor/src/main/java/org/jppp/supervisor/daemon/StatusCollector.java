package org.jppp.supervisor.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Gathers one status request's answers: the running peers are asked, the stopped ones are known
 * already; the reply keeps the manager's order. A peer that does not answer within the wait is
 * shown as {@code UNKNOWN} rather than holding up the others.
 */
final class StatusCollector {
    /** One peer's place in the reply: asked, or known. */
    record Slot(String name, Optional<ActorRef<PeerRun.Command>> run, Optional<PeerStatus> known) {
        static Slot asking(String name, ActorRef<PeerRun.Command> run) {
            return new Slot(name, Optional.of(run), Optional.empty());
        }

        static Slot known(PeerStatus status) {
            return new Slot(status.name(), Optional.empty(), Optional.of(status));
        }
    }

    private record Answer(int slot, PeerStatus status) { }

    private enum Timeout { INSTANCE }

    private StatusCollector() {
    }

    static Behavior<Object> create(List<Slot> slots, Duration wait, ActorRef<Manager.Reply> replyTo) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            List<Optional<PeerStatus>> answers = new ArrayList<>();
            int asked = 0;
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                answers.add(slot.known());
                if (slot.run().isPresent()) {
                    int n = i;
                    ActorRef<PeerStatus> adapter = ctx.messageAdapter(PeerStatus.class, s -> new Answer(n, s));
                    slot.run().get().tell(new PeerRun.Status(adapter));
                    asked++;
                }
            }
            if (asked == 0) {
                replyTo.tell(reply(answers, slots));
                return Behaviors.stopped();
            }
            timers.startSingleTimer(Timeout.INSTANCE, wait);
            int[] missing = {asked};
            return Behaviors.receive(Object.class)
                    .onMessage(Answer.class, a -> {
                        if (answers.get(a.slot()).isEmpty()) {
                            answers.set(a.slot(), Optional.of(a.status()));
                            missing[0]--;
                        }
                        if (missing[0] == 0) {
                            replyTo.tell(reply(answers, slots));
                            return Behaviors.stopped();
                        }
                        return Behaviors.same();
                    })
                    .onMessageEquals(Timeout.INSTANCE, () -> {
                        replyTo.tell(reply(answers, slots));
                        return Behaviors.stopped();
                    })
                    .build();
        }));
    }

    private static Manager.Statuses reply(List<Optional<PeerStatus>> answers, List<Slot> slots) {
        List<PeerStatus> peers = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            peers.add(answers.get(i).orElse(unknown(slots.get(i))));
        }
        return new Manager.Statuses(peers);
    }

    private static PeerStatus unknown(Slot slot) {
        return PeerStatus.stopped(slot.name(), Optional.empty(), false).withState("UNKNOWN");
    }
}
