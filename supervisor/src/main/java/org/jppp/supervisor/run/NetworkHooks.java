package org.jppp.supervisor.run;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.UpDetails;
import org.jppp.io.hooks.LinkParameters;
import org.jppp.io.hooks.Script;
import org.jppp.io.hooks.ScriptEnvironment;
import org.jppp.io.hooks.ScriptRunner;
import org.jppp.io.hooks.UpDownScripts;
import org.jppp.io.net.DefaultRouteState;
import org.jppp.io.net.IpCommand;
import org.jppp.io.net.ResolvConf;
import org.jppp.io.net.RouteException;
import org.jppp.io.net.RouteManager;
import org.jppp.protocol.config.IpcpSettings;
import org.jppp.protocol.config.PppdSettings;

/**
 * What pppd does around the link's protocols coming up and going down, besides the interface
 * itself, in pppd 2.4.9's order: the {@code usepeerdns} resolv.conf, ip-pre-up (waited for)
 * before the interface is brought up, the {@code defaultroute} and ip-up (ipcp_up); the link
 * statistics, ip-down and the route removed (ipcp_down); ipv6-up/ipv6-down (ipv6cp_up/down);
 * auth-up when the Network phase starts after we authenticated the peer (network_phase) and
 * auth-down when the link goes down (link_down, before the network protocols are lowered).
 *
 * <p>Statistics (pppd's update_link_stats/print_link_stats): the connect time counts from the
 * first network protocol up; the byte counts are the interface's own counters
 * ({@code /sys/class/net/IF/statistics}), read as the link goes down, less what they were when the
 * first network protocol came up (the kernel never resets them, and the interface outlives the
 * session: redials, the {@link UnitCache}): what the kernel sent into the TUN device went to the
 * peer ({@code tx_bytes}), what we wrote into it came from the peer ({@code rx_bytes}). Those are
 * IP datagram bytes, as the counters of pppd's ppp unit are, without PPP's framing. They go into CONNECT_TIME, BYTES_SENT and BYTES_RCVD for ip-down,
 * ipv6-down and auth-down, and are logged once ({@code Connect time 0.1 minutes.},
 * {@code Sent 588 bytes, received 588 bytes.}) when IPCP goes down, or at the end of the link.
 *
 * <p>These fork {@code ip} and scripts, so they run on one thread of their own, in the order the
 * events came, and never on an actor's thread. Failures are logged as pppd logs them and do not
 * end the link.
 */
final class NetworkHooks implements AutoCloseable {
    private static final long IDLE_SECONDS = 5;

    /**
     * At most one thread, ending after a few idle seconds: the events stay in order, and a daemon
     * with many sessions up holds no thread per session once their hooks have run.
     */
    private final ExecutorService worker = idleEndingThread();
    private final IpcpSettings ipcp;
    private final LinkParameters link;
    private final ScriptRunner runner;
    private final ScriptEnvironment env;
    private final UpDownScripts ipScripts;
    private final UpDownScripts ipv6Scripts;
    private final UpDownScripts authScripts;
    private final ResolvConf resolvConf;
    private final RouteManager routes = new RouteManager(IpCommand.inCurrentNamespace());
    private Optional<DefaultRouteState> route = Optional.empty();
    private final boolean demand;
    private List<String> ipArguments = List.of();
    private List<String> ipv6Arguments = List.of();
    private List<String> authArguments = List.of();
    /** When the first network protocol came up (pppd's reset_link_stats); read on the caller's thread. */
    private Optional<Instant> connected = Optional.empty();
    /** The interface's counters when the first network protocol came up. */
    private LinkCounters baseline = LinkCounters.NONE;
    /** Statistics taken and not yet logged (pppd's link_stats_valid). */
    private Optional<Statistics> unlogged = Optional.empty();

    NetworkHooks(PppdSettings settings, Path etcDir, LinkParameters link) {
        this.ipcp = settings.ipcp();
        // With demand the default route was added, and ip-pre-up run, with the interface, up
        // front (pppd's ip_demand_conf).
        this.demand = settings.link().demand();
        this.link = link;
        this.runner = new ScriptRunner(etcDir);
        this.env = ScriptEnvironment.initial(settings, link, Optional.empty());
        this.ipScripts = new UpDownScripts(runner, Script.IP_UP, Script.IP_DOWN, env);
        this.ipv6Scripts = new UpDownScripts(runner, Script.IPV6_UP, Script.IPV6_DOWN, env);
        this.authScripts = new UpDownScripts(runner, Script.AUTH_UP, Script.AUTH_DOWN, env);
        this.resolvConf = new ResolvConf(etcDir);
    }

    /**
     * Whether an ip-pre-up script is there: the caller then leaves the interface down and lets
     * {@link #ipcpUp} bring it up once the script has finished.
     */
    boolean hasIpPreUp() {
        return Files.exists(runner.path(Script.IP_PRE_UP));
    }

    /**
     * IPCP is up and the interface has its addresses; {@code bringUp} brings it up (a no-op when
     * the caller did already, with no ip-pre-up script). pppd runs ip-pre-up with ip-up's
     * arguments and environment and waits for it; so does this, on the hooks' thread. With
     * {@code demand} the interface was up already and ip-pre-up ran when it was configured
     * (pppd's ip_demand_conf; its ipcp_up runs ip-pre-up only without demand).
     */
    void ipcpUp(UpDetails up, Runnable bringUp) {
        started();
        worker.execute(() -> {
            Inet4Address local = up.local().orElseThrow();
            up.peerName().ifPresent(env::peerAuthenticated);
            env.ipcpUp(local, up.remote(), up.dns(), ipcp.usepeerdns());
            if (ipcp.usepeerdns() && !up.dns().isEmpty()) {
                writeResolvConf(up.dns());
            }
            ipArguments = link.ipArguments(local, up.remote());
            if (!demand && hasIpPreUp()) {
                runner.run(Script.IP_PRE_UP, ipArguments, env).join();
            }
            try {
                bringUp.run();
            } catch (RuntimeException e) {
                PppdLog.LOG.error("Couldn't bring {} up: {}", link.ifname(), e.getMessage());
            }
            try {
                if (!demand) {
                    route = Optional.of(routes.setDefaultRoute(link.ifname(), ipcp));
                }
            } catch (RouteException e) {
                PppdLog.LOG.warn(e.getMessage());
            }
            ipScripts.up(ipArguments);
        });
    }

    /** IPV6CP is up: ipv6-up with the link-local addresses (LLLOCAL, LLREMOTE). */
    void ipv6cpUp(UpDetails up) {
        started();
        worker.execute(() -> {
            long local = up.localInterfaceId().orElseThrow();
            long remote = up.remoteInterfaceId().orElse(0L);
            up.peerName().ifPresent(env::peerAuthenticated);
            env.ipv6cpUp(local, remote);
            ipv6Arguments = link.ipv6Arguments(local, remote);
            ipv6Scripts.up(ipv6Arguments);
        });
    }

    /** IPV6CP went down: statistics taken (pppd's ipv6cp_down), then ipv6-down. */
    void ipv6cpDown() {
        Optional<Statistics> stats = takeStatistics();
        worker.execute(() -> {
            withStatistics(stats);
            ipv6Scripts.down(ipv6Arguments);
        });
    }

    /** We authenticated the peer and the Network phase starts: auth-up. */
    void peerAuthenticated(String peerName) {
        worker.execute(() -> {
            env.peerAuthenticated(peerName);
            authArguments = link.authArguments(peerName, ScriptEnvironment.userName());
            authScripts.up(authArguments);
        });
    }

    /** The link went down: statistics taken, then auth-down if auth-up ran (pppd's link_down). */
    void linkDown() {
        Optional<Statistics> stats = takeStatistics();
        worker.execute(() -> {
            withStatistics(stats);
            authScripts.down(authArguments);
        });
    }

    /** IPCP went down: statistics taken and logged (pppd's ipcp_down), then ip-down. */
    void ipcpDown() {
        Optional<Statistics> stats = takeStatistics();
        logStatistics();
        worker.execute(() -> {
            withStatistics(stats);
            ipScripts.down(ipArguments);
            route.ifPresent(this::clearRoute);
            route = Optional.empty();
        });
    }

    /**
     * The session finished: statistics not logged yet are logged now (pppd's link_terminated),
     * e.g. when only IPV6CP was up.
     */
    void linkTerminated() {
        logStatistics();
    }

    /** Waits for pending hooks and scripts (pppd waits for its children before exiting). */
    void finish(Duration childWait) {
        CompletableFuture<Void> settled = CompletableFuture.supplyAsync(
                () -> CompletableFuture.allOf(ipScripts.settled(), ipv6Scripts.settled(), authScripts.settled()), worker)
                .thenCompose(f -> f);
        settled.completeOnTimeout(null, childWait.toMillis(), TimeUnit.MILLISECONDS).join();
        runner.shutdown(childWait).join();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static ExecutorService idleEndingThread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "jppp-hooks");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * pppd's reset_link_stats, once per session: the connect time starts and the counters'
     * baseline is taken. Called before the interface passes packets for the session.
     */
    synchronized void started() {
        if (connected.isEmpty()) {
            connected = Optional.of(Instant.now());
            baseline = LinkCounters.read(link.ifname());
        }
    }

    /** pppd's update_link_stats: only once something came up; the variables are for the next scripts. */
    private synchronized Optional<Statistics> takeStatistics() {
        Optional<Statistics> taken = connected.map(start -> {
            LinkCounters now = LinkCounters.read(link.ifname()).since(baseline);
            return new Statistics(Duration.between(start, Instant.now()).toSeconds(), now.txBytes(), now.rxBytes());
        });
        // The script environment is only changed on the hooks' thread, right before the down
        // script of the same event starts, so a later event cannot overtake it.
        taken.ifPresent(stats -> unlogged = taken);
        return taken;
    }

    /**
     * The down script of an event gets the statistics taken at that event, even when a later
     * event (IPV6CP going down after IPCP) took newer ones before the hooks' thread ran it.
     */
    private synchronized void withStatistics(Optional<Statistics> stats) {
        stats.ifPresent(s -> env.linkStatistics(s.seconds(), s.sent(), s.received()));
    }

    /** pppd's print_link_stats: the connect time in tenths of minutes, rounded. */
    private synchronized void logStatistics() {
        unlogged.ifPresent(stats -> {
            long tenths = (stats.seconds() + 5) / 6;
            PppdLog.LOG.info("Connect time {}.{} minutes.", tenths / 10, tenths % 10);
            PppdLog.LOG.info("Sent {} bytes, received {} bytes.", stats.sent(), stats.received());
        });
        unlogged = Optional.empty();
    }

    private record Statistics(long seconds, long sent, long received) {}

    private void writeResolvConf(List<Inet4Address> dns) {
        try {
            resolvConf.write(dns);
        } catch (IOException e) {
            PppdLog.LOG.warn(e.getMessage());
        }
    }

    private void clearRoute(DefaultRouteState state) {
        try {
            routes.clearDefaultRoute(state);
        } catch (RouteException e) {
            PppdLog.LOG.warn(e.getMessage());
        }
    }
}
