package org.jppp.supervisor.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.jppp.actors.Mdc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;

/** A peer's MDC reaches the children its actors spawn with {@link Mdc#inherit}, and no further. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MdcTest {
    private final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    void shutdown() {
        kit.shutdownTestKit();
    }

    /** Answers each message with the peer its thread's MDC names at that moment. */
    private static Behavior<ActorRef<String>> reporter() {
        return Behaviors.receiveMessage(replyTo -> {
            replyTo.tell(String.valueOf(MDC.get(Mdc.PEER)));
            return Behaviors.same();
        });
    }

    /** Spawns a child per message (inheriting or not) and lets it answer. */
    private static Behavior<ActorRef<String>> parent(boolean inherit) {
        return Behaviors.receive((ctx, replyTo) -> {
            Behavior<ActorRef<String>> child = inherit ? Mdc.inherit(reporter()) : reporter();
            ctx.spawnAnonymous(child).tell(replyTo);
            return Behaviors.same();
        });
    }

    @Test
    void childSpawnedWithInherit_logsForTheSamePeer() {
        TestProbe<String> probe = kit.createTestProbe();
        kit.spawn(Mdc.with(Map.of(Mdc.PEER, "provider1"), parent(true))).tell(probe.getRef());
        assertEquals("provider1", probe.receiveMessage());
    }

    @Test
    void childSpawnedPlainly_hasNoPeer_andNoMdcAtAllIsANoOp() {
        TestProbe<String> probe = kit.createTestProbe();
        kit.spawn(Mdc.with(Map.of(Mdc.PEER, "provider1"), parent(false))).tell(probe.getRef());
        assertEquals("null", probe.receiveMessage());
        Behavior<ActorRef<String>> plain = reporter();
        assertEquals(plain, Mdc.inherit(plain));
    }
}
