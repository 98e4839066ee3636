package org.jppp.supervisor.run;

import java.net.Inet4Address;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.PppdLog;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.NativeException;
import org.jppp.io.tun.IfControl;
import org.jppp.io.tun.TunDevice;
import org.jppp.protocol.config.IdentitySettings;

/**
 * The session's network interface, a TUN device named as pppd names its ppp unit: {@code ifname
 * NAME} exactly, {@code unit N} as {@code pppN} (falling back to the lowest free unit when it is
 * taken, as pppd 2.4.9 does), otherwise the lowest free {@code pppN}.
 *
 * <p>It is created when the link starts, as pppd creates its unit, and stays down until IPCP is up:
 * then {@link #configure} sets the addresses and MTU and brings it up before the caller opens the
 * session's IP gate, so no datagram of the peer arrives at an interface that is not ready.
 */
final class PppInterface implements AutoCloseable {
    private final TunDevice tun;
    private final IfControl control;

    private PppInterface(TunDevice tun, IfControl control) {
        this.tun = tun;
        this.control = control;
    }

    static PppInterface create(EventLoop loop, IdentitySettings identity) throws LinkSetupException {
        IfControl control = IfControl.open();
        try {
            return new PppInterface(createTun(loop, identity, control), control);
        } catch (NativeException | IllegalArgumentException e) {
            control.close();
            throw new LinkSetupException(ExitStatus.EXIT_FATAL_ERROR, "Couldn't create the PPP interface: "
                    + e.getMessage());
        }
    }

    private static TunDevice createTun(EventLoop loop, IdentitySettings identity, IfControl control) {
        if (identity.ifname().isPresent()) {
            return TunDevice.create(loop, identity.ifname().get(), control);
        }
        if (identity.unit().isPresent()) {
            String wanted = "ppp" + identity.unit().getAsInt();
            try {
                return TunDevice.create(loop, wanted, control);
            } catch (NativeException e) {
                PppdLog.LOG.info("Couldn't allocate PPP unit {} as it is already in use", identity.unit().getAsInt());
            }
        }
        return TunDevice.create(loop, "ppp%d", control);
    }

    String name() {
        return tun.name();
    }

    TunDevice tun() {
        return tun;
    }

    /** IPCP is up: point-to-point addresses, MTU, and the interface up. */
    void configure(Inet4Address local, Inet4Address remote, int mtu) {
        tun.setAddresses(local, remote);
        tun.setMtu(mtu);
        tun.setUp(true);
    }

    /** IPCP went down: the interface goes down (it is deleted on {@link #close}). */
    void down() {
        tun.setUp(false);
    }

    @Override
    public void close() {
        tun.close();
        control.close();
    }
}
