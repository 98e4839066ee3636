package org.jppp.io.tty;

import java.nio.charset.StandardCharsets;
import org.jppp.io.channel.FdChannel;
import org.jppp.io.channel.Framing;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.LibcVarargs;
import org.jppp.io.posix.NativeException;

/**
 * A freshly opened pseudo-terminal master ({@code posix_openpt}, {@code grantpt},
 * {@code unlockpt}) and the path of its slave. The master is non-blocking and close-on-exec, and
 * opened with {@code O_NOCTTY} so it never becomes this process's controlling terminal.
 */
public final class PtyMaster {
    private final int fd;
    private final String slavePath;

    private PtyMaster(int fd, String slavePath) {
        this.fd = fd;
        this.slavePath = slavePath;
    }

    public static PtyMaster open() {
        int fd = Libc.check(Libc.posix_openpt(Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_NONBLOCK | Libc.O_CLOEXEC),
                "posix_openpt");
        try {
            Libc.check(Libc.grantpt(fd), "grantpt");
            Libc.check(Libc.unlockpt(fd), "unlockpt");
            byte[] name = new byte[128];
            int rc = Libc.ptsname_r(fd, name, name.length);
            if (rc != 0) {
                throw new NativeException("ptsname_r", rc);
            }
            int length = 0;
            while (name[length] != 0) {
                length++;
            }
            return new PtyMaster(fd, new String(name, 0, length, StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    public int fd() {
        return fd;
    }

    /** The slave device, e.g. {@code /dev/pts/3}. */
    public String slavePath() {
        return slavePath;
    }

    /** Opens the slave ({@code O_NOCTTY}, blocking mode is irrelevant: only termios is used on it). */
    int openSlave() {
        return LibcVarargs.openChecked(slavePath, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC | Libc.O_NONBLOCK);
    }

    /** Hands the master fd over to a byte channel, which closes it. */
    public FdChannel channel(EventLoop loop, Runnable release) {
        return FdChannel.open(loop, "pty master " + slavePath, fd, Framing.BYTES, release);
    }
}
