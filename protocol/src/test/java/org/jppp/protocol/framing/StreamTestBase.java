package org.jppp.protocol.framing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** One classic ActorSystem per test class to materialize streams (test code only). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StreamTestBase {
    protected final ActorSystem system = ActorSystem.create(getClass().getSimpleName());

    protected <T> List<T> run(Source<T, ?> source) throws Exception {
        return source.runWith(Sink.seq(), system).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @AfterAll
    void terminate() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
