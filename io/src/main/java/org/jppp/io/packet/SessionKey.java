package org.jppp.io.packet;

import org.jppp.protocol.pppoe.MacAddress;

/**
 * What identifies a PPPoE session on one interface (RFC 2516 §4): the peer's MAC address and the
 * SESSION_ID together, since two access concentrators may hand out the same id.
 */
record SessionKey(MacAddress peer, int sessionId) {}
