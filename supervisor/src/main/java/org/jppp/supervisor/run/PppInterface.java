package org.jppp.supervisor.run;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.PppdLog;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.posix.NativeException;
import org.jppp.io.tun.IfControl;
import org.jppp.io.tun.TunDevice;
import org.jppp.protocol.config.IdentitySettings;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.demand.ActivePacket;
import org.jppp.protocol.demand.IpSwitch;
import org.jppp.protocol.demand.SourceRewrite;

/**
 * A peer's network interface, a TUN device named as pppd names its ppp unit: {@code ifname
 * NAME} exactly, {@code unit N} as {@code pppN} (falling back to the lowest free unit when it is
 * taken, as pppd 2.4.9 does), otherwise the lowest free {@code pppN}.
 *
 * <p>It belongs to the peer, not to one attempt: created on the first attempt (or up front with
 * {@code demand}, as pppd's demand_conf creates its unit before any dial) and kept across
 * redials, so {@code ppp0} stays {@code ppp0} with the same ifindex and no TUN is deleted and
 * created again (≈16 ms each, PLATFORM-NOTES). Its IP side runs once through an {@link IpSwitch}
 * that each attempt's session borrows through {@link #port()}.
 *
 * <p>Without demand it stays down until IPCP is up: {@link #configure} sets the addresses and MTU
 * and brings it up, then packets pass; when IPCP goes down it goes down again. With demand it is
 * up from the start with the configured or placeholder addresses, and IPCP coming up only changes
 * what differs.
 */
public final class PppInterface implements AutoCloseable {
    /** pppd's ip_demand_conf: made-up addresses, plus the unit number, when none are configured. */
    static final int DEMAND_LOCAL_BASE = 0x0a404040;
    static final int DEMAND_REMOTE_BASE = 0x0a707070;

    private final EventLoop loop;
    private final IdentitySettings identity;
    private final boolean ipv4;
    private final boolean ipv6;
    private final int queueLimit;
    private IfControl control;
    private TunDevice tun;
    private IpSwitch ipSwitch;
    private Materializer materializer;
    private Optional<Inet4Address> local = Optional.empty();
    private Optional<Inet4Address> remote = Optional.empty();

    public PppInterface(EventLoop loop, PppdSettings settings, int queueLimit) {
        this.loop = loop;
        this.identity = settings.identity();
        this.ipv4 = settings.ipcp().enabled();
        this.ipv6 = settings.ipv6cp().enabled();
        this.queueLimit = queueLimit;
    }

    /** Creates the TUN the first time; later calls return at once. */
    public synchronized void create() throws LinkSetupException {
        if (tun != null) {
            return;
        }
        IfControl c = IfControl.open();
        try {
            tun = createTun(loop, identity, c);
            control = c;
        } catch (NativeException | IllegalArgumentException e) {
            c.close();
            throw new LinkSetupException(ExitStatus.EXIT_FATAL_ERROR, "Couldn't create the PPP interface: "
                    + e.getMessage());
        }
        startSwitch();
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

    /** The run's streams are available from now on (the actor system exists). */
    synchronized void start(Materializer m) {
        this.materializer = m;
        startSwitch();
    }

    private void startSwitch() {
        if (tun != null && materializer != null && ipSwitch == null) {
            ipSwitch = IpSwitch.run(tun.flow(), queueLimit, p -> ActivePacket.isActive(p, ipv4, ipv6),
                    System::nanoTime, materializer);
        }
    }

    private synchronized IpSwitch ipSwitch() {
        if (ipSwitch == null) {
            throw new IllegalStateException("interface " + (tun == null ? "not created" : tun.name())
                    + " has no running IP side");
        }
        return ipSwitch;
    }

    /** The name, once the TUN exists (from the start with demand). */
    public synchronized Optional<String> created() {
        return tun == null ? Optional.empty() : Optional.of(tun.name());
    }

    public String name() {
        return tun.name();
    }

    TunDevice tun() {
        return tun;
    }

    /** pppd's ifunit: the number at the end of the name (0 for a name without one). */
    int unit() {
        String n = name();
        int i = n.length();
        while (i > 0 && Character.isDigit(n.charAt(i - 1))) {
            i--;
        }
        return i == n.length() || n.length() - i > 6 ? 0 : Integer.parseInt(n.substring(i));
    }

    /**
     * The IP side for one session: borrowed from the switch, or, for an interface that lives
     * and dies with one session (the access concentrator's), the device itself.
     */
    synchronized Flow<ByteString, ByteString, ?> port() {
        return ipSwitch == null ? tun.flow() : ipSwitch.port();
    }

    /**
     * pppd's demand_conf: the configured addresses or made-up ones (10.64.64.64 and
     * 10.112.112.112 plus the unit), the interface up, packets queued. The made-up local address
     * is never asked of the peer: IPCP's own settings are left as they are.
     */
    void configureForDemand(Optional<Inet4Address> wantLocal, Optional<Inet4Address> wantRemote, int mtu) {
        Inet4Address l = wantLocal.orElseGet(() -> address(DEMAND_LOCAL_BASE + unit()));
        Inet4Address r = wantRemote.orElseGet(() -> address(DEMAND_REMOTE_BASE + unit()));
        tun.setAddresses(l, r);
        tun.setMtu(mtu);
        tun.setUp(true);
        local = Optional.of(l);
        remote = Optional.of(r);
        hold();
        PppdLog.LOG.info("local  IP address {}", l.getHostAddress());
        PppdLog.LOG.info("remote IP address {}", r.getHostAddress());
    }

    static Inet4Address address(int value) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** IPCP is up: point-to-point addresses, MTU, and the interface up. */
    void configure(Inet4Address l, Inet4Address r, int mtu) {
        tun.setAddresses(l, r);
        tun.setMtu(mtu);
        tun.setUp(true);
        local = Optional.of(l);
        remote = Optional.of(r);
    }

    /**
     * IPCP is up on a demand interface (pppd's ipcp_up with demand): addresses that differ are
     * changed, with pppd's warnings, and queued packets from the old local address are given the
     * new one.
     */
    UnaryOperator<ByteString> reconfigure(Inet4Address l, Inet4Address r, int mtu) {
        Inet4Address oldLocal = local.orElse(l);
        boolean changed = !l.equals(oldLocal) || !remote.map(r::equals).orElse(false);
        if (!l.equals(oldLocal)) {
            PppdLog.LOG.warn("Local IP address changed to {}", l.getHostAddress());
        }
        if (!remote.map(r::equals).orElse(false)) {
            PppdLog.LOG.warn("Remote IP address changed to {}", r.getHostAddress());
        }
        if (changed) {
            tun.setAddresses(l, r);
        }
        tun.setMtu(mtu);
        tun.setUp(true);
        local = Optional.of(l);
        remote = Optional.of(r);
        return l.equals(oldLocal) ? UnaryOperator.identity() : p -> SourceRewrite.rewrite(p, oldLocal, l);
    }

    /** Packets to the link from now on, queued ones first (through {@code rewrite}). */
    synchronized void pass(UnaryOperator<ByteString> rewrite) {
        if (ipSwitch != null) {
            ipSwitch.pass(rewrite);
        }
    }

    /** Demand: keep packets for the next link. */
    synchronized void hold() {
        if (ipSwitch != null) {
            ipSwitch.hold();
        }
    }

    /** No link to send to: packets are dropped, and a queue discarded (pppd's demand_discard). */
    synchronized void drop() {
        if (ipSwitch != null) {
            ipSwitch.drop();
        }
    }

    /** Demand: {@code onTraffic} once when a packet worth dialling for is queued. */
    void awaitTraffic(Runnable onTraffic) {
        IpSwitch s = ipSwitch();
        s.hold();
        s.awaitTraffic(onTraffic);
    }

    /** Whole seconds since the last IP packet either way on the current link. */
    long idleSeconds() {
        IpSwitch s = ipSwitch;
        return s == null ? 0 : s.idleNanos() / 1_000_000_000L;
    }

    long queueDrops() {
        IpSwitch s = ipSwitch;
        return s == null ? 0 : s.queueDrops();
    }

    /** IPCP went down without demand: the interface goes down (it is deleted on {@link #close}). */
    void down() {
        drop();
        tun.setUp(false);
    }

    @Override
    public synchronized void close() {
        if (tun != null) {
            tun.close();
            control.close();
        }
    }
}
