package org.jppp.supervisor.run;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.SessionSettings;
import org.jppp.actors.session.UpDetails;
import org.jppp.io.hooks.LinkParameters;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.TcpMssClamp;

/**
 * What one pass of pppd's main loop opens and closes around a session: the line and its connect
 * step (a {@link Connection}: a tty and its connect script, or a PPPoE session after discovery),
 * the ppp interface and the IP hooks. {@link #open} logs {@code Using interface ppp0} and
 * {@code Connect: ppp0 <--> /dev/pts/3}; {@link #close} waits for the scripts, deletes the
 * interface and hangs up the connection (linger, close, disconnect script; or PADT).
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

    private Attempt(Connection line, PppInterface iface, NetworkHooks hooks, int clampMss, PidFiles pidFiles) {
        this.clampMss = clampMss;
        this.line = line;
        this.iface = iface;
        this.hooks = hooks;
        this.pidFiles = pidFiles;
    }

    /** Connects with {@code opener} (a tty and its connect script, PPPoE discovery), then creates the interface. */
    public static Attempt open(PppdSettings settings, Path etcDir, EventLoop loop, Connection.Opener opener)
            throws LinkSetupException {
        Connection line = opener.open(loop, settings);
        PppInterface iface;
        try {
            iface = PppInterface.create(loop, settings.identity());
        } catch (LinkSetupException | RuntimeException e) {
            line.close();
            throw e;
        }
        PppdLog.LOG.info("Using interface {}", iface.name());
        PppdLog.LOG.info("Connect: {} <--> {}", iface.name(), line.device());
        LogSetup.detached(settings.logging());
        LinkParameters link = new LinkParameters(iface.name(), line.device(), line.speed(),
                settings.identity().ipparam());
        PidFiles pidFiles = PidFiles.write(PidFiles.runDir(System.getenv()), iface.name(),
                settings.identity().linkname());
        return new Attempt(line, iface, new NetworkHooks(settings, etcDir, link), settings.pppoe().clampMss(),
                pidFiles);
    }

    /** The session of this attempt, over the connection's frames, with the interface as its IP side. */
    public Behavior<PeerSession.Command> session(SessionSettings sessionSettings, ActorRef<PeerSession.Event> parent) {
        Flow<ByteString, ByteString, ?> ipSide = clampMss > 0
                ? TcpMssClamp.around(iface.tun().flow(), clampMss) : iface.tun().flow();
        return PeerSession.create(line.adjust(sessionSettings), line.lower(), ipSide, parent);
    }

    /**
     * A network protocol is up: for IPCP the interface is configured at once (before the peer's
     * first datagrams arrive), the rest goes to the hooks' thread. An interface that cannot be
     * configured is a RuntimeException for the caller, which ends the link.
     */
    public void up(UpDetails up) {
        if (up.ncp().equals(PppProtocol.IPCP) && up.local().isPresent() && up.remote().isPresent()) {
            if (hooks.hasIpPreUp()) {
                // pppd: addresses set, ip-pre-up waited for, then the interface brought up.
                iface.tun().setAddresses(up.local().get(), up.remote().get());
                iface.tun().setMtu(up.mtu());
                hooks.ipcpUp(up, () -> iface.tun().setUp(true));
            } else {
                iface.configure(up.local().get(), up.remote().get(), up.mtu());
                hooks.ipcpUp(up, () -> { });
            }
        } else if (up.ncp().equals(PppProtocol.IPV6CP) && up.localInterfaceId().isPresent()) {
            iface.tun().setUp(true);
            iface.tun().addIpv6LinkLocal(up.localInterfaceId().getAsLong());
            hooks.ipv6cpUp(up);
        }
    }

    public void down(PppProtocol ncp) {
        if (ncp.equals(PppProtocol.IPCP)) {
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

    /** Blocks for the scripts, the linger and the disconnect script: call it off actor threads. */
    public void close() {
        try {
            hooks.linkTerminated();
            hooks.finish(CHILD_WAIT);
        } finally {
            hooks.close();
            pidFiles.close();
            iface.close();
            line.close();
        }
    }
}
