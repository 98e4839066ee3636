package org.jppp.io.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jppp.io.hooks.RecordingLogger;
import org.jppp.protocol.config.ControlCounters;
import org.jppp.protocol.config.IpcpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * defaultroute / replacedefaultroute / defaultroute-metric against a real routing table, in a
 * network namespace of its own with a LAN interface (lan0, default route via 192.0.2.1) and a
 * stand-in for the PPP interface (ppp0); both are veth pairs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteManagerTest {
    private final String namespace = "jppp-rt-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    private final IpCommand host = IpCommand.inCurrentNamespace();
    private final IpCommand inside = new IpCommand(List.of("ip", "netns", "exec", namespace, "ip"));
    private RecordingLogger log;
    private RouteManager routes;

    @BeforeAll
    void createNamespace() throws RouteException {
        must(host, "netns", "add", namespace);
        must(inside, "link", "add", "lan0", "type", "veth", "peer", "name", "lan0p");
        must(inside, "addr", "add", "192.0.2.2/24", "dev", "lan0");
        must(inside, "link", "set", "lan0", "up");
        must(inside, "link", "set", "lan0p", "up");
    }

    @AfterAll
    void deleteNamespace() throws RouteException {
        host.run("netns", "del", namespace);
    }

    @BeforeEach
    void resetRoutes() throws RouteException {
        log = new RecordingLogger();
        routes = new RouteManager(inside, log.logger());
        if (!inside.run("link", "show", "ppp0").ok()) {
            must(inside, "link", "add", "ppp0", "type", "veth", "peer", "name", "ppp0p");
            must(inside, "link", "set", "ppp0", "up");
            must(inside, "link", "set", "ppp0p", "up");
        }
        for (Route route : routes.defaultRoutes()) {
            must(inside, concat("-4", "route", "del", route.arguments()));
        }
    }

    private static void must(IpCommand ip, String... args) throws RouteException {
        IpCommand.Result result = ip.run(args);
        assertTrue(result.ok(), result.describe());
    }

    private static String[] concat(String a, String b, String c, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(a, b, c));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    private void existing(String... route) throws RouteException {
        must(inside, concat("-4", "route", "add", List.of(route)));
    }

    private List<String> table() throws RouteException {
        return inside.run("-4", "route", "show", "default").stdout().lines().map(String::strip).toList();
    }

    private static IpcpSettings ipcp(boolean defaultroute, boolean replace, int metric) {
        return new IpcpSettings(true, Optional.empty(), Optional.empty(), false, false, false, defaultroute, replace,
                metric, false, List.of(), List.of(), Optional.empty(), false, new ControlCounters("ipcp", 3, 10, 2, 5));
    }

    @Test
    void noDefaultRoute_addsOneThroughTheLinkAndRemovesItOnLinkDown() throws RouteException {
        DefaultRouteState state = routes.setDefaultRoute("ppp0", ipcp(true, false, 0));

        assertEquals(new DefaultRouteState("ppp0", 0, true, Optional.empty()), state);
        assertEquals(List.of("default dev ppp0 scope link"), table());
        routes.clearDefaultRoute(state);
        assertEquals(List.of(), table());
        assertEquals(List.of(), log.lines());
    }

    @Test
    void withoutDefaultroute_nothingChanges() throws RouteException {
        existing("default", "via", "192.0.2.1", "dev", "lan0");
        DefaultRouteState state = routes.setDefaultRoute("ppp0", ipcp(false, true, 0));
        assertFalse(state.added());
        routes.clearDefaultRoute(state);
        assertEquals(List.of("default via 192.0.2.1 dev lan0"), table());
    }

    @Test
    void existingRoute_isKeptWithPppdsMessage() throws RouteException {
        existing("default", "via", "192.0.2.1", "dev", "lan0", "proto", "dhcp", "metric", "100");

        DefaultRouteState state = routes.setDefaultRoute("ppp0", ipcp(true, false, 0));

        assertFalse(state.added());
        assertEquals(List.of("default via 192.0.2.1 dev lan0 proto dhcp metric 100"), table());
        assertEquals(List.of("not replacing existing default route via 192.0.2.1 with metric -1"), log.at("ERROR"));
    }

    @Test
    void existingDeviceRoute_isNamedByItsInterface() throws RouteException {
        existing("default", "dev", "lan0");
        routes.setDefaultRoute("ppp0", 0, false);
        assertEquals(List.of("not replacing existing default route through lan0 with metric -1"), log.at("ERROR"));
    }

    @Test
    void replacedefaultroute_replacesTheRouteAndRestoresItExactly() throws RouteException {
        existing("default", "via", "192.0.2.1", "dev", "lan0", "proto", "dhcp", "src", "192.0.2.2", "metric", "100");
        List<String> before = table();

        DefaultRouteState state = routes.setDefaultRoute("ppp0", ipcp(true, true, 0));

        assertTrue(state.added());
        assertEquals(List.of("default dev ppp0 scope link"), table());
        routes.clearDefaultRoute(state);
        assertEquals(before, table());
        assertEquals(List.of("replacing old default route to lan0 [192.0.2.1]",
                "restoring old default route to lan0 [192.0.2.1]"), log.at("INFO"));
    }

    @Test
    void metric_isUsedAndOnlyARouteWithTheSameMetricBlocks() throws RouteException {
        existing("default", "via", "192.0.2.1", "dev", "lan0", "metric", "100");

        DefaultRouteState other = routes.setDefaultRoute("ppp0", 200, false);
        assertEquals(List.of("default via 192.0.2.1 dev lan0 metric 100", "default dev ppp0 scope link metric 200"),
                table());
        routes.clearDefaultRoute(other);

        DefaultRouteState same = routes.setDefaultRoute("ppp0", 100, false);
        assertFalse(same.added());
        assertEquals(List.of("not replacing existing default route via 192.0.2.1 with metric 100"), log.at("ERROR"));
        assertEquals(List.of("default via 192.0.2.1 dev lan0 metric 100"), table());
    }

    @Test
    void ourOwnOldRoute_doesNotBlock() throws RouteException {
        existing("default", "dev", "ppp0", "metric", "5");
        DefaultRouteState state = routes.setDefaultRoute("ppp0", 0, false);
        assertTrue(state.added());
        assertEquals(List.of(), log.at("ERROR"));
    }

    @Test
    void linkDown_afterTheInterfaceVanished_isNotAnError() throws RouteException {
        DefaultRouteState state = routes.setDefaultRoute("ppp0", 0, false);
        must(inside, "link", "del", "ppp0");
        routes.clearDefaultRoute(state);
        assertEquals(List.of(), table());
    }

    @Test
    void failures_areOneLineMessagesNamingTheCommand() {
        RouteException missing = assertThrows(RouteException.class, () -> routes.setDefaultRoute("nosuch0", 0, false));
        assertEquals("default route: ip netns exec " + namespace + " ip -4 route add default dev nosuch0 metric 0: "
                + "Cannot find device \"nosuch0\"", missing.getMessage());

        RouteManager noIp = new RouteManager(new IpCommand(List.of("/nonexistent/ip")));
        RouteException cannotRun = assertThrows(RouteException.class, noIp::defaultRoutes);
        assertTrue(cannotRun.getMessage().startsWith("cannot run /nonexistent/ip -4 route show default: "),
                cannotRun.getMessage());
    }
}
