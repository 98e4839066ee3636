package org.jppp.protocol.pppoe.discovery;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.MacAddress;

/**
 * A session the access concentrator granted in a PADS (RFC 2516 §5.4).
 *
 * @param sessionId      1..0xFFFE, unique among the sessions in use
 * @param client         the host's MAC address
 * @param serviceName    the service granted (empty: the default service)
 * @param hostUniq       the host's Host-Uniq, if it sent one
 * @param maxPayload     the RFC 4638 PPP-Max-Payload granted in the PADS, if the host asked
 *                       for more than 1492 and the interface can carry more
 * @param relaySessionId the Relay-Session-Id of the exchange, if a relay added one
 */
public record ServerSession(
        int sessionId,
        MacAddress client,
        String serviceName,
        Optional<ByteString> hostUniq,
        OptionalInt maxPayload,
        Optional<ByteString> relaySessionId) {

    public ServerSession {
        if (sessionId < 1 || sessionId > 0xFFFE) {
            throw new IllegalArgumentException("PPPoE session id must be 1..0xFFFE: " + sessionId);
        }
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(hostUniq, "hostUniq");
        Objects.requireNonNull(maxPayload, "maxPayload");
        Objects.requireNonNull(relaySessionId, "relaySessionId");
    }
}
