package org.jppp.supervisor.run;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.jppp.actors.PppdLog;
import org.jppp.actors.link.HdlcLink;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.SessionSettings;
import org.jppp.actors.session.UpDetails;
import org.jppp.io.hooks.LinkParameters;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.framing.Counters;
import org.jppp.protocol.framing.HdlcCounter;
import org.jppp.protocol.framing.HdlcSettings;
import org.jppp.protocol.wire.PppProtocol;

/**
 * What one pass of pppd's main loop opens and closes around a session: the line (and its connect
 * script), the ppp interface and the IP hooks. {@link #open} logs {@code Using interface ppp0} and
 * {@code Connect: ppp0 <--> /dev/pts/3}; {@link #close} waits for the scripts, deletes the
 * interface, lingers, closes the line and runs the disconnect script.
 */
final class Attempt {
    /**
     * How long the line stays open after the session ended: our last packet (a Terminate-Ack, say)
     * may still sit in a pty or socket buffer, and a relay that sees the line hang up drops what it
     * has not passed on (refpeer's qemu does).
     */
    private static final Duration LINGER = Duration.ofMillis(500);
    /** pppd's default child-timeout: how long the ip-down script may take before it is ended. */
    private static final Duration CHILD_WAIT = Duration.ofSeconds(5);

    private final PppdSettings settings;
    private final Line line;
    private final PppInterface iface;
    private final NetworkHooks hooks;
    private final PidFiles pidFiles;

    private Attempt(PppdSettings settings, Line line, PppInterface iface, NetworkHooks hooks, PidFiles pidFiles) {
        this.settings = settings;
        this.line = line;
        this.iface = iface;
        this.hooks = hooks;
        this.pidFiles = pidFiles;
    }

    static Attempt open(PppdSettings settings, Path etcDir, EventLoop loop) throws LinkSetupException {
        Line line = Line.open(loop, settings.device());
        PppInterface iface = null;
        try {
            DeviceScripts.connect(settings.device().connect(), line.connectDevice());
            iface = PppInterface.create(loop, settings.identity());
        } catch (LinkSetupException | RuntimeException e) {
            if (iface != null) {
                iface.close();
            }
            line.endpoint().close();
            throw e;
        }
        PppdLog.LOG.info("Using interface {}", iface.name());
        PppdLog.LOG.info("Connect: {} <--> {}", iface.name(), line.device());
        LogSetup.detached(settings.logging());
        LinkParameters link = new LinkParameters(iface.name(), line.device(), line.speed(),
                settings.identity().ipparam());
        PidFiles pidFiles = PidFiles.write(PidFiles.runDir(System.getenv()), iface.name(),
                settings.identity().linkname());
        return new Attempt(settings, line, iface, new NetworkHooks(settings, etcDir, link), pidFiles);
    }

    /** The session of this attempt, over HDLC on the line, with the interface as its IP side. */
    Behavior<PeerSession.Command> session(SessionSettings sessionSettings, ActorRef<PeerSession.Event> parent) {
        HdlcLink hdlc = new HdlcLink(new HdlcSettings(), new Counters<>(HdlcCounter.class));
        return PeerSession.create(sessionSettings, hdlc.over(line.endpoint().flow()), iface.tun().flow(), parent);
    }

    /**
     * A network protocol is up: for IPCP the interface is configured at once (before the peer's
     * first datagrams arrive), the rest goes to the hooks' thread. An interface that cannot be
     * configured is a RuntimeException for the caller, which ends the link.
     */
    void up(UpDetails up) {
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

    void down(PppProtocol ncp) {
        if (ncp.equals(PppProtocol.IPCP)) {
            hooks.ipcpDown();
            iface.down();
        } else if (ncp.equals(PppProtocol.IPV6CP)) {
            hooks.ipv6cpDown();
        }
    }

    /** We authenticated the peer: auth-up. */
    void peerAuthenticated(String peerName) {
        hooks.peerAuthenticated(peerName);
    }

    /** The link went down (before its network protocols): auth-down. */
    void linkDown() {
        hooks.linkDown();
    }

    String ifname() {
        return iface.name();
    }

    /** Blocks for the scripts, the linger and the disconnect script: call it off actor threads. */
    void close() {
        try {
            hooks.linkTerminated();
            hooks.finish(CHILD_WAIT);
        } finally {
            hooks.close();
            pidFiles.close();
            iface.close();
            linger();
            line.endpoint().close();
            DeviceScripts.disconnect(settings.device().disconnect(), line.connectDevice());
        }
    }

    private static void linger() {
        try {
            Thread.sleep(LINGER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
