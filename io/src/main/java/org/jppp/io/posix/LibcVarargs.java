package org.jppp.io.posix;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * The variadic glibc calls, bound by JNA interface mapping because direct mapping cannot pass C
 * varargs. They are used at setup only (creating and configuring a device), never per packet.
 */
public interface LibcVarargs extends Library {
    LibcVarargs INSTANCE = Native.load(Platform.C_LIBRARY_NAME, LibcVarargs.class);

    int ioctl(int fd, NativeLong request, Object... args);

    int fcntl(int fd, int cmd, Object... args);

    int open(String path, int flags, Object... mode);

    /** {@code ioctl(fd, request, args...)} throwing {@link NativeException} named {@code what}. */
    static int ioctlChecked(int fd, long request, String what, Object... args) {
        return Libc.check(INSTANCE.ioctl(fd, new NativeLong(request), args), what);
    }

    /** {@code open(path, flags)}, throwing {@link NativeException} naming the path. */
    static int openChecked(String path, int flags) {
        return Libc.check(INSTANCE.open(path, flags), "open(" + path + ")");
    }

    /** Sets or clears {@code O_NONBLOCK}, returning the previous file status flags. */
    static int setNonBlocking(int fd, boolean nonBlocking) {
        int flags = Libc.check(INSTANCE.fcntl(fd, Libc.F_GETFL), "fcntl(F_GETFL, fd " + fd + ")");
        int wanted = nonBlocking ? flags | Libc.O_NONBLOCK : flags & ~Libc.O_NONBLOCK;
        setFlags(fd, wanted);
        return flags;
    }

    /** {@code fcntl(fd, F_SETFL, flags)}. */
    static void setFlags(int fd, int flags) {
        Libc.check(INSTANCE.fcntl(fd, Libc.F_SETFL, flags), "fcntl(F_SETFL, fd " + fd + ")");
    }
}
