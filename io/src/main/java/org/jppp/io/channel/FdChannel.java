package org.jppp.io.channel;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.loop.ReadyHandler;
import org.jppp.io.loop.Registration;
import org.jppp.io.posix.Errno;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;

/**
 * A non-blocking fd (or a read fd and a write fd, as for stdin/stdout) served by an
 * {@link EventLoop}, readable and writable as Pekko streams.
 *
 * <p>I/O happens on the caller's thread (the stream stage's); the loop only reports readiness.
 * One {@link #source()} and one {@link #sink()} may run at a time.
 *
 * <p>Closing is safe against I/O in flight on other threads: every read or write holds a use
 * count, {@link #close()} only marks the channel closed and wakes waiting stages, and the last
 * user deregisters from the loop, runs the owner's release action (restore termios, say) and
 * closes the fds. So an fd number is never closed while a call on it is running, and never
 * reused under a stage that still holds it.
 */
public final class FdChannel implements AutoCloseable {
    private static final int CLOSED = Integer.MIN_VALUE;
    private static final Runnable NOBODY = () -> {};

    private final String name;
    private final int readFd;
    private final int writeFd;
    private final Framing framing;
    private final Runnable release;
    private final boolean closeFds;
    private final Registration readRegistration;
    private final Registration writeRegistration;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicLong droppedWrites = new AtomicLong();
    private volatile Runnable readWaiter = NOBODY;
    private volatile Runnable writeWaiter = NOBODY;

    private FdChannel(EventLoop loop, String name, int readFd, int writeFd, Framing framing,
            Runnable release, boolean closeFds) {
        this.name = name;
        this.readFd = readFd;
        this.writeFd = writeFd;
        this.framing = framing;
        this.release = release;
        this.closeFds = closeFds;
        ReadyHandler handler = new ReadyHandler() {
            @Override
            public void readable() {
                readWaiter.run();
            }

            @Override
            public void writable() {
                writeWaiter.run();
            }

            @Override
            public void closed() {
                readWaiter.run();
                writeWaiter.run();
            }
        };
        this.readRegistration = loop.register(readFd, handler);
        if (writeFd == readFd) {
            this.writeRegistration = readRegistration;
        } else {
            try {
                this.writeRegistration = loop.register(writeFd, handler);
            } catch (RuntimeException e) {
                readRegistration.close();
                throw e;
            }
        }
    }

    /**
     * Takes ownership of the non-blocking {@code fd}: it is closed by {@link #close()} after
     * {@code release} ran (use {@code () -> {}} for nothing).
     */
    public static FdChannel open(EventLoop loop, String name, int fd, Framing framing, Runnable release) {
        return new FdChannel(loop, name, fd, fd, framing, release, true);
    }

    /**
     * A channel reading {@code readFd} and writing {@code writeFd} (both non-blocking). With
     * {@code closeFds} false the fds stay open after {@link #close()} (stdin/stdout).
     */
    public static FdChannel open(EventLoop loop, String name, int readFd, int writeFd, Framing framing,
            Runnable release, boolean closeFds) {
        return new FdChannel(loop, name, readFd, writeFd, framing, release, closeFds);
    }

    public String name() {
        return name;
    }

    public Framing framing() {
        return framing;
    }

    /** Packets refused by the kernel and dropped ({@link Framing#PACKETS} only). */
    public long droppedWrites() {
        return droppedWrites.get();
    }

    public boolean isOpen() {
        return users.get() >= 0;
    }

    /** Reads from the fd with back-pressure: it reads only when downstream demands. */
    public Source<ByteString, NotUsed> source() {
        return Source.fromGraph(new FdSource(this));
    }

    /**
     * Writes to the fd, buffering up to {@code 64 KiB} while the fd is not writable. The
     * materialized stage completes when everything was written, or fails with the error.
     */
    public Sink<ByteString, CompletionStage<Done>> sink() {
        return Sink.fromGraph(new FdSink(this, IoBuffers.SIZE));
    }

    /**
     * The sink and source side by side (not coupled: the source ends on end-of-file, the sink
     * when its upstream completes); materializes the sink's completion.
     */
    public Flow<ByteString, ByteString, CompletionStage<Done>> flow() {
        return Flow.fromSinkAndSourceMat(sink(), source(), (written, unused) -> written);
    }

    /** Marks the channel closed; the fds are released once no read or write is running. Idempotent. */
    @Override
    public void close() {
        for (;;) {
            int state = users.get();
            if (state < 0) {
                return;
            }
            if (users.compareAndSet(state, state | CLOSED)) {
                readWaiter.run();
                writeWaiter.run();
                if (state == 0) {
                    releaseFds();
                }
                return;
            }
        }
    }

    // ---- used by FdSource and FdSink ----

    void attachReader(Runnable waiter) {
        attach(true, waiter);
    }

    void attachWriter(Runnable waiter) {
        attach(false, waiter);
    }

    synchronized void detachReader(Runnable waiter) {
        if (readWaiter == waiter) {
            readWaiter = NOBODY;
        }
    }

    synchronized void detachWriter(Runnable waiter) {
        if (writeWaiter == waiter) {
            writeWaiter = NOBODY;
        }
    }

    /** False if the event loop is gone, so no readiness will ever come. */
    boolean armRead() {
        readRegistration.armRead();
        return readRegistration.isOpen();
    }

    boolean armWrite() {
        writeRegistration.armWrite();
        return writeRegistration.isOpen();
    }

    /**
     * One non-blocking read: the data, {@code null} if nothing is available now, or an empty
     * {@code ByteString} at end of stream (end-of-file, hang-up, or this channel closed).
     */
    ByteString read() {
        if (!enter()) {
            return ByteString.emptyByteString();
        }
        try {
            IoBuffers buffers = IoBuffers.get();
            for (;;) {
                long n = Libc.read(readFd, buffers.memory, IoBuffers.SIZE);
                if (n > 0) {
                    return ByteString.fromArrayUnsafe(buffers.memory.getByteArray(0, (int) n));
                }
                if (n == 0) {
                    return ByteString.emptyByteString();
                }
                int errno = Libc.errno();
                switch (errno) {
                    case Errno.EINTR:
                        continue;
                    case Errno.EAGAIN:
                        return null;
                    case Errno.EIO:
                        if (framing == Framing.BYTES) {
                            return ByteString.emptyByteString();
                        }
                        throw new NativeException("read(" + name + ")", errno);
                    default:
                        throw new NativeException("read(" + name + ")", errno);
                }
            }
        } finally {
            exit();
        }
    }

    /**
     * Writes from the head of {@code queue} until it is empty or the fd would block, removing
     * what was written. Returns the number of bytes taken off the queue (written or dropped), or
     * -1 if the channel is closed.
     */
    long flush(ArrayDeque<ByteString> queue) {
        if (!enter()) {
            return -1;
        }
        try {
            long taken = 0;
            while (!queue.isEmpty()) {
                long n = framing == Framing.BYTES ? writeBytes(queue) : writePacket(queue);
                if (n == 0) {
                    break;
                }
                taken += n;
            }
            return taken;
        } finally {
            exit();
        }
    }

    private long writeBytes(ArrayDeque<ByteString> queue) {
        IoBuffers buffers = IoBuffers.get();
        ByteBuffer view = buffers.clearedView();
        for (ByteString chunk : queue) {
            chunk.copyToBuffer(view);
            if (!view.hasRemaining()) {
                break;
            }
        }
        long written = writeOnce(buffers, view.position());
        if (written <= 0) {
            return 0;
        }
        long left = written;
        while (left > 0) {
            ByteString head = queue.pollFirst();
            if (head.size() > left) {
                queue.addFirst(head.drop((int) left));
                left = 0;
            } else {
                left -= head.size();
            }
        }
        return written;
    }

    private long writePacket(ArrayDeque<ByteString> queue) {
        ByteString packet = queue.peekFirst();
        if (packet.size() > IoBuffers.SIZE) {
            queue.pollFirst();
            droppedWrites.incrementAndGet();
            return packet.size();
        }
        IoBuffers buffers = IoBuffers.get();
        ByteBuffer view = buffers.clearedView();
        packet.copyToBuffer(view);
        if (writeOnce(buffers, packet.size()) == 0) {
            return 0;
        }
        queue.pollFirst();
        return packet.size();
    }

    /** Bytes written, 0 if the fd would block, or (packets only) -1 if the kernel refused the packet. */
    private long writeOnce(IoBuffers buffers, int length) {
        for (;;) {
            long n = Libc.write(writeFd, buffers.memory, length);
            if (n >= 0) {
                return n;
            }
            int errno = Libc.errno();
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno == Errno.EAGAIN) {
                return 0;
            }
            if (framing == Framing.PACKETS && isRefusedPacket(errno)) {
                droppedWrites.incrementAndGet();
                return -1;
            }
            throw new NativeException("write(" + name + ")", errno);
        }
    }

    private static boolean isRefusedPacket(int errno) {
        return errno == Errno.EINVAL || errno == Errno.EIO || errno == Errno.EMSGSIZE
                || errno == Errno.ENOBUFS;
    }

    private void attach(boolean reader, Runnable waiter) {
        synchronized (this) {
            Runnable current = reader ? readWaiter : writeWaiter;
            if (current != NOBODY) {
                throw new IllegalStateException(name + " already has a " + (reader ? "source" : "sink") + " running");
            }
            if (reader) {
                readWaiter = waiter;
            } else {
                writeWaiter = waiter;
            }
        }
    }

    private boolean enter() {
        for (;;) {
            int state = users.get();
            if (state < 0) {
                return false;
            }
            if (users.compareAndSet(state, state + 1)) {
                return true;
            }
        }
    }

    private void exit() {
        if (users.decrementAndGet() == CLOSED) {
            releaseFds();
        }
    }

    private void releaseFds() {
        readRegistration.close();
        writeRegistration.close();
        try {
            release.run();
        } finally {
            if (closeFds) {
                Libc.close(readFd);
                if (writeFd != readFd) {
                    Libc.close(writeFd);
                }
            }
        }
    }
}
