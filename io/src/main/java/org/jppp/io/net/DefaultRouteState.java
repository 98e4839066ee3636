package org.jppp.io.net;

import java.util.Optional;

/**
 * What {@link RouteManager#setDefaultRoute} did, to be undone by
 * {@link RouteManager#clearDefaultRoute} when the link goes down: whether a default route through
 * {@code ifname} was added, and the route it displaced under {@code replacedefaultroute}.
 */
public record DefaultRouteState(String ifname, int metric, boolean added, Optional<Route> replaced) {

    /** Nothing was changed (no {@code defaultroute}, or an existing route was kept). */
    public static DefaultRouteState unchanged(String ifname, int metric) {
        return new DefaultRouteState(ifname, metric, false, Optional.empty());
    }
}
