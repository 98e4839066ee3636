package org.jppp.supervisor.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.SessionSettings;
import org.jppp.actors.session.UpDetails;
import org.jppp.io.hooks.LinkParameters;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.demand.IpSwitch;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.TcpMssClamp;

/**
 * What one pass of pppd's main loop opens and closes around a session: the line and its connect
 * step (a {@link Connection}: a tty and its connect script, or a PPPoE session after discovery)
 * and the IP hooks, over the peer's {@link PppInterface}, which outlives the attempt. {@link #open}
 * logs {@code Using interface ppp0} (not with demand, whose interface was announced up front) and
 * {@code Connect: ppp0 <--> /dev/pts/3}; {@link #close} waits for the scripts and hangs up the
 * connection (linger, close, disconnect script; or PADT), and leaves the interface to the peer.
 */
public final class Attempt {
    /** pppd's default child-timeout: how long the ip-down script may take before it is ended. */
    private static final Duration CHILD_WAIT = Duration.ofSeconds(5);

    private final Connection line;
    private final PppInterface iface;
    private final NetworkHooks hooks;
    /** jppp's {@code clamp-mss}: 0, or the MSS TCP SYNs in both directions are lowered to. */
    private final int clampMss;
    private final PidFiles pidFiles;

    /** pppd's demand: the interface keeps its addresses and queues packets between links. */
    private final boolean demand;
    /** The interface is this attempt's alone and is closed (deleted, or kept in a unit cache) by {@link #close}. */
    private final boolean ownsInterface;

    private Attempt(Connection line, PppInterface iface, NetworkHooks hooks, int clampMss, PidFiles pidFiles,
            boolean demand, boolean ownsInterface) {
        this.clampMss = clampMss;
        this.demand = demand;
        this.ownsInterface = ownsInterface;
        this.line = line;
        this.iface = iface;
        this.hooks = hooks;
        this.pidFiles = pidFiles;
    }

    /**
     * Connects with {@code opener} and creates an interface of the attempt's own, deleted by
     * {@link #close} (one session per interface, as the access concentrator runs them).
     */
    public static Attempt open(PppdSettings settings, Path etcDir, EventLoop loop, Connection.Opener opener)
            throws LinkSetupException {
        return open(settings, etcDir, loop, opener,
                new PppInterface(loop, settings, IpSwitch.DEFAULT_QUEUE_LIMIT), true);
    }

    /**
     * Connects with {@code opener} (a tty and its connect script, PPPoE discovery), then creates
     * the peer's interface if this is its first attempt; the interface outlives the attempt.
     */
    public static Attempt open(PppdSettings settings, Path etcDir, EventLoop loop, Connection.Opener opener,
            PppInterface iface) throws LinkSetupException {
        return open(settings, etcDir, loop, opener, iface, false);
    }

    /**
     * One session over an interface of its own, as the access concentrator runs them: taken from
     * {@code units} if one is kept there, and given back to it by {@link #close}. With a cache
     * that keeps nothing, the session uses the TUN directly and {@link #close} deletes it.
     */
    public static Attempt open(PppdSettings settings, Path etcDir, EventLoop loop, Connection.Opener opener,
            UnitCache<PppInterface.Unit> units, Materializer materializer) throws LinkSetupException {
        if (units.capacity() == 0) {
            return open(settings, etcDir, loop, opener);
        }
        PppInterface iface = new PppInterface(loop, settings, IpSwitch.DEFAULT_QUEUE_LIMIT, units);
        // A kept unit's TUN is read by its IP side for good; a new one gets its IP side now.
        iface.start(materializer);
        return open(settings, etcDir, loop, opener, iface, true);
    }

    private static Attempt open(PppdSettings settings, Path etcDir, EventLoop loop, Connection.Opener opener,
            PppInterface iface, boolean ownsInterface) throws LinkSetupException {
        Connection line = opener.open(loop, settings);
        try {
            iface.create();
        } catch (LinkSetupException | RuntimeException e) {
            line.close();
            throw e;
        }
        boolean demand = settings.link().demand();
        if (!demand) {
            PppdLog.LOG.info("Using interface {}", iface.name());
        }
        PppdLog.LOG.info("Connect: {} <--> {}", iface.name(), line.device());
        LinkParameters link = new LinkParameters(iface.name(), line.device(), line.speed(),
                settings.identity().ipparam());
        PidFiles pidFiles = PidFiles.write(PidFiles.runDir(System.getenv()), iface.name(),
                settings.identity().linkname());
        // After the pid files: whoever started a detaching bin/pppd finds them when it returns.
        LogSetup.detached(settings.logging());
        return new Attempt(line, iface, new NetworkHooks(settings, etcDir, link), settings.pppoe().clampMss(),
                pidFiles, demand, ownsInterface);
    }

    /**
     * The first pass of pppd's main loop for a peer whose interface outlives its attempts: with
     * {@code demand} (pppd's demand_conf) only the interface is created, up before any dial, and
     * nothing is opened (empty; a detaching pppd leaves the terminal now); otherwise the line is
     * connected as in {@link #open}.
     */
    public static Optional<Attempt> openFirst(PppdSettings settings, Path etcDir, EventLoop loop,
            Connection.Opener opener, PppInterface iface) throws LinkSetupException {
        if (!settings.link().demand()) {
            return Optional.of(open(settings, etcDir, loop, opener, iface));
        }
        iface.create();
        PppdLog.LOG.info("Using interface {}", iface.name());
        LogSetup.detached(settings.logging());
        return Optional.empty();
    }

    /** The session of this attempt, over the connection's frames, with the interface as its IP side. */
    public Behavior<PeerSession.Command> session(SessionSettings sessionSettings, ActorRef<PeerSession.Event> parent) {
        Flow<ByteString, ByteString, ?> port = iface.port();
        Flow<ByteString, ByteString, ?> ipSide = clampMss > 0 ? TcpMssClamp.around(port, clampMss) : port;
        return PeerSession.create(line.adjust(sessionSettings), line.lower(), ipSide, parent);
    }

    /**
     * A network protocol is up: for IPCP the interface is configured at once (before the peer's
     * first datagrams arrive), the rest goes to the hooks' thread. An interface that cannot be
     * configured is a RuntimeException for the caller, which ends the link.
     */
    public void up(UpDetails up) {
        // pppd's reset_link_stats, before packets pass for this session.
        hooks.started();
        if (up.ncp().equals(PppProtocol.IPCP) && up.local().isPresent() && up.remote().isPresent() && demand) {
            // pppd's ipcp_up with demand: the interface is up already; queued packets go out first.
            iface.pass(iface.reconfigure(up.local().get(), up.remote().get(), up.mtu()));
            hooks.ipcpUp(up, () -> { });
        } else if (up.ncp().equals(PppProtocol.IPCP) && up.local().isPresent() && up.remote().isPresent()) {
            if (hooks.hasIpPreUp()) {
                // pppd: addresses set, ip-pre-up waited for, then the interface brought up.
                iface.tun().setAddresses(up.local().get(), up.remote().get());
                iface.tun().setMtu(up.mtu());
                hooks.ipcpUp(up, () -> {
                    iface.tun().setUp(true);
                    iface.pass(UnaryOperator.identity());
                });
            } else {
                iface.configure(up.local().get(), up.remote().get(), up.mtu());
                iface.pass(UnaryOperator.identity());
                hooks.ipcpUp(up, () -> { });
            }
        } else if (up.ncp().equals(PppProtocol.IPV6CP) && up.localInterfaceId().isPresent()) {
            iface.tun().setUp(true);
            iface.addIpv6LinkLocal(up.localInterfaceId().getAsLong());
            iface.pass(UnaryOperator.identity());
            hooks.ipv6cpUp(up);
        }
    }

    public void down(PppProtocol ncp) {
        if (ncp.equals(PppProtocol.IPCP) && demand) {
            // pppd's ipcp_down with demand: addresses kept, packets queued again (NPMODE_QUEUE).
            hooks.ipcpDown();
            iface.hold();
        } else if (ncp.equals(PppProtocol.IPCP)) {
            hooks.ipcpDown();
            iface.down();
        } else if (ncp.equals(PppProtocol.IPV6CP)) {
            hooks.ipv6cpDown();
        }
    }

    /** We authenticated the peer: auth-up. */
    public void peerAuthenticated(String peerName) {
        hooks.peerAuthenticated(peerName);
    }

    /** The link went down (before its network protocols): auth-down. */
    public void linkDown() {
        hooks.linkDown();
    }

    public String ifname() {
        return iface.name();
    }

    /**
     * Blocks for the scripts, the linger and the disconnect script: call it off actor threads.
     * The interface stays with the peer; without demand it is down already (IPCP down).
     */
    public void close() {
        try {
            hooks.linkTerminated();
            hooks.finish(CHILD_WAIT);
        } finally {
            hooks.close();
            pidFiles.close();
            if (ownsInterface) {
                iface.close();
            }
            line.close();
        }
    }
}
