package org.jppp.protocol.pppoe.discovery;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.MacAddress;

/**
 * A session the client obtained (RFC 2516 §5.4): what the PPP session stage and pppd's scripts
 * need ({@code MACREMOTE}, {@code ACNAME}) and what a later PADT must carry.
 *
 * @param sessionId      the SESSION_ID of the PADS, 1..0xFFFE
 * @param acMac          the access concentrator's MAC address
 * @param acName         the AC-Name of the PADO we chose
 * @param serviceName    the Service-Name of the PADS, else the one we asked for
 * @param maxPayload     the RFC 4638 PPP-Max-Payload both sides agreed on: present only when
 *                       we asked for more than 1492 and the AC echoed the tag; LCP may then
 *                       negotiate an MRU up to it ({@link org.jppp.protocol.pppoe.PppoeConstants#maxMru})
 * @param hostUniq       our Host-Uniq, empty when none was used
 * @param cookie         the AC-Cookie we echoed, if any
 * @param relaySessionId the Relay-Session-Id of the exchange, if any
 */
public record ClientSession(
        int sessionId,
        MacAddress acMac,
        String acName,
        String serviceName,
        OptionalInt maxPayload,
        ByteString hostUniq,
        Optional<ByteString> cookie,
        Optional<ByteString> relaySessionId) {

    public ClientSession {
        Objects.requireNonNull(acMac, "acMac");
        Objects.requireNonNull(acName, "acName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(maxPayload, "maxPayload");
        Objects.requireNonNull(hostUniq, "hostUniq");
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(relaySessionId, "relaySessionId");
    }
}
