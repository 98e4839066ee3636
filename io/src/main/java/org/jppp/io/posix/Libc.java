package org.jppp.io.posix;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * glibc calls bound by JNA direct mapping ({@link Native#register}): about 0.6 µs per call where
 * interface mapping costs 2–3 µs more (PLATFORM-NOTES), which matters on the packet path
 * ({@code read}, {@code write}, {@code epoll_wait}, {@code eventfd_write}). Setup calls that are
 * not variadic live here too; the variadic ones ({@code ioctl}, {@code fcntl}, {@code open}) are
 * in {@link LibcVarargs} because direct mapping cannot express C varargs.
 *
 * <p>Every method returns the raw C result; callers read {@code errno} through
 * {@link Native#getLastError()} (JNA saves it per thread after each call) and turn it into a
 * {@link NativeException}. The mapping assumes LP64 Linux: {@code size_t}, {@code ssize_t} and
 * {@code long} are Java {@code long}.
 */
public final class Libc {
    static {
        Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    public static final int O_RDONLY = 0;
    public static final int O_RDWR = 2;
    public static final int O_NOCTTY = 0x100;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;

    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;

    public static final int EPOLL_CLOEXEC = 0x80000;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;
    public static final int EPOLLIN = 0x001;
    public static final int EPOLLOUT = 0x004;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;
    public static final int EPOLLONESHOT = 1 << 30;

    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;

    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_PACKET = 17;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;

    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int SOL_PACKET = 263;
    public static final int PACKET_IGNORE_OUTGOING = 23;
    public static final int PACKET_ADD_MEMBERSHIP = 1;
    public static final int PACKET_DROP_MEMBERSHIP = 2;
    public static final int PACKET_MR_PROMISC = 1;
    public static final int PACKET_MR_UNICAST = 3;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;

    public static final int CLONE_NEWNET = 0x40000000;
    public static final int SIGTERM = 15;

    private Libc() {}

    // Packet and byte path.
    public static native long read(int fd, Pointer buf, long count);

    public static native long write(int fd, Pointer buf, long count);

    public static native int close(int fd);

    /** Up to {@code vlen} datagrams in one call; {@code msgvec} is an array of {@code struct mmsghdr}. */
    public static native int recvmmsg(int fd, Pointer msgvec, int vlen, int flags, Pointer timeout);

    public static native int epoll_create1(int flags);

    public static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

    public static native int epoll_wait(int epfd, Pointer events, int maxevents, int timeout);

    public static native int eventfd(int initval, int flags);

    public static native int eventfd_write(int fd, long value);

    public static native int eventfd_read(int fd, long[] value);

    // Setup calls without varargs.
    public static native int pipe2(int[] fds, int flags);

    public static native int socket(int domain, int type, int protocol);

    public static native int bind(int fd, Pointer addr, int addrlen);

    /** One datagram to {@code addr} (a {@code struct sockaddr_un} for sd_notify). */
    public static native long sendto(int fd, Pointer buf, long len, int flags, Pointer addr, int addrlen);

    public static native int setsockopt(int fd, int level, int optname, int[] optval, int optlen);

    public static native int getsockopt(int fd, int level, int optname, int[] optval, int[] optlen);

    public static native int setns(int fd, int nstype);

    public static native int kill(int pid, int sig);

    /** A session (and process group) of our own, without a controlling terminal: pppd's detach. */
    public static native int setsid();

    public static native int dup2(int oldfd, int newfd);

    public static native int posix_openpt(int flags);

    public static native int grantpt(int fd);

    public static native int unlockpt(int fd);

    public static native int ptsname_r(int fd, byte[] buf, long buflen);

    public static native int tcgetattr(int fd, Pointer termios);

    public static native int tcsetattr(int fd, int optionalActions, Pointer termios);

    public static native void cfmakeraw(Pointer termios);

    public static native int cfsetispeed(Pointer termios, int speed);

    public static native int cfsetospeed(Pointer termios, int speed);

    public static native int cfgetospeed(Pointer termios);

    public static native String strerror(int errnum);

    /** The calling thread's {@code errno} as saved by JNA after the last native call. */
    public static int errno() {
        return Native.getLastError();
    }

    /** Throws a {@link NativeException} for {@code call} if {@code result} is negative. */
    public static int check(int result, String call) {
        if (result < 0) {
            throw new NativeException(call, errno());
        }
        return result;
    }
}
