package org.jppp.io.posix;

/**
 * A failed system call: the call (with what it was applied to), the errno and its text, e.g.
 * {@code ioctl(TUNSETIFF, ppp0): EBUSY (Device or resource busy)}. These are real failures (a
 * device gone, a name taken) that go to supervision, never bad peer input. Unchecked, so that
 * setup code and stream stages can let it propagate to whoever supervises the link.
 */
public final class NativeException extends RuntimeException {
    private final String call;
    private final int errno;

    public NativeException(String call, int errno) {
        super(call + ": " + Errno.name(errno) + " (" + Libc.strerror(errno) + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The call as named in the message, e.g. {@code ioctl(TUNSETIFF, ppp0)}. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
