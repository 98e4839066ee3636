package org.jppp.supervisor.peer;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.session.PeerSession;

/**
 * A {@link SessionFactory} whose sessions do what the test tells them: report events, finish with
 * a status, or throw. Like {@link PeerSession}, a session told to {@link PeerSession.Close} finishes
 * with exit status 5 and the close reason.
 */
final class FakeSessions implements SessionFactory {

    /** Orders the test gives a fake session. */
    sealed interface Order { }

    record Emit(PeerSession.Event event) implements Order { }

    /** Report Finished and stop. */
    record End(int exitStatus, String reason) implements Order { }

    record Crash(String message) implements Order { }

    /** A session was spawned for {@code attempt}; {@code ref} takes {@link Order}s. */
    record Spawned(int attempt, ActorRef<Object> ref) { }

    record Closed(int attempt, String reason) { }

    final TestProbe<Spawned> spawned;
    final TestProbe<Closed> closed;

    FakeSessions(ActorTestKit kit) {
        spawned = kit.createTestProbe();
        closed = kit.createTestProbe();
    }

    @Override
    public Behavior<PeerSession.Command> create(int attempt, ActorRef<PeerSession.Event> parent) {
        return Behaviors.<Object>setup(ctx -> {
            spawned.getRef().tell(new Spawned(attempt, ctx.getSelf()));
            return Behaviors.receive(Object.class)
                    .onMessage(Emit.class, m -> {
                        parent.tell(m.event());
                        return Behaviors.same();
                    })
                    .onMessage(End.class, m -> finish(parent, m.exitStatus(), m.reason()))
                    .onMessage(Crash.class, m -> {
                        throw new IllegalStateException(m.message());
                    })
                    .onMessage(PeerSession.Close.class, m -> {
                        closed.getRef().tell(new Closed(attempt, m.reason()));
                        return finish(parent, ExitStatus.EXIT_USER_REQUEST, m.reason());
                    })
                    .build();
        }).narrow();
    }

    private static Behavior<Object> finish(ActorRef<PeerSession.Event> parent, int exitStatus, String reason) {
        parent.tell(new PeerSession.Finished(exitStatus, reason));
        return Behaviors.stopped();
    }
}
