package org.jppp.io.tty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.IoTestSupport;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.LibcVarargs;
import org.junit.jupiter.api.Test;

/** {@code notty} over two blocking pipes standing in for fds 0 and 1. */
class StdioLinkTest extends IoTestSupport {
    @Test
    void readsAndWrites_thenRestoresBlockingModeAndLeavesFdsOpen() throws Exception {
        int[] in = blockingPipe();
        int[] out = blockingPipe();
        try {
            StdioLink link = StdioLink.open(loop, in[0], out[1]);
            assertTrue(nonBlocking(in[0]) && nonBlocking(out[1]));
            CompletionStage<ByteString> first = link.source().runWith(Sink.head(), system);
            Memory hello = new Memory(2);
            hello.write(0, new byte[] {'h', 'i'}, 0, 2);
            Libc.write(in[1], hello, 2);
            assertEquals(ByteString.fromString("hi"), await(first));
            await(Source.single(ByteString.fromString("ok")).runWith(link.sink(), system));
            Memory got = new Memory(2);
            assertEquals(2, Libc.read(out[0], got, 2));
            assertArrayEquals(new byte[] {'o', 'k'}, got.getByteArray(0, 2));
            link.close();
            assertTrue(!nonBlocking(in[0]) && !nonBlocking(out[1]), "original (blocking) flags restored");
        } finally {
            for (int fd : new int[] {in[0], in[1], out[0], out[1]}) {
                assertEquals(0, Libc.close(fd), "fd " + fd + " was still open");
            }
        }
    }

    private static int[] blockingPipe() {
        int[] fds = new int[2];
        Libc.check(Libc.pipe2(fds, Libc.O_CLOEXEC), "pipe2");
        return fds;
    }

    private static boolean nonBlocking(int fd) {
        return (LibcVarargs.INSTANCE.fcntl(fd, Libc.F_GETFL) & Libc.O_NONBLOCK) != 0;
    }
}
