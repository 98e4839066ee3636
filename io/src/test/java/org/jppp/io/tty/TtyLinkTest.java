package org.jppp.io.tty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.IoTestSupport;
import org.jppp.io.channel.FdChannel;
import org.jppp.io.posix.NativeException;
import org.jppp.io.tty.TtyLink.FlowControl;
import org.jppp.io.tty.TtyLink.Options;
import org.junit.jupiter.api.Test;

class TtyLinkTest extends IoTestSupport {
    @Test
    void ptySlave_configuredRaw_withSpeedAndLineOptions() throws Exception {
        PtyMaster master = PtyMaster.open();
        try (FdChannel unusedMaster = master.channel(loop, () -> {});
                TtyLink tty = TtyLink.open(loop, master.slavePath(), new Options(115200, true, FlowControl.CRTSCTS, true))) {
            List<String> settings = stty(master.slavePath());
            assertTrue(settings.contains("speed 115200 baud;"), settings.toString());
            assertTrue(settings.containsAll(List.of("clocal", "crtscts", "hupcl", "cread", "cs8",
                    "-echo", "-icanon", "-isig", "-icrnl", "-ixon", "-ixoff", "-opost", "min = 1;", "time = 0;")),
                    settings.toString());
        }
    }

    @Test
    void close_restoresOriginalTermios() throws Exception {
        PtyMaster master = PtyMaster.open();
        try (FdChannel unusedMaster = master.channel(loop, () -> {})) {
            List<String> before = stty(master.slavePath());
            TtyLink tty = TtyLink.open(loop, master.slavePath(), new Options(57600, false, FlowControl.NOCRTSCTS, false));
            List<String> during = stty(master.slavePath());
            assertTrue(during.containsAll(List.of("speed 57600 baud;", "-clocal", "-crtscts", "-echo")), during.toString());
            tty.close();
            assertEquals(before, stty(master.slavePath()));
            assertTrue(before.containsAll(List.of("echo", "icrnl")), before.toString());
        }
    }

    @Test
    void roundTrip_bothDirections_allByteValues() throws Exception {
        byte[] data = allByteValues();
        PtyMaster master = PtyMaster.open();
        try (FdChannel masterChannel = master.channel(loop, () -> {});
                TtyLink tty = TtyLink.open(loop, master.slavePath(), new Options(9600, true, FlowControl.UNCHANGED, false))) {
            assertArrayEquals(data, transfer(data, tty.sink(), masterChannel.source()));
            assertArrayEquals(data, transfer(data, masterChannel.sink(), tty.source()));
        }
    }

    @Test
    void unsupportedSpeed_isRejected() {
        PtyMaster master = PtyMaster.open();
        try (FdChannel unusedMaster = master.channel(loop, () -> {})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TtyLink.open(loop, master.slavePath(), new Options(12345, true, FlowControl.UNCHANGED, false)));
            assertTrue(e.getMessage().startsWith("unsupported speed 12345 (supported: [50, 75, 110,"), e.getMessage());
        }
    }

    @Test
    void missingDevice_namesPathAndErrno() {
        NativeException e = assertThrows(NativeException.class,
                () -> TtyLink.open(loop, "/dev/jppp-no-such-tty", new Options(0, true, FlowControl.UNCHANGED, false)));
        assertEquals("open(/dev/jppp-no-such-tty): ENOENT (No such file or directory)", e.getMessage());
    }

    private byte[] transfer(byte[] data, Sink<ByteString, CompletionStage<Done>> sink,
            Source<ByteString, ?> source) throws Exception {
        CompletionStage<ByteString> received = firstBytes(source, data.length);
        await(Source.single(ByteString.fromArray(data)).runWith(sink, system));
        return await(received).toArray();
    }

    /** {@code stty -a -F path}, split into words (settings and "speed N baud;" kept together). */
    private static List<String> stty(String path) throws Exception {
        String out = runOk("stty", "-a", "-F", path).replace("speed ", "speed_").replace(" baud;", "_baud;")
                .replace("min = ", "min_=_").replace("time = ", "time_=_");
        return Arrays.stream(out.split("\\s+")).map(w -> w.replace('_', ' ')).toList();
    }

}
