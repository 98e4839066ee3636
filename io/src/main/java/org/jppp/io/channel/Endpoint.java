package org.jppp.io.channel;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/** A link end (pty, serial line, stdio, TUN) whose data goes through one {@link FdChannel}. */
public interface Endpoint extends AutoCloseable {
    FdChannel channel();

    default Source<ByteString, NotUsed> source() {
        return channel().source();
    }

    default Sink<ByteString, CompletionStage<Done>> sink() {
        return channel().sink();
    }

    default Flow<ByteString, ByteString, CompletionStage<Done>> flow() {
        return channel().flow();
    }

    /** Releases the endpoint (by default, closes the channel); idempotent. */
    @Override
    default void close() {
        channel().close();
    }
}
