package org.jppp.io.tun;

import java.net.Inet4Address;
import org.jppp.io.channel.Endpoint;
import org.jppp.io.channel.FdChannel;
import org.jppp.io.channel.Framing;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.LibcVarargs;

/**
 * The network interface of a PPP session, as a TUN device ({@code IFF_TUN | IFF_NO_PI}): each read
 * is one IP packet the kernel routes to the peer, each write one IP packet received from it.
 *
 * <p>The interface exists while the fd is open: it is created non-persistent (persist is switched
 * off explicitly, in case the name belonged to a persistent TUN left behind), so closing the fd
 * deletes it, even if the process dies. Closing goes through the {@link FdChannel}, which waits
 * for reads and writes in flight, deregisters from the event loop, then closes the fd. The kernel
 * takes ≈16 ms to delete a TUN on close (PLATFORM-NOTES), on the thread that closes.
 */
public final class TunDevice implements Endpoint {
    private static final long TUNSETIFF = 0x400454caL;
    private static final long TUNSETPERSIST = 0x400454cbL;
    private static final int IFF_TUN = 0x0001;
    private static final int IFF_NO_PI = 0x1000;
    /** The MTU the kernel gives a new TUN device (tun_net_init: ETH_DATA_LEN). */
    public static final int DEFAULT_MTU = 1500;

    private final String name;
    private final FdChannel channel;
    private final IfControl control;

    private TunDevice(String name, FdChannel channel, IfControl control) {
        this.name = name;
        this.channel = channel;
        this.control = control;
    }

    /**
     * Creates a TUN in the calling thread's network namespace.
     *
     * @param requestedName an exact name ({@code ppp0}) or a pattern the kernel resolves
     *     ({@code ppp%d}: the lowest free number)
     * @param control configures the interface; must belong to the same namespace
     * @throws IllegalArgumentException for a name that cannot be an interface name
     * @throws org.jppp.io.posix.NativeException e.g. {@code ioctl(TUNSETIFF, ppp0): EBUSY (...)}
     *     when the name is taken by a TUN in use
     */
    public static TunDevice create(EventLoop loop, String requestedName, IfControl control) {
        Ifreq request = new Ifreq(requestedName);
        request.setShort(IFF_TUN | IFF_NO_PI);
        int fd = LibcVarargs.openChecked("/dev/net/tun", Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        try {
            LibcVarargs.ioctlChecked(fd, TUNSETIFF, "ioctl(TUNSETIFF, " + requestedName + ")", request.memory);
            String name = request.name();
            LibcVarargs.ioctlChecked(fd, TUNSETPERSIST, "ioctl(TUNSETPERSIST, " + name + ")", 0);
            return new TunDevice(name, FdChannel.open(loop, "tun " + name, fd, Framing.PACKETS, () -> {}), control);
        } catch (RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** The name the kernel gave the interface (the pattern resolved). */
    public String name() {
        return name;
    }

    public int ifindex() {
        return control.ifindex(name);
    }

    /** Local and peer IPv4 address with a host netmask (see {@link IfControl#setPointToPoint}). */
    public void setAddresses(Inet4Address local, Inet4Address peer) {
        control.setPointToPoint(name, local, peer);
    }

    public void setMtu(int mtu) {
        control.setMtu(name, mtu);
    }

    public int mtu() {
        return control.mtu(name);
    }

    public void setTxQueueLength(int length) {
        control.setTxQueueLength(name, length);
    }

    public void setUp(boolean up) {
        control.setUp(name, up);
    }

    public void addIpv6LinkLocal(long interfaceId) {
        control.addIpv6LinkLocal(name, interfaceId);
    }

    /** See {@link IfControl#removeIpv6LinkLocal}: false if the kernel removed it already. */
    public boolean removeIpv6LinkLocal(long interfaceId) {
        return control.removeIpv6LinkLocal(name, interfaceId);
    }

    /** The IPv4 address and the peer route go (see {@link IfControl#clearIpv4Address}). */
    public void clearIpv4Address() {
        control.clearIpv4Address(name);
    }

    public boolean isUp() {
        return control.isUp(name);
    }

    @Override
    public FdChannel channel() {
        return channel;
    }
}
