package org.jppp.io.systemd;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;

/**
 * systemd's readiness protocol (sd_notify(3)) without libsystemd: one datagram of
 * {@code KEY=VALUE} lines to the UNIX datagram socket named by {@code $NOTIFY_SOCKET}. A name
 * starting with {@code @} is in the abstract namespace (the {@code @} stands for the leading NUL).
 * Java 17's UNIX-domain channels are stream-only, hence the JNA calls.
 *
 * <p>Used for pppd's {@code up_sdnotify}: a {@code Type=notify} unit is "started" once the link is
 * up, so units ordered after it find the interface configured.
 */
public final class SdNotify {
    /** {@code sizeof(struct sockaddr_un)}: a 2-byte family, then 108 bytes of path. */
    private static final int SOCKADDR_UN_SIZE = 110;
    private static final int PATH_OFFSET = 2;

    private SdNotify() {}

    /** The socket systemd gave this process, if it runs as a service that expects notifications. */
    public static Optional<String> socket() {
        String path = System.getenv("NOTIFY_SOCKET");
        return path == null || path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    /**
     * {@code READY=1} with a status line, to {@code $NOTIFY_SOCKET}; false when there is none (not
     * run by systemd, or by a unit that is not {@code Type=notify}).
     */
    public static boolean ready(String status) {
        return socket().map(s -> {
            send(s, "READY=1\nSTATUS=" + status.replace('\n', ' '));
            return true;
        }).orElse(false);
    }

    /**
     * Sends {@code state} (newline-separated {@code KEY=VALUE} assignments) to the datagram socket
     * {@code path}; throws {@link NativeException} when the socket cannot be reached.
     */
    public static void send(String path, String state) {
        SocketAddress addr = SocketAddress.of(path);
        byte[] message = state.getBytes(StandardCharsets.UTF_8);
        Memory buf = new Memory(Math.max(1, message.length));
        buf.write(0, message, 0, message.length);
        int fd = Libc.check(Libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0), "socket(AF_UNIX)");
        try {
            long sent = Libc.sendto(fd, buf, message.length, 0, addr.memory(), addr.length());
            if (sent < 0) {
                throw new NativeException("sendto(" + path + ")", Libc.errno());
            }
        } finally {
            Libc.close(fd);
        }
    }

    /** A {@code struct sockaddr_un} for {@code path} and its length, as sendto(2) and bind(2) take it. */
    record SocketAddress(Memory memory, int length) {
        static SocketAddress of(String path) {
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            boolean abstractName = name.length > 0 && name[0] == '@';
            if (name.length == 0 || name.length >= SOCKADDR_UN_SIZE - PATH_OFFSET) {
                throw new IllegalArgumentException("NOTIFY_SOCKET: bad socket name \"" + path + "\"");
            }
            if (name[0] != '/' && !abstractName) {
                throw new IllegalArgumentException("NOTIFY_SOCKET: neither an absolute path nor @abstract: " + path);
            }
            Memory addr = new Memory(SOCKADDR_UN_SIZE);
            addr.clear();
            addr.setShort(0, (short) Libc.AF_UNIX);
            addr.write(PATH_OFFSET, name, 0, name.length);
            if (abstractName) {
                addr.setByte(PATH_OFFSET, (byte) 0);
            }
            // An abstract name's length is exact (a terminating NUL would be part of the name); a
            // path's includes its NUL.
            return new SocketAddress(addr, PATH_OFFSET + name.length + (abstractName ? 0 : 1));
        }
    }
}
