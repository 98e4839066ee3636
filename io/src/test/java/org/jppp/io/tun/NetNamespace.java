package org.jppp.io.tun;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jppp.io.IoTestSupport;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.LibcVarargs;

/**
 * A throw-away network namespace ({@code ip netns add jppp-t-<random>}) for tests.
 *
 * <p>Instead of a child JVM under {@code ip netns exec}, the calling thread alone enters the
 * namespace with {@code setns(CLONE_NEWNET)} (allowed for one thread of a multi-threaded process;
 * it changes only that thread), creates the fds it needs, and returns. An fd keeps the namespace
 * it was created in, so the TUN and the control sockets keep working from any thread afterwards.
 */
public final class NetNamespace implements AutoCloseable {
    public final String name;

    private NetNamespace(String name) {
        this.name = name;
    }

    public static NetNamespace create() throws Exception {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        String name = "jppp-t-" + HexFormat.of().formatHex(random);
        IoTestSupport.runOk("ip", "netns", "add", name);
        return new NetNamespace(name);
    }

    /** Runs {@code action} on this thread inside the namespace, then returns to the original one. */
    public <T> T inside(Supplier<T> action) {
        int original = LibcVarargs.openChecked("/proc/thread-self/ns/net", Libc.O_RDONLY | Libc.O_CLOEXEC);
        int target = -1;
        try {
            target = LibcVarargs.openChecked("/run/netns/" + name, Libc.O_RDONLY | Libc.O_CLOEXEC);
            Libc.check(Libc.setns(target, Libc.CLONE_NEWNET), "setns(" + name + ")");
            try {
                return action.get();
            } finally {
                Libc.check(Libc.setns(original, Libc.CLONE_NEWNET), "setns(back)");
            }
        } finally {
            Libc.close(original);
            if (target >= 0) {
                Libc.close(target);
            }
        }
    }

    /** {@code ip -n NS args...}. */
    public IoTestSupport.Result ip(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "ip";
        command[1] = "-n";
        command[2] = name;
        System.arraycopy(args, 0, command, 3, args.length);
        return IoTestSupport.run(command);
    }

    @Override
    public void close() throws Exception {
        IoTestSupport.run("ip", "netns", "del", name);
    }
}
