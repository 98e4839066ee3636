package org.jppp.io.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jppp.io.posix.Errno;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;
import org.junit.jupiter.api.Test;

/**
 * sd_notify's datagram reaches a socket bound the way systemd binds its notification socket: a
 * filesystem path, or a name in the abstract namespace ({@code @...}).
 */
class SdNotifyTest {
    @Test
    void readyArrivesAtAPathSocket() throws Exception {
        Path dir = Files.createTempDirectory("sdnotify");
        String path = dir.resolve("notify").toString();
        int fd = bound(path);
        try {
            SdNotify.send(path, "READY=1\nSTATUS=ppp0 up: 10.0.0.2 <--> 10.0.0.1");
            assertEquals("READY=1\nSTATUS=ppp0 up: 10.0.0.2 <--> 10.0.0.1", receive(fd));
        } finally {
            Libc.close(fd);
            Files.deleteIfExists(Path.of(path));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void readyArrivesAtAnAbstractSocket() throws Exception {
        String name = "@jppp-sdnotify-" + UUID.randomUUID();
        int fd = bound(name);
        try {
            SdNotify.send(name, "READY=1");
            assertEquals("READY=1", receive(fd));
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void nobodyListeningIsANativeError() {
        NativeException e = assertThrows(NativeException.class,
                () -> SdNotify.send("/nonexistent-dir-jppp/notify", "READY=1"));
        assertEquals(Errno.ENOENT, e.errno());
        assertTrue(e.getMessage().startsWith("sendto(/nonexistent-dir-jppp/notify): ENOENT"), e.getMessage());
    }

    @Test
    void relativeOrOverlongNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SdNotify.send("notify", "READY=1"));
        assertThrows(IllegalArgumentException.class, () -> SdNotify.send("/" + "x".repeat(120), "READY=1"));
    }

    /** A non-blocking datagram socket bound to {@code name}, as systemd's receiving end. */
    private static int bound(String name) {
        int fd = Libc.check(Libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0),
                "socket");
        SdNotify.SocketAddress addr = SdNotify.SocketAddress.of(name);
        Libc.check(Libc.bind(fd, addr.memory(), addr.length()), "bind(" + name + ")");
        return fd;
    }

    /** The next datagram, waiting up to ten seconds. */
    private static String receive(int fd) throws InterruptedException {
        Memory buf = new Memory(4096);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            long n = Libc.read(fd, buf, buf.size());
            if (n >= 0) {
                return new String(buf.getByteArray(0, (int) n), StandardCharsets.UTF_8);
            }
            assertEquals(Errno.EAGAIN, Libc.errno());
            Thread.sleep(10);
        }
        throw new AssertionError("no datagram within 10 s");
    }
}
