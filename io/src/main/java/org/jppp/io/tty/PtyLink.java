package org.jppp.io.tty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jppp.io.channel.Endpoint;
import org.jppp.io.channel.FdChannel;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.Libc;

/**
 * pppd's {@code pty "COMMAND"}: the command runs with its stdin and stdout on the slave of a new
 * pseudo-terminal, and the master is this link's byte stream.
 *
 * <p>The slave is put in raw mode (see {@link Termios#makeRaw()}) before the command starts, so
 * the link is 8-bit clean from the first byte. The command is started as
 * {@code setsid -w /bin/sh -c 'exec /bin/sh -c "$1" <>"$0" >&0' SLAVE COMMAND}: {@code setsid}
 * gives it its own session and process group (a JVM child is never a group leader, so
 * {@code setsid} does not fork and the {@link Process} is the command's shell itself), and the
 * shell, not the JVM, opens the slave. Opening it in the new session makes the pty the command's
 * controlling terminal, while the JVM never opens a tty without {@code O_NOCTTY} (a JVM that is
 * itself a session leader, as under systemd, would otherwise acquire it and receive its SIGHUP).
 *
 * <p>This process keeps its own slave fd open until the command exits: a pty master reports
 * hang-up ({@code EIO}) while no slave is open, which would end the stream before the command
 * got to open its end. After the command exited (and any process it left holding the slave closed
 * it) reading the master gives {@code EIO}, which the channel reports as end of stream.
 *
 * <p>{@link #close()} closes the master and sends SIGTERM to the command's process group, as pppd
 * does to its device script. Waiting for the exit uses the JDK's process reaper, one thread per
 * live child, outside the event loop.
 */
public final class PtyLink implements Endpoint {
    private static final String WRAPPER = "exec /bin/sh -c \"$1\" <>\"$0\" >&0";

    private final FdChannel channel;
    private final String slavePath;
    private final int slaveFd;
    private final Process process;
    private final AtomicBoolean slaveClosed = new AtomicBoolean();

    private PtyLink(FdChannel channel, String slavePath, int slaveFd, Process process) {
        this.channel = channel;
        this.slavePath = slavePath;
        this.slaveFd = slaveFd;
        this.process = process;
        process.onExit().thenRun(this::closeSlave);
    }

    /** Starts {@code command} with its standard error inherited from this process. */
    public static PtyLink start(EventLoop loop, String command) {
        return start(loop, command, Redirect.INHERIT);
    }

    /** Starts {@code command} on a new raw pty; {@code stderr} says where its standard error goes. */
    public static PtyLink start(EventLoop loop, String command, Redirect stderr) {
        PtyMaster master = PtyMaster.open();
        int slaveFd = -1;
        Process process = null;
        try {
            slaveFd = master.openSlave();
            Termios termios = Termios.get(slaveFd, master.slavePath());
            termios.makeRaw();
            termios.apply(slaveFd, Termios.TCSANOW, master.slavePath());
            process = new ProcessBuilder("setsid", "-w", "/bin/sh", "-c", WRAPPER, master.slavePath(), command)
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(stderr)
                    .start();
            FdChannel channel = master.channel(loop, () -> {});
            return new PtyLink(channel, master.slavePath(), slaveFd, process);
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroy();
            }
            if (slaveFd >= 0) {
                Libc.close(slaveFd);
            }
            Libc.close(master.fd());
            if (e instanceof IOException io) {
                throw new UncheckedIOException("pty \"" + command + "\": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public FdChannel channel() {
        return channel;
    }

    public String slavePath() {
        return slavePath;
    }

    public Process process() {
        return process;
    }

    /** Completes with the command's exit status. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    @Override
    public void close() {
        channel.close();
        if (process.isAlive()) {
            // setsid made the shell a process-group leader: signal everything it started.
            Libc.kill(-(int) process.pid(), Libc.SIGTERM);
            process.destroy();
        }
        closeSlave();
    }

    private void closeSlave() {
        if (slaveClosed.compareAndSet(false, true)) {
            Libc.close(slaveFd);
        }
    }
}
