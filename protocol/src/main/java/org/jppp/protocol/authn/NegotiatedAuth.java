package org.jppp.protocol.authn;

import java.util.Objects;
import java.util.Optional;
import org.jppp.protocol.wire.lcp.LcpOption;

/**
 * What LCP settled about authentication, one method per direction (RFC 1661 §6.2: each end names
 * the protocol it wants to authenticate the other with in its own Configure-Request).
 *
 * @param withPeer the method we must authenticate ourselves with: the peer's Authentication-Protocol
 *                 option that we acked; empty when the peer asked for none
 * @param ofPeer   the method we authenticate the peer with: our option that the peer acked
 */
public record NegotiatedAuth(Optional<AuthMethod> withPeer, Optional<AuthMethod> ofPeer) {
    public static final NegotiatedAuth NONE = new NegotiatedAuth(Optional.empty(), Optional.empty());

    public NegotiatedAuth {
        Objects.requireNonNull(withPeer, "withPeer");
        Objects.requireNonNull(ofPeer, "ofPeer");
    }

    /**
     * From the acked options.
     *
     * @throws IllegalArgumentException if LCP acked a method we do not implement (an LCP bug)
     */
    public static NegotiatedAuth fromLcp(Optional<LcpOption.AuthProtocol> weAcked,
            Optional<LcpOption.AuthProtocol> peerAcked) {
        return new NegotiatedAuth(weAcked.map(NegotiatedAuth::method), peerAcked.map(NegotiatedAuth::method));
    }

    private static AuthMethod method(LcpOption.AuthProtocol option) {
        return AuthMethod.of(option)
                .orElseThrow(() -> new IllegalArgumentException("LCP acked an unimplemented method: " + option.trace()));
    }

    public Optional<AuthMethod> method(Role role) {
        return role == Role.AUTHENTICATEE ? withPeer : ofPeer;
    }
}
