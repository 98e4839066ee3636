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

    private enum Timeout { INSTANCE }

    private StatusCollector() {
    }

    static Behavior<Object> create(List<Slot> slots, Duration wait, ActorRef<Manager.Reply> replyTo) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            List<Optional<PeerStatus>> answers = new ArrayList<>();
            int asked = 0;
            // Answers are matched to slots by name: a peer is listed once.
            ActorRef<PeerStatus> self = ctx.getSelf().narrow();
            for (Slot slot : slots) {
                answers.add(slot.known());
                if (slot.run().isPresent()) {
                    slot.run().get().tell(new PeerRun.Status(self));
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
                    .onMessage(PeerStatus.class, a -> {
                        for (int i = 0; i < slots.size(); i++) {
                            if (slots.get(i).name().equals(a.name()) && answers.get(i).isEmpty()) {
                                answers.set(i, Optional.of(a));
                                missing[0]--;
                            }
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
