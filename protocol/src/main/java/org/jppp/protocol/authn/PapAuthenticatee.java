package org.jppp.protocol.authn;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.PapPacket;

/**
 * PAP as the peer being authenticated (RFC 1334 §2.1, pppd upap.c client): send
 * Authenticate-Request with our name and password every pap-restart until an Ack or Nak answers
 * it, at most pap-max-authreq times.
 *
 * <p>Like pppd, each transmission carries a new Identifier. Only an Ack or Nak carrying the
 * Identifier of the latest request counts (RFC 1334 §2.2.2: the Identifier "MUST be copied from
 * the Identifier field of the Authenticate-Request which caused this reply"); a reply to an
 * earlier transmission is stale, and the reply to the latest one follows.
 */
public final class PapAuthenticatee extends MachineBase<PapPacket> {
    enum State { AUTHREQ, OPEN, BADAUTH }

    private final Octets user;
    private Secret password = Secret.empty();
    private int identifier;

    public PapAuthenticatee(AuthContext ctx) {
        super(ctx, Role.AUTHENTICATEE, AuthMethod.PAP, ctx.timers().papRestart(), ctx.timers().papMaxAuthreq());
        this.user = Octets.utf8(ctx.names().user());
        this.identifier = ctx.randomIdentifier();
    }

    @Override protected PapPacket parse(byte[] packet) throws MalformedPacketException {
        return PapPacket.parse(ByteBuffer.wrap(packet));
    }

    /**
     * pppd takes the password from {@code password}, else from pap-secrets for (user, remotename).
     * With neither, pppd would have refused PAP in LCP; we send an empty password, which fails.
     */
    @Override protected void onStart() {
        password = ctx.papSecrets().ownSecret(ctx.names().user(), ctx.names().remoteName().orElse(null))
                .orElse(Secret.empty());
        sendReliably(this::nextRequest);
        setState(State.AUTHREQ);
    }

    private PapPacket.AuthenticateRequest nextRequest() {
        identifier = (identifier + 1) & 0xFF;
        return new PapPacket.AuthenticateRequest(identifier, user, Octets.of(password.utf8()));
    }

    @Override protected void onPacket(PapPacket packet) {
        boolean reply = packet instanceof PapPacket.AuthenticateAck || packet instanceof PapPacket.AuthenticateNak;
        if (!reply) {
            drop("not a reply to our request: " + packet.trace());
            return;
        }
        if (!in(State.AUTHREQ) || packet.identifier() != identifier) {
            drop("unexpected or stale " + packet.trace());
            return;
        }
        Octets message = ((PapPacket.Reply) packet).message();
        if (!message.isEmpty()) {
            info("Remote message: " + PppdLog.v(message));
        }
        answered();
        if (packet instanceof PapPacket.AuthenticateAck) {
            setState(State.OPEN);
            notice("PAP authentication succeeded");
            succeed(ctx.names().user(), Optional.empty(), message);
        } else {
            setState(State.BADAUTH);
            error("PAP authentication failed");
            fail("PAP authentication failed" + (message.isEmpty() ? "" : ": " + PppdLog.v(message)));
        }
    }

    @Override protected void onTimeout() {
        if (in(State.AUTHREQ) && !retransmit()) {
            error("No response to PAP authenticate-requests");
            setState(State.BADAUTH);
            fail("No response to PAP authenticate-requests");
        }
    }

    @Override protected String protocolRejectLine() {
        return "PAP authentication failed due to protocol-reject";
    }
}
