package org.jppp.io.packet;

import org.jppp.protocol.pppoe.MacAddress;

/**
 * A session frame arrived from {@code peer} with a SESSION_ID we have no session for: typically
 * the peer kept a session we forgot (we restarted). The caller may answer with a PADT for that
 * id so that the peer starts discovery over instead of waiting for its LCP echoes to fail.
 */
public record UnknownSession(MacAddress peer, int sessionId) {}
