package org.jppp.io.packet;

import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.PppoeDiscovery;

/**
 * A received discovery packet with the Ethernet header it came in: the source MAC is the peer
 * to answer (a PADO goes back to the PADI's sender, RFC 2516 §5.2), and the destination tells a
 * broadcast PADI from a unicast packet.
 */
public record DiscoveryFrame(EthernetHeader ethernet, PppoeDiscovery packet) {}
