package org.jppp.io.tty;

import com.sun.jna.NativeLong;
import org.jppp.io.channel.Endpoint;
import org.jppp.io.channel.FdChannel;
import org.jppp.io.channel.Framing;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.LibcVarargs;

/**
 * A serial device (pppd's {@code /dev/ttyS0 115200 local crtscts}) opened non-blocking, in raw
 * 8-bit mode with the requested speed and line options. The original termios is saved and
 * restored (and exclusive mode dropped) when the link closes, as pppd restores the tty it found.
 */
public final class TtyLink implements Endpoint {
    private static final long TIOCEXCL = 0x540C;
    private static final long TIOCNXCL = 0x540D;

    /** pppd's {@code crtscts}, {@code nocrtscts}, or neither (leave the line as it is). */
    public enum FlowControl { CRTSCTS, NOCRTSCTS, UNCHANGED }

    /**
     * Line options.
     *
     * @param speed baud rate, or 0 to keep the current speed (pppd's default)
     * @param local pppd's {@code local}: ignore modem control lines (CLOCAL); {@code false} is
     *     pppd's {@code modem}
     * @param flowControl hardware flow control
     * @param exclusive open with {@code TIOCEXCL} so other opens fail with {@code EBUSY}
     *     (root is exempt in the kernel)
     */
    public record Options(int speed, boolean local, FlowControl flowControl, boolean exclusive) {}

    private final FdChannel channel;
    private final String path;

    private TtyLink(FdChannel channel, String path) {
        this.channel = channel;
        this.path = path;
    }

    /**
     * Opens and configures {@code path}.
     *
     * @throws IllegalArgumentException for an unsupported speed
     * @throws org.jppp.io.posix.NativeException if the device cannot be opened or configured
     */
    public static TtyLink open(EventLoop loop, String path, Options options) {
        int fd = LibcVarargs.openChecked(path, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        try {
            if (options.exclusive()) {
                LibcVarargs.ioctlChecked(fd, TIOCEXCL, "ioctl(TIOCEXCL, " + path + ")");
            }
            Termios original = Termios.get(fd, path);
            Termios raw = original.copy();
            raw.makeRaw();
            if (options.speed() != 0) {
                raw.setSpeed(options.speed());
            }
            raw.changeCflag(Termios.CLOCAL, options.local());
            // HUPCL: drop DTR when the line is finally closed, so a modem hangs up (pppd does so).
            raw.changeCflag(Termios.HUPCL, true);
            if (options.flowControl() != FlowControl.UNCHANGED) {
                raw.changeCflag(Termios.CRTSCTS, options.flowControl() == FlowControl.CRTSCTS);
            }
            raw.apply(fd, Termios.TCSAFLUSH, path);
            Runnable restore = () -> restore(fd, path, original, options.exclusive());
            return new TtyLink(FdChannel.open(loop, "tty " + path, fd, Framing.BYTES, restore), path);
        } catch (RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    public String path() {
        return path;
    }

    @Override
    public FdChannel channel() {
        return channel;
    }


    private static void restore(int fd, String path, Termios original, boolean exclusive) {
        // TCSANOW: a hung-up or flow-controlled line must not keep close() waiting for a drain.
        Libc.tcsetattr(fd, Termios.TCSANOW, original.memory);
        if (exclusive) {
            LibcVarargs.INSTANCE.ioctl(fd, new NativeLong(TIOCNXCL));
        }
    }
}
