package org.jppp.io.tty;

import org.jppp.io.channel.Endpoint;
import org.jppp.io.channel.FdChannel;
import org.jppp.io.channel.Framing;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.LibcVarargs;

/**
 * pppd's {@code notty}: the link is this process's standard input and output (or any read fd and
 * write fd the caller owns). Both are switched to non-blocking for the event loop; since the flag
 * belongs to the open file, which a parent shell may share, the original flags are restored on
 * close. The fds themselves are not closed.
 */
public final class StdioLink implements Endpoint {
    private final FdChannel channel;

    private StdioLink(FdChannel channel) {
        this.channel = channel;
    }

    /** Standard input (fd 0) and standard output (fd 1). */
    public static StdioLink open(EventLoop loop) {
        return open(loop, 0, 1);
    }

    public static StdioLink open(EventLoop loop, int readFd, int writeFd) {
        int readFlags = LibcVarargs.setNonBlocking(readFd, true);
        int writeFlags;
        try {
            writeFlags = LibcVarargs.setNonBlocking(writeFd, true);
        } catch (RuntimeException e) {
            LibcVarargs.setFlags(readFd, readFlags);
            throw e;
        }
        Runnable restore = () -> {
            LibcVarargs.INSTANCE.fcntl(readFd, Libc.F_SETFL, readFlags);
            LibcVarargs.INSTANCE.fcntl(writeFd, Libc.F_SETFL, writeFlags);
        };
        String name = "stdio fd " + readFd + "/" + writeFd;
        return new StdioLink(FdChannel.open(loop, name, readFd, writeFd, Framing.BYTES, restore, false));
    }

    @Override
    public FdChannel channel() {
        return channel;
    }
}
