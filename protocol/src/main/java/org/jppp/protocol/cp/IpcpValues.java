package org.jppp.protocol.cp;

import java.net.Inet4Address;
import java.util.Optional;

/**
 * One side's IPCP option values: what we want, what we ask for (once acked: what the peer agreed
 * to), or what we acked for the peer. Empty means "not negotiated"; 0.0.0.0 means "asking".
 *
 * @param address IP-Address (RFC 1332 §3.3)
 * @param dns1    Primary-DNS-Server-Address (RFC 1877 §1.1)
 * @param dns2    Secondary-DNS-Server-Address (RFC 1877 §1.3)
 */
public record IpcpValues(Optional<Inet4Address> address, Optional<Inet4Address> dns1, Optional<Inet4Address> dns2) {
    public static final IpcpValues NONE = new IpcpValues(Optional.empty(), Optional.empty(), Optional.empty());

    public IpcpValues withAddress(Optional<Inet4Address> a) {
        return new IpcpValues(a, dns1, dns2);
    }

    public IpcpValues withDns1(Optional<Inet4Address> d) {
        return new IpcpValues(address, d, dns2);
    }

    public IpcpValues withDns2(Optional<Inet4Address> d) {
        return new IpcpValues(address, dns1, d);
    }
}
