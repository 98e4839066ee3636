package org.jppp.actors.cp;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jppp.protocol.cp.LcpValues;

/**
 * What a control protocol negotiated, copied out of its option handler when the layer opens so
 * that other actors never touch the handler.
 */
public sealed interface Negotiated {

    /** @param ours what the peer acked for our side; @param his what we acked for the peer's side */
    record Lcp(LcpValues ours, LcpValues his) implements Negotiated { }

    /** Addresses from IPCP (RFC 1332) and the DNS servers the peer gave us (RFC 1877), primary first. */
    record Ipcp(Optional<Inet4Address> local, Optional<Inet4Address> remote, List<Inet4Address> dns)
            implements Negotiated {
        public Ipcp {
            dns = List.copyOf(dns);
        }
    }

    /** Interface-Identifiers from IPv6CP (RFC 5072 §4.1). */
    record Ipv6cp(OptionalLong local, OptionalLong remote) implements Negotiated { }
}
