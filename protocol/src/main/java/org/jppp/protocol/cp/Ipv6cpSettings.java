package org.jppp.protocol.cp;

/**
 * What IPv6CP is configured to negotiate (RFC 5072); pppd's {@code ipv6 <local>,<remote>}.
 *
 * @param localIdentifier  our Interface-Identifier, 0 to pick a random one per negotiation
 * @param remoteIdentifier the identifier we suggest to a peer that has none, 0 for a random one
 */
public record Ipv6cpSettings(long localIdentifier, long remoteIdentifier) {
    public static final Ipv6cpSettings RANDOM = new Ipv6cpSettings(0, 0);
}
