package org.jppp.io.tty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.IoTestSupport;
import org.junit.jupiter.api.Test;

class PtyLinkTest extends IoTestSupport {
    @Test
    void cat_echoesEveryByteValueUnchanged() throws Exception {
        byte[] data = allByteValues();
        try (PtyLink link = PtyLink.start(loop, "cat", Redirect.DISCARD)) {
            CompletionStage<ByteString> echoed = firstBytes(link.source(), data.length);
            await(Source.single(ByteString.fromArray(data)).runWith(link.sink(), system));
            assertArrayEquals(data, await(echoed).toArray());
        }
    }

    @Test
    void cat_slowConsumer_losesNothing() throws Exception {
        byte[] data = new byte[256 * 1024];
        new Random(11).nextBytes(data);
        List<ByteString> chunks = new ArrayList<>();
        for (int offset = 0; offset < data.length; offset += 700) {
            chunks.add(ByteString.fromArray(data, offset, Math.min(700, data.length - offset)));
        }
        try (PtyLink link = PtyLink.start(loop, "cat", Redirect.DISCARD)) {
            CompletionStage<ByteString> echoed = firstBytes(link.source().throttle(20, Duration.ofMillis(10)), data.length);
            await(Source.from(chunks).runWith(link.sink(), system));
            assertArrayEquals(data, await(echoed).toArray());
        }
    }

    @Test
    void printf_endsTheStreamWhenItExits() throws Exception {
        try (PtyLink link = PtyLink.start(loop, "printf 'hello\\001\\377'", Redirect.DISCARD)) {
            ByteString all = await(link.source().runFold(ByteString.emptyByteString(), ByteString::concat, system));
            assertArrayEquals(new byte[] {'h', 'e', 'l', 'l', 'o', 1, (byte) 0xff}, all.toArray());
            assertEquals(0, await(link.onExit()));
            assertLoopStillServes();
        }
    }

    @Test
    void exitStatus_isReported_andStreamEnds() throws Exception {
        try (PtyLink link = PtyLink.start(loop, "exit 3", Redirect.DISCARD)) {
            assertEquals(List.of(), await(link.source().runWith(Sink.seq(), system)));
            assertEquals(3, await(link.onExit()));
        }
    }

    @Test
    void commandRunsInItsOwnSession_withThePtyAsStdinAndStdout() throws Exception {
        String command = "ps -o sid= -o pgid= -o pid= -p $$; readlink /proc/$$/fd/0 /proc/$$/fd/1";
        try (PtyLink link = PtyLink.start(loop, command, Redirect.DISCARD)) {
            String out = await(link.source().runFold(ByteString.emptyByteString(), ByteString::concat, system))
                    .decodeString(StandardCharsets.US_ASCII);
            String[] lines = out.trim().split("\n");
            String[] ids = lines[0].trim().split("\\s+");
            assertEquals(ids[2], ids[0], "session id = pid: setsid");
            assertEquals(ids[2], ids[1], "process group id = pid");
            assertEquals(link.slavePath(), lines[1].trim());
            assertEquals(link.slavePath(), lines[2].trim());
        }
    }

    @Test
    void close_terminatesARunningCommand_andEndsTheSource() throws Exception {
        PtyLink link = PtyLink.start(loop, "sleep 30", Redirect.DISCARD);
        CompletionStage<List<ByteString>> source = link.source().runWith(Sink.seq(), system);
        Thread.sleep(100);
        link.close();
        assertEquals(List.of(), await(source));
        assertTrue(link.process().waitFor(20, TimeUnit.SECONDS));
        assertFalse(link.process().isAlive());
        assertLoopStillServes();
    }

    private void assertLoopStillServes() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
    }
}
