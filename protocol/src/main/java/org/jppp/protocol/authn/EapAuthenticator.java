package org.jppp.protocol.authn;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.auth.ChapMd5;
import org.jppp.protocol.config.SecretsEntry;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.EapPacket;
import org.jppp.protocol.wire.auth.EapTypeData;

/**
 * EAP as the authenticator (RFC 3748, pppd eap.c server) with the MD5-Challenge method: ask for
 * the peer's Identity (skipped when {@code remotename} names the peer, as pppd does), then send an
 * MD5-Challenge of 16 random octets named with our name, verify the answer with the peer's
 * chap-secrets entry, and conclude with Success or Failure.
 *
 * <p>Each Request carries a new Identifier and is retransmitted every eap-restart, at most
 * eap-max-sreq times (§4.3). Responses with another Identifier are discarded (§4.1). Success and
 * Failure carry the Identifier of the Response they answer (§4.2); a repeated Response after the
 * outcome gets the same outcome again.
 */
public final class EapAuthenticator extends MachineBase<EapPacket> {
    enum State { IDENTIFY, MD5_CHALLENGE, OPEN, BADAUTH }

    static final Octets IDENTITY_PROMPT = Octets.utf8("Name");
    private static final int MD5_CHALLENGE_LENGTH = 16;

    private int identifier;
    private boolean firstRequest = true;
    private byte[] challenge;
    private String identity = "";
    private int responses;
    private EapPacket outcome;

    public EapAuthenticator(AuthContext ctx) {
        super(ctx, Role.AUTHENTICATOR, AuthMethod.EAP, ctx.timers().eapRestart(), ctx.timers().eapMaxRequests());
        this.identifier = ctx.randomIdentifier();
    }

    @Override protected EapPacket parse(byte[] packet) throws MalformedPacketException {
        return EapPacket.parse(ByteBuffer.wrap(packet));
    }

    @Override protected void onStart() {
        Optional<String> remote = ctx.names().remoteName();
        if (remote.isPresent()) {
            identity = remote.get();
            requestMd5();
        } else {
            request(State.IDENTIFY, new EapTypeData.Identity(IDENTITY_PROMPT));
        }
    }

    private void requestMd5() {
        challenge = ctx.randomBytes(MD5_CHALLENGE_LENGTH);
        request(State.MD5_CHALLENGE, new EapTypeData.Md5Challenge(Octets.of(challenge),
                Octets.utf8(ctx.names().ourName())));
    }

    private void request(State next, EapTypeData data) {
        if (!firstRequest) {
            identifier = (identifier + 1) & 0xFF;
        }
        firstRequest = false;
        EapPacket.Request packet = new EapPacket.Request(identifier, data);
        sendReliably(() -> packet);
        setState(next);
    }

    @Override protected void onPacket(EapPacket packet) {
        if (!(packet instanceof EapPacket.Response response)) {
            drop("not a Response: " + packet.trace());
        } else if (outcome != null) {
            if (response.identifier() == outcome.identifier()) {
                send(outcome);
            } else {
                drop("Response after the outcome: " + packet.trace());
            }
        } else if (response.identifier() != identifier) {
            drop("EAP: discarding Response " + response.identifier() + "; expected ID " + identifier);
        } else {
            onResponse(response.data());
        }
    }

    private void onResponse(EapTypeData data) {
        responses++;
        if (data instanceof EapTypeData.Identity id && in(State.IDENTIFY)) {
            answered();
            identity = id.text().utf8();
            info("EAP: unauthenticated peer name \"" + PppdLog.q(identity) + "\"");
            requestMd5();
        } else if (data instanceof EapTypeData.Nak nak) {
            answered();
            onNak(nak);
        } else if (data instanceof EapTypeData.Md5Challenge md5 && in(State.MD5_CHALLENGE)) {
            answered();
            verify(md5);
        } else if (data instanceof EapTypeData.Md5Challenge) {
            answered();
            error("EAP: unexpected MD5-Response");
            conclude(false, "EAP: unexpected MD5-Response", Optional.empty());
        } else {
            drop("EAP: unexpected Response type " + data.type() + "; ignored");
        }
    }

    /**
     * RFC 3748 §5.3.1: a Nak to Identity is not allowed; to MD5-Challenge it lists the types the
     * peer would use instead. We only have MD5-Challenge, so a Nak that does not suggest it ends
     * the authentication.
     */
    private void onNak(EapTypeData.Nak nak) {
        if (in(State.MD5_CHALLENGE) && nak.desiredTypes().contains(EapTypeData.MD5_CHALLENGE)) {
            requestMd5();
            return;
        }
        if (nak.desiredTypes().equals(List.of(0))) {
            info("EAP: Nak Response with no suggested protocol");
        } else {
            debug("EAP: peer requesting unknown Type " + nak.desiredTypes().get(0));
        }
        conclude(false, "EAP: peer refused MD5-Challenge", Optional.empty());
    }

    private void verify(EapTypeData.Md5Challenge md5) {
        if (md5.value().length() != ChapMd5.RESPONSE_LENGTH) {
            error("EAP: MD5-Response with bad length " + md5.value().length());
            conclude(false, "EAP: MD5-Response with bad length", Optional.empty());
            return;
        }
        String sent = md5.name().isEmpty() ? identity : md5.name().utf8();
        String peer = ctx.names().peerName(sent);
        Optional<SecretsEntry> entry = ctx.chapSecrets().peerEntry(peer, ctx.names().ourName());
        if (entry.isEmpty()) {
            debug("EAP: no MD5 secret for auth of " + PppdLog.q(peer));
        }
        boolean ok = entry.isPresent()
                && ChapMd5.verify(identifier, entry.get().secret(), challenge, md5.value().toByteArray());
        if (ok) {
            identity = peer;
        }
        conclude(ok, "EAP: peer " + PppdLog.q(peer) + " failed MD5-Challenge", entry);
    }

    private void conclude(boolean ok, String failure, Optional<SecretsEntry> entry) {
        outcome = ok ? new EapPacket.Success(identifier) : new EapPacket.Failure(identifier);
        send(outcome);
        setState(ok ? State.OPEN : State.BADAUTH);
        if (ok) {
            succeed(identity, entry, Octets.EMPTY);
        } else {
            fail(failure);
        }
    }

    /** Retransmit the outstanding Request, or give up after eap-max-sreq as pppd does. */
    @Override protected void onTimeout() {
        if ((in(State.IDENTIFY) || in(State.MD5_CHALLENGE)) && !retransmit()) {
            String line = responses > 0 ? "EAP: too many Requests sent" : "EAP: no response to Requests";
            error(line);
            conclude(false, line, Optional.empty());
        }
    }

    @Override protected String protocolRejectLine() {
        return "EAP authentication of peer failed on Protocol-Reject";
    }
}
