package org.jppp.protocol.cp;

import java.net.Inet4Address;
import java.util.List;
import org.jppp.protocol.wire.Ipv4;

/**
 * What IPCP is configured to negotiate (RFC 1332, RFC 1877); the options-file layer maps pppd's
 * options onto it.
 *
 * @param local        our address, 0.0.0.0 to ask the peer for one (pppd {@code local:} part, or
 *                     {@code noipdefault})
 * @param remote       the address we assign to the peer, 0.0.0.0 for none ({@code :remote} part)
 * @param acceptLocal  take the peer's idea of our address even though we have one
 *                     ({@code ipcp-accept-local}); implied when {@code local} is 0.0.0.0
 * @param acceptRemote take the peer's idea of its address even though we have one
 *                     ({@code ipcp-accept-remote}); implied when {@code remote} is 0.0.0.0
 * @param usePeerDns   ask the peer for DNS servers ({@code usepeerdns})
 * @param dnsServers   the DNS servers we hand out, at most two ({@code ms-dns}, given twice)
 */
public record IpcpSettings(Inet4Address local, Inet4Address remote, boolean acceptLocal, boolean acceptRemote,
                           boolean usePeerDns, List<Inet4Address> dnsServers) {

    /** A client that asks for everything: {@code noipdefault usepeerdns}. */
    public static final IpcpSettings CLIENT = new IpcpSettings(Ipv4.ANY, Ipv4.ANY, false, false, true, List.of());

    public IpcpSettings {
        dnsServers = List.copyOf(dnsServers);
        if (dnsServers.size() > 2) {
            throw new IllegalArgumentException("at most two ms-dns servers: " + dnsServers);
        }
    }

    /** A server that assigns {@code remote} and hands out {@code dns}. */
    public static IpcpSettings server(Inet4Address local, Inet4Address remote, List<Inet4Address> dns) {
        return new IpcpSettings(local, remote, false, false, false, dns);
    }

    /** Whether a Nak of our address is adopted. */
    boolean takesLocalFromPeer() {
        return acceptLocal || local.equals(Ipv4.ANY);
    }

    /** Whether the peer may choose its own address. */
    boolean takesRemoteFromPeer() {
        return acceptRemote || remote.equals(Ipv4.ANY);
    }
}
