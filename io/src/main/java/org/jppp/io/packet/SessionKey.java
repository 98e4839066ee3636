package org.jppp.io.packet;

import org.jppp.protocol.pppoe.MacAddress;

/**
 * What identifies a PPPoE session on one interface (RFC 2516 §4): the peer's MAC address and the
 * SESSION_ID together, since two access concentrators may hand out the same id; and our own
 * address in it, since sessions on one interface may each use a source MAC of their own.
 */
record SessionKey(MacAddress local, MacAddress peer, int sessionId) {}
