package org.jppp.protocol.authn;

import java.util.Objects;
import java.util.Optional;
import org.jppp.protocol.config.SecretsEntry;

/**
 * One direction of authentication succeeded.
 *
 * @param role    which direction
 * @param method  the protocol used
 * @param name    as authenticator: the name the peer authenticated as (pppd's {@code peer_authname},
 *                which IPCP's address check and the scripts' PEERNAME use); as authenticatee:
 *                the name we gave
 * @param entry   as authenticator: the secrets entry that vouched for the peer, whose address
 *                list IPCP checks later (auth.c auth_ip_addr); empty as authenticatee
 * @param message the text the authenticator sent with its verdict, if any
 */
public record AuthSuccess(Role role, AuthMethod method, String name, Optional<SecretsEntry> entry,
        Optional<String> message) {
    public AuthSuccess {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(message, "message");
    }
}
