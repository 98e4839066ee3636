package org.jppp.protocol.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Conversions between {@link Inet4Address} and its four wire octets, with no name lookups. */
public final class Ipv4 {
    /** 0.0.0.0: in IPCP it means "please assign me an address" (RFC 1332 §3.3, RFC 1877 §1). */
    public static final Inet4Address ANY = fromBytes(new byte[4]);

    private Ipv4() {
    }

    public static Inet4Address fromBytes(byte[] fourOctets) {
        if (fourOctets.length != 4) {
            throw new IllegalArgumentException("IPv4 address needs 4 octets, got " + fourOctets.length);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(fourOctets);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 octets are always an IPv4 address", e);
        }
    }

    /** Parses a dotted quad such as {@code 10.0.0.1}; never resolves a host name. */
    public static Inet4Address parse(String dottedQuad) {
        String[] parts = dottedQuad.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a dotted quad: " + dottedQuad);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("not a dotted quad: " + dottedQuad);
            }
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return fromBytes(b);
    }
}
