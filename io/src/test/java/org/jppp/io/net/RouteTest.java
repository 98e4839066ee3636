package org.jppp.io.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines of {@code ip -4 route show default} and the arguments that recreate them. */
class RouteTest {

    @Test
    void parsesEveryKeptFieldAndDropsKernelState() {
        Route route = Route.parseDefault("default via 192.0.2.1 dev eth0 proto dhcp src 192.0.2.2 metric 100 onlink "
                + "linkdown").orElseThrow();
        assertEquals(new Route(Optional.of("192.0.2.1"), Optional.of("eth0"), Optional.of("dhcp"),
                Optional.of("192.0.2.2"), 100, true), route);
        assertEquals(List.of("default", "via", "192.0.2.1", "dev", "eth0", "proto", "dhcp", "src", "192.0.2.2",
                "metric", "100", "onlink"), route.arguments());
    }

    @Test
    void deviceRouteWithScope_hasNoGatewayAndMetricZero() {
        Route route = Route.parseDefault("default dev ppp0 scope link ").orElseThrow();
        assertEquals(List.of("default", "dev", "ppp0", "metric", "0"), route.arguments());
        assertEquals(true, route.isThrough("ppp0"));
    }

    @Test
    void otherLines_areNotDefaultRoutes() {
        assertEquals(Optional.empty(), Route.parseDefault("10.0.0.0/8 dev eth0 scope link"));
        assertEquals(Optional.empty(), Route.parseDefault(""));
    }
}
