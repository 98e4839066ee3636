package org.jppp.supervisor.run;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
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
 * that each attempt's session borrows through {@link #port()}. With a {@link UnitCache} (the
 * access concentrator's sessions, jpppd's peers) the TUN and its IP side even outlive the owner:
 * {@link #close} resets them and gives them back to the cache, and a later owner takes them
 * (same name, same ifindex) instead of creating a TUN.
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
    private final UnitCache<Unit> cache;
    /** The TUN with its control socket and IP side: null before {@link #create} and after {@link #close}. */
    private Unit unit;
    private TunDevice tun;
    private IpSwitch ipSwitch;
    private Materializer materializer;
    private Optional<Inet4Address> local = Optional.empty();
    private Optional<Inet4Address> remote = Optional.empty();
    /** IPv6 link-local addresses added (interface identifiers), removed again before the unit is reused. */
    private final List<Long> linkLocals = new ArrayList<>();
    /** The unit's counters when this interface took it (zero for a TUN it created). */
    private LinkCounters baseline = LinkCounters.NONE;

    /**
     * A TUN device, its control socket and its IP side, as a {@link UnitCache} keeps them between
     * owners. The IP side's active filter follows the current owner's protocols.
     */
    public static final class Unit implements UnitCache.Pooled {
        private final TunDevice tun;
        private final IfControl control;
        private IpSwitch ipSwitch;
        private volatile Predicate<ByteString> active = p -> false;

        private Unit(TunDevice tun, IfControl control) {
            this.tun = tun;
            this.control = control;
        }

        @Override
        public String name() {
            return tun.name();
        }

        @Override
        public void delete() {
            tun.close();
            control.close();
        }
    }

    /** An interface of its own, deleted by {@link #close} (bin/pppd: one peer per process). */
    public PppInterface(EventLoop loop, PppdSettings settings, int queueLimit) {
        this(loop, settings, queueLimit, UnitCache.none());
    }

    /**
     * An interface taken from {@code cache} when one there fits the settings' {@code ifname} or
     * {@code unit}, and given back to it (reset) by {@link #close}.
     */
    public PppInterface(EventLoop loop, PppdSettings settings, int queueLimit, UnitCache<Unit> cache) {
        this.loop = loop;
        this.identity = settings.identity();
        this.ipv4 = settings.ipcp().enabled();
        this.ipv6 = settings.ipv6cp().enabled();
        this.queueLimit = queueLimit;
        this.cache = cache;
    }

    /** Takes a unit from the cache or creates the TUN, the first time; later calls return at once. */
    public synchronized void create() throws LinkSetupException {
        if (unit != null) {
            return;
        }
        Unit u;
        try {
            u = takeOrCreate();
        } catch (NativeException | IllegalArgumentException e) {
            throw new LinkSetupException(ExitStatus.EXIT_FATAL_ERROR, "Couldn't create the PPP interface: "
                    + e.getMessage());
        }
        u.active = p -> ActivePacket.isActive(p, ipv4, ipv6);
        unit = u;
        tun = u.tun;
        ipSwitch = u.ipSwitch;
        startSwitch();
    }

    /**
     * pppd's naming, with kept units counting as free ones: {@code ifname NAME} exactly;
     * {@code unit N} as {@code pppN}, kept or new, else (in use) any free unit; otherwise the
     * lowest kept {@code pppN}, else a new one.
     */
    private Unit takeOrCreate() {
        if (identity.ifname().isPresent()) {
            String wanted = identity.ifname().get();
            return reused(cache.take(wanted)).orElseGet(() -> created(wanted));
        }
        if (identity.unit().isPresent()) {
            String wanted = "ppp" + identity.unit().getAsInt();
            Optional<Unit> kept = reused(cache.take(wanted));
            if (kept.isPresent()) {
                return kept.get();
            }
            try {
                return created(wanted);
            } catch (NativeException e) {
                PppdLog.LOG.info("Couldn't allocate PPP unit {} as it is already in use", identity.unit().getAsInt());
            }
        }
        return reused(cache.takeAny()).orElseGet(() -> created("ppp%d"));
    }

    private Optional<Unit> reused(Optional<Unit> kept) {
        kept.ifPresent(u -> {
            baseline = LinkCounters.read(u.name());
            PppdLog.LOG.debug("Reusing interface {} from the unit cache", u.name());
        });
        return kept;
    }

    private Unit created(String requestedName) {
        IfControl c = IfControl.open();
        try {
            return new Unit(TunDevice.create(loop, requestedName, c), c);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The run's streams are available from now on (the actor system exists). */
    public synchronized void start(Materializer m) {
        this.materializer = m;
        startSwitch();
    }

    private void startSwitch() {
        if (unit != null && materializer != null && ipSwitch == null) {
            Unit u = unit;
            ipSwitch = IpSwitch.run(tun.flow(), queueLimit, p -> u.active.test(p), System::nanoTime, materializer);
            u.ipSwitch = ipSwitch;
        }
    }

    /**
     * The interface's counters since this interface took its unit: a kept unit's kernel counters
     * still hold what earlier owners sent and received.
     */
    public synchronized LinkCounters counters() {
        return unit == null ? LinkCounters.NONE : LinkCounters.read(unit.name()).since(baseline);
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

    /** What {@link #configureForDemand} was told to route, run again when the addresses change. */
    private Runnable demandRoutes = () -> { };

    /**
     * pppd's demand_conf: the configured addresses or made-up ones (10.64.64.64 and
     * 10.112.112.112 plus the unit), the interface up, packets queued. The made-up local address
     * is never asked of the peer: IPCP's own settings are left as they are. {@code preUp} runs
     * (and is waited for) with the addresses set and the interface still down (pppd's
     * ip-pre-up); {@code routes} runs once the interface is up and queueing ({@code defaultroute}).
     */
    void configureForDemand(Optional<Inet4Address> wantLocal, Optional<Inet4Address> wantRemote, int mtu,
                            BiConsumer<Inet4Address, Inet4Address> preUp, Runnable routes) {
        Inet4Address l = wantLocal.orElseGet(() -> address(DEMAND_LOCAL_BASE + unit()));
        Inet4Address r = wantRemote.orElseGet(() -> address(DEMAND_REMOTE_BASE + unit()));
        tun.setAddresses(l, r);
        tun.setMtu(mtu);
        preUp.accept(l, r);
        tun.setUp(true);
        local = Optional.of(l);
        remote = Optional.of(r);
        hold();
        demandRoutes = routes;
        // pppd's ip_demand_conf adds the default route before it logs the addresses.
        routes.run();
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
            // The kernel drops the interface's routes with its old address; pppd's ipcp_up
            // clears and sets the default route again around sifaddr.
            demandRoutes.run();
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

    /** IPV6CP is up: {@code fe80::<interfaceId>/64}, remembered so that a reused unit loses it. */
    synchronized void addIpv6LinkLocal(long interfaceId) {
        tun.addIpv6LinkLocal(interfaceId);
        linkLocals.add(interfaceId);
    }

    /**
     * Gives the unit back to the cache, reset, or deletes it (no cache, a full one, or a reset
     * that failed). Later calls do nothing.
     */
    @Override
    public synchronized void close() {
        Unit u = unit;
        if (u == null) {
            return;
        }
        unit = null;
        ipSwitch = null;
        if (cache.capacity() == 0 || !reset(u) || !cache.offer(u)) {
            u.delete();
        }
    }

    /**
     * Nothing of this session may reach the next owner: packets dropped and the queue gone, the
     * interface down, its IPv4 address (and the peer route with it) and IPv6 link-local addresses
     * removed, the kernel's default MTU. Routes others added through the interface went when it
     * went down. Only the kernel's counters stay (see {@link #counters}).
     */
    private boolean reset(Unit u) {
        try {
            if (u.ipSwitch != null) {
                u.ipSwitch.drop();
            }
            u.active = p -> false;
            u.tun.setUp(false);
            u.tun.clearIpv4Address();
            for (long id : linkLocals) {
                u.tun.removeIpv6LinkLocal(id);
            }
            linkLocals.clear();
            u.tun.setMtu(TunDevice.DEFAULT_MTU);
            return true;
        } catch (RuntimeException e) {
            PppdLog.LOG.warn("Couldn't reset interface {} for reuse: {}", u.name(), e.getMessage());
            return false;
        }
    }
}
