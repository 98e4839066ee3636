package org.jppp.actors.session;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jppp.protocol.wire.PppProtocol;

/**
 * What the layers above need when a network protocol comes up, independent of any interface:
 * the caller configures the interface, routes and DNS and runs ip-up from it.
 *
 * @param ncp                IPCP or IPV6CP
 * @param local              our IPv4 address (IPCP)
 * @param remote             the peer's IPv4 address (IPCP)
 * @param dns                DNS servers the peer gave us, primary first (IPCP, RFC 1877)
 * @param localInterfaceId   our IPv6 Interface-Identifier (IPv6CP)
 * @param remoteInterfaceId  the peer's IPv6 Interface-Identifier (IPv6CP)
 * @param mru                what we receive: our acked MRU, else 1500
 * @param mtu                what we send: the peer's MRU, capped by the {@code mtu} option
 * @param peerName           the name the peer authenticated with, if it did
 */
public record UpDetails(PppProtocol ncp, Optional<Inet4Address> local, Optional<Inet4Address> remote,
                        List<Inet4Address> dns, OptionalLong localInterfaceId, OptionalLong remoteInterfaceId,
                        int mru, int mtu, Optional<String> peerName) {
    public UpDetails {
        dns = List.copyOf(dns);
    }
}
