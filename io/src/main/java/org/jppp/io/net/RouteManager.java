package org.jppp.io.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.config.IpcpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code defaultroute}, {@code defaultroute-metric} and {@code replacedefaultroute} options
 * (pppd(8)), applied with {@code ip -4 route} in the network namespace of its {@link IpCommand}.
 *
 * <p>As in pppd 2.4.9's {@code sifdefaultroute}, the route jppp adds goes through the interface
 * with no gateway. An existing default route through another interface blocks it: any one when
 * the metric is 0 (jppp's default, standing for pppd's default of -1, "no default route at all"),
 * else one with the same metric. A blocking route is kept, with pppd's error, unless
 * {@code replacedefaultroute} is set; then it is deleted and put back when the link goes down.
 */
public final class RouteManager {
    private static final List<String> GONE = List.of("No such process", "Cannot find device");

    private final IpCommand ip;
    private final Logger log;

    public RouteManager(IpCommand ip) {
        this(ip, LoggerFactory.getLogger(RouteManager.class));
    }

    RouteManager(IpCommand ip, Logger log) {
        this.ip = ip;
        this.log = log;
    }

    /** The IPv4 default routes of the main table, in the kernel's order. */
    public List<Route> defaultRoutes() throws RouteException {
        IpCommand.Result listed = ip.run("-4", "route", "show", "default");
        if (!listed.ok()) {
            throw new RouteException("cannot read the routing table: " + listed.describe());
        }
        List<Route> routes = new ArrayList<>();
        listed.stdout().lines().forEach(line -> Route.parseDefault(line).ifPresent(routes::add));
        return routes;
    }

    /** Applies the IPCP settings' default-route options once IPCP is up on {@code ifname}. */
    public DefaultRouteState setDefaultRoute(String ifname, IpcpSettings ipcp) throws RouteException {
        if (!ipcp.defaultroute()) {
            return DefaultRouteState.unchanged(ifname, ipcp.defaultrouteMetric());
        }
        return setDefaultRoute(ifname, ipcp.defaultrouteMetric(), ipcp.replacedefaultroute());
    }

    /** Adds a default route through {@code ifname} unless another one blocks it and may not be replaced. */
    public DefaultRouteState setDefaultRoute(String ifname, int metric, boolean replace) throws RouteException {
        Optional<Route> blocking = defaultRoutes().stream()
                .filter(r -> !r.isThrough(ifname))
                .filter(r -> metric == 0 || r.metric() == metric)
                .findFirst();
        if (blocking.isPresent() && !replace) {
            Route old = blocking.get();
            // pppd prints its own metric setting, whose default is -1.
            int pppdMetric = metric == 0 ? -1 : metric;
            log.error(old.via().map(v -> "not replacing existing default route via " + v)
                    .orElse("not replacing existing default route through " + old.dev().orElse("?"))
                    + " with metric " + pppdMetric);
            return DefaultRouteState.unchanged(ifname, metric);
        }
        if (blocking.isPresent()) {
            log.info("replacing old default route to {} [{}]", blocking.get().dev().orElse("?"), gateway(blocking.get()));
            change("del old default route", "del", blocking.get().arguments());
        }
        IpCommand.Result added = ip.run(command("add", ours(ifname, metric)));
        if (!added.ok()) {
            if (blocking.isPresent()) {
                change("restore default route", "add", blocking.get().arguments());
            }
            throw new RouteException("default route: " + added.describe());
        }
        return new DefaultRouteState(ifname, metric, true, blocking);
    }

    /**
     * Removes the route {@code state} added and puts back the one it replaced. A route that is
     * already gone (the interface was deleted, taking its routes) is not an error, as in pppd.
     */
    public void clearDefaultRoute(DefaultRouteState state) throws RouteException {
        if (!state.added()) {
            return;
        }
        IpCommand.Result deleted = ip.run(command("del", ours(state.ifname(), state.metric())));
        if (!deleted.ok() && GONE.stream().noneMatch(deleted.stderr()::contains)) {
            throw new RouteException("default route: " + deleted.describe());
        }
        if (state.replaced().isPresent()) {
            Route old = state.replaced().get();
            log.info("restoring old default route to {} [{}]", old.dev().orElse("?"), gateway(old));
            change("restore default route", "add", old.arguments());
        }
    }

    private void change(String what, String verb, List<String> route) throws RouteException {
        IpCommand.Result result = ip.run(command(verb, route));
        if (!result.ok()) {
            throw new RouteException(what + ": " + result.describe());
        }
    }

    private static List<String> ours(String ifname, int metric) {
        return List.of("default", "dev", ifname, "metric", Integer.toString(metric));
    }

    private static String[] command(String verb, List<String> route) {
        List<String> args = new ArrayList<>(List.of("-4", "route", verb));
        args.addAll(route);
        return args.toArray(String[]::new);
    }

    /** pppd prints a device route's gateway as 0.0.0.0. */
    private static String gateway(Route route) {
        return route.via().orElse("0.0.0.0");
    }
}
