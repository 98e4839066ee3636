package org.jppp.supervisor.run;

import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.Materializer;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.SessionSettings;
import org.jppp.actors.session.UpDetails;
import org.jppp.io.hooks.LinkParameters;
import org.jppp.io.hooks.Script;
import org.jppp.io.hooks.ScriptEnvironment;
import org.jppp.io.hooks.ScriptRunner;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.net.DefaultRouteState;
import org.jppp.io.net.IpCommand;
import org.jppp.io.net.RouteException;
import org.jppp.io.net.RouteManager;
import org.jppp.protocol.config.LoggingSettings;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.supervisor.peer.IdleProbe;
import org.jppp.supervisor.peer.SessionFactory;
import org.slf4j.MDC;
import org.jppp.supervisor.peer.TrafficTrigger;

/**
 * The {@link SessionFactory} of a run: each attempt of the {@link org.jppp.supervisor.peer.PeerSupervisor}
 * gets a freshly opened {@link Attempt} (line, connect script), as pppd reopens its device on
 * each pass of its main loop, over the peer's one {@link PppInterface}, kept across attempts and
 * closed by {@link #closeAll}. The first attempt may be opened by the caller beforehand, so
 * that its failures end the run with pppd's specific exit status (7, 8, 9); a later attempt that
 * cannot be opened is a session that finished at once with that status (a failed attempt for
 * maxfail, and the run's exit status if it is the last). It is also the
 * supervisor's {@link IdleProbe} and {@link TrafficTrigger}, both read from the interface.
 *
 * <p>Attempts are closed one after the other on a thread of their own (closing blocks for the
 * scripts and the linger), and a new one is opened only after the previous one is closed: the
 * device is free again, and the interface name too.
 */
public final class Attempts implements SessionFactory, IdleProbe, TrafficTrigger {
    private final PppdSettings settings;
    private final Path etcDir;
    private final EventLoop loop;
    private final SessionSettings sessionSettings;
    private final Connection.Opener opener;
    private final Map<Integer, Attempt> open = new ConcurrentHashMap<>();
    /** The MTU of a demand interface before the link negotiates one (pppd: PPP_MTU). */
    private static final int DEMAND_MTU = 1500;
    private final ExecutorService closer;
    private final PppInterface iface;
    private Attempt first;
    private final RouteManager routes = new RouteManager(IpCommand.inCurrentNamespace());
    /** The default route demand added up front, if any. */
    private volatile Optional<DefaultRouteState> demandRoute = Optional.empty();
    private CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);

    /**
     * @param iface the peer's interface (created up front for demand, else by the first attempt)
     * @param first the first attempt, opened by the caller; null to open it when the supervisor dials
     */
    Attempts(PppdSettings settings, Path etcDir, EventLoop loop, SessionSettings sessionSettings,
            Connection.Opener opener, PppInterface iface, Attempt first) {
        this(settings, etcDir, loop, sessionSettings, opener, iface, first, Map.of());
    }

    /**
     * For one peer of many in a process ({@code jpppd}): {@code first} may be null (the first
     * session then dials too), and the closing thread logs with {@code mdc} (the peer's name). The
     * closing thread ends when idle, so a daemon that starts and stops peers keeps no idle threads.
     */
    public Attempts(PppdSettings settings, Path etcDir, EventLoop loop, SessionSettings sessionSettings,
            Connection.Opener opener, PppInterface iface, Attempt first, Map<String, String> mdc) {
        ThreadPoolExecutor closing = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(() -> {
                        MDC.setContextMap(mdc);
                        r.run();
                    }, "jppp-close");
                    t.setDaemon(true);
                    return t;
                });
        closing.allowCoreThreadTimeOut(true);
        this.closer = closing;
        this.opener = opener;
        this.iface = iface;
        this.settings = settings;
        this.etcDir = etcDir;
        this.loop = loop;
        this.sessionSettings = sessionSettings;
        this.first = first;
    }

    /** Runs in the session's setup on the blocking dispatcher (see PeerSupervisor); blocks while a later attempt dials. */
    @Override
    public Behavior<PeerSession.Command> create(int attempt, ActorRef<PeerSession.Event> parent) {
        Attempt a = takeFirst();
        if (a == null) {
            closeAttempts().join();
            try {
                a = Attempt.open(settings, etcDir, loop, opener, iface);
            } catch (LinkSetupException e) {
                // pppd's main loop: the device or connect step failed, this pass ends with its
                // status (7, 8, ...) and persist goes on; a session that finished at once.
                PppdLog.LOG.error(e.getMessage());
                return Behaviors.setup(ctx -> {
                    parent.tell(new PeerSession.Finished(e.exitStatus(), e.getMessage()));
                    return Behaviors.stopped();
                });
            }
        }
        open.put(attempt, a);
        return a.session(sessionSettings, parent);
    }

    private synchronized Attempt takeFirst() {
        Attempt a = first;
        first = null;
        return a;
    }

    public void up(int attempt, UpDetails details) {
        Attempt a = open.get(attempt);
        if (a != null) {
            a.up(details);
        }
    }

    public void down(int attempt, PppProtocol ncp) {
        Attempt a = open.get(attempt);
        if (a != null) {
            a.down(ncp);
        }
    }

    public void peerAuthenticated(int attempt, String peerName) {
        Attempt a = open.get(attempt);
        if (a != null) {
            a.peerAuthenticated(peerName);
        }
    }

    public void linkDown(int attempt) {
        Attempt a = open.get(attempt);
        if (a != null) {
            a.linkDown();
        }
    }

    public String ifname(int attempt) {
        Attempt a = open.get(attempt);
        return a == null ? "?" : a.ifname();
    }

    /**
     * The attempt's session finished: close what it opened. Without demand, packets to the
     * interface are dropped until the next link; with demand the supervisor discards the queue
     * itself ({@link #discard}), ordered with its next wait.
     */
    public void finished(int attempt) {
        if (!settings.link().demand()) {
            iface.drop();
        }
        close(List.of(attempt));
    }

    /** Demand: a link ended; the supervisor says so before it holds off or waits again. */
    @Override
    public void discard() {
        iface.drop();
    }

    /**
     * The run's streams can start: the interface's IP side, if the interface exists already; with
     * demand the interface (created up front) gets its addresses and starts queueing now.
     */
    public void start(Materializer materializer) {
        iface.start(materializer);
        if (settings.link().demand()) {
            iface.configureForDemand(settings.ipcp().local(), settings.ipcp().remote(), DEMAND_MTU,
                    this::demandPreUp, this::setDemandRoute);
        }
    }

    /**
     * pppd's ip_demand_conf runs ip-pre-up, and waits for it, between giving the demand interface
     * its addresses and bringing it up: ip-up's arguments and environment with the placeholder
     * (or configured) addresses, and the device the options name (the Ethernet interface for
     * PPPoE), as pppd knows it before any dial.
     */
    private void demandPreUp(Inet4Address local, Inet4Address remote) {
        ScriptRunner runner = new ScriptRunner(etcDir);
        if (!Files.exists(runner.path(Script.IP_PRE_UP))) {
            return;
        }
        String device = settings.pppoe().enabled() ? settings.pppoe().nic().orElse("")
                : settings.device().device().orElse("");
        LinkParameters link = new LinkParameters(iface.name(), device, settings.device().speed().orElse(0),
                settings.identity().ipparam());
        ScriptEnvironment env = ScriptEnvironment.initial(settings, link, Optional.empty());
        env.ipcpUp(local, Optional.of(remote), List.of(), false);
        runner.run(Script.IP_PRE_UP, link.ipArguments(local, Optional.of(remote)), env).join();
    }

    /**
     * pppd's ip_demand_conf: with {@code defaultroute} the default route goes through the
     * interface from the start, so that traffic for it dials. It stays across links (pppd's
     * ipcp_down with demand leaves the interface configured) and is removed by {@link #closeAll}.
     * A route that cannot be added is logged, as at IPCP up, and the run goes on. Run again when
     * IPCP changes the interface's addresses (the kernel drops its routes with the old address).
     */
    private void setDemandRoute() {
        clearDemandRoute();
        try {
            demandRoute = Optional.of(routes.setDefaultRoute(iface.name(), settings.ipcp()));
        } catch (RouteException e) {
            PppdLog.LOG.warn(e.getMessage());
        }
    }

    private void clearDemandRoute() {
        Optional<DefaultRouteState> state = demandRoute;
        demandRoute = Optional.empty();
        try {
            if (state.isPresent()) {
                routes.clearDefaultRoute(state.get());
            }
        } catch (RouteException e) {
            PppdLog.LOG.warn(e.getMessage());
        }
    }

    /** Seconds since the last IP packet either way on the interface (0 before its first link). */
    @Override
    public long idleSeconds() {
        return iface.idleSeconds();
    }

    /** Demand: packets are queued from now on, and the first one worth a dial calls {@code onTraffic}. */
    @Override
    public void awaitTraffic(Runnable onTraffic) {
        iface.awaitTraffic(onTraffic);
    }

    /** Closes every attempt still open (and the first, if no session ever took it), then the interface. */
    public CompletableFuture<Void> closeAll() {
        return closeAttempts().thenRunAsync(() -> {
            // pppd's cleanup removes the default route before the interface goes.
            clearDemandRoute();
            iface.close();
        }, closer);
    }

    private CompletableFuture<Void> closeAttempts() {
        Attempt unused = takeFirst();
        if (unused != null) {
            open.put(0, unused);
        }
        return close(List.copyOf(open.keySet()));
    }

    private synchronized CompletableFuture<Void> close(List<Integer> attempts) {
        for (Integer n : attempts) {
            Attempt a = open.remove(n);
            if (a != null) {
                closed = closed.thenRunAsync(a::close, closer);
            }
        }
        return closed;
    }

    /** The run's logging settings ({@code updetach} leaves the terminal when the link is up). */
    LoggingSettings logging() {
        return settings.logging();
    }

    /** pppd's {@code up_sdnotify}: tell systemd when the link is up. */
    boolean upSdnotify() {
        return settings.logging().upSdnotify();
    }
}
