package org.jppp.supervisor.run;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * What pppd does around IPCP coming up and going down, besides the interface itself: the
 * {@code usepeerdns} resolv.conf, the {@code defaultroute}, and the ip-up/ip-down scripts, in
 * pppd's order (ipcp_up: resolv.conf, route, ip-up; ipcp_down: ip-down, route removed).
 *
 * <p>These fork {@code ip} and scripts, so they run on one thread of their own, in the order the
 * events came, and never on an actor's thread. Failures are logged as pppd logs them and do not
 * end the link.
 */
final class NetworkHooks implements AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jppp-hooks");
        t.setDaemon(true);
        return t;
    });
    private final IpcpSettings ipcp;
    private final LinkParameters link;
    private final ScriptRunner runner;
    private final ScriptEnvironment env;
    private final UpDownScripts ipScripts;
    private final ResolvConf resolvConf;
    private final RouteManager routes = new RouteManager(IpCommand.inCurrentNamespace());
    private Optional<DefaultRouteState> route = Optional.empty();
    private List<String> ipArguments = List.of();

    NetworkHooks(PppdSettings settings, Path etcDir, LinkParameters link) {
        this.ipcp = settings.ipcp();
        this.link = link;
        this.runner = new ScriptRunner(etcDir);
        this.env = ScriptEnvironment.initial(settings, link, Optional.empty());
        this.ipScripts = new UpDownScripts(runner, Script.IP_UP, Script.IP_DOWN, env);
        this.resolvConf = new ResolvConf(etcDir);
    }

    /** IPCP is up and the interface configured. */
    void ipcpUp(UpDetails up) {
        worker.execute(() -> {
            Inet4Address local = up.local().orElseThrow();
            up.peerName().ifPresent(env::peerAuthenticated);
            env.ipcpUp(local, up.remote(), up.dns(), ipcp.usepeerdns());
            if (ipcp.usepeerdns() && !up.dns().isEmpty()) {
                writeResolvConf(up.dns());
            }
            try {
                route = Optional.of(routes.setDefaultRoute(link.ifname(), ipcp));
            } catch (RouteException e) {
                PppdLog.LOG.warn(e.getMessage());
            }
            ipArguments = link.ipArguments(local, up.remote());
            ipScripts.up(ipArguments);
        });
    }

    /** IPCP went down. */
    void ipcpDown() {
        worker.execute(() -> {
            ipScripts.down(ipArguments);
            route.ifPresent(this::clearRoute);
            route = Optional.empty();
        });
    }

    /** Waits for pending hooks and scripts (pppd waits for its children before exiting). */
    void finish(Duration childWait) {
        CompletableFuture<Void> settled = CompletableFuture.supplyAsync(ipScripts::settled, worker)
                .thenCompose(f -> f);
        settled.completeOnTimeout(null, childWait.toMillis(), TimeUnit.MILLISECONDS).join();
        runner.shutdown(childWait).join();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

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
