package org.jppp.protocol.authn;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.auth.ChapMd5;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.EapPacket;
import org.jppp.protocol.wire.auth.EapTypeData;

/**
 * EAP as the peer being authenticated (RFC 3748, pppd eap.c client) with the MD5-Challenge method
 * only: answer Identity with our name, Notification with an empty Notification, MD5-Challenge
 * with the CHAP computation (RFC 3748 §5.4), and any other type with a legacy Nak suggesting
 * MD5-Challenge (§5.3.1). The authenticator drives EAP and retransmits (§4.3); a Request
 * repeating the Identifier we last answered gets our last Response again, as pppd does.
 *
 * <p>eap-timeout bounds the whole exchange and eap-max-rreq the Requests answered. Success and
 * Failure are taken whatever their Identifier: pppd's authenticator sends them with the next
 * Identifier rather than the Response's (against §4.2), and it is the peer we meet most.
 */
public final class EapAuthenticatee extends MachineBase<EapPacket> {
    enum State { LISTEN, OPEN, BADAUTH }

    private EapPacket.Response lastResponse;
    private int requests;

    public EapAuthenticatee(AuthContext ctx) {
        super(ctx, Role.AUTHENTICATEE, AuthMethod.EAP, ctx.timers().eapRestart(), 1);
    }

    @Override protected EapPacket parse(byte[] packet) throws MalformedPacketException {
        return EapPacket.parse(ByteBuffer.wrap(packet));
    }

    @Override protected void onStart() {
        setState(State.LISTEN);
        if (!ctx.timers().eapTimeout().isZero()) {
            startTimer(ctx.timers().eapTimeout());
        }
    }

    @Override protected void onPacket(EapPacket packet) {
        if (packet instanceof EapPacket.Request request) {
            onRequest(request);
        } else if (!(packet instanceof EapPacket.Outcome) || !in(State.LISTEN)) {
            drop("unexpected " + packet.trace());
        } else if (packet instanceof EapPacket.Success) {
            stopTimer();
            setState(State.OPEN);
            notice("EAP authentication succeeded");
            succeed(ctx.names().user(), Optional.empty(), Octets.EMPTY);
        } else {
            stopTimer();
            setState(State.BADAUTH);
            error("EAP: peer reports authentication failure");
            fail("EAP: peer reports authentication failure");
        }
    }

    private void onRequest(EapPacket.Request request) {
        if (lastResponse != null && request.identifier() == lastResponse.identifier()) {
            send(lastResponse);
            return;
        }
        if (!in(State.LISTEN)) {
            drop("request after the outcome: " + request.trace());
            return;
        }
        requests++;
        int max = ctx.timers().eapMaxPeerRequests();
        if (max > 0 && requests > max) {
            info("EAP: received too many Request messages");
            stopTimer();
            setState(State.BADAUTH);
            fail("EAP: received too many Request messages");
            return;
        }
        EapTypeData data = request.data();
        Optional<EapTypeData> answer = answer(request.identifier(), data);
        answer.ifPresent(a -> {
            lastResponse = new EapPacket.Response(request.identifier(), a);
            send(lastResponse);
        });
    }

    /** The Type-Data of our Response, or empty to wait for a better Request. */
    private Optional<EapTypeData> answer(int id, EapTypeData data) {
        if (data instanceof EapTypeData.Identity identity) {
            if (!identity.text().isEmpty()) {
                info("EAP: Identity prompt \"" + PppdLog.q(identity.text().utf8()) + "\"");
            }
            return Optional.of(new EapTypeData.Identity(Octets.utf8(ctx.names().user())));
        }
        if (data instanceof EapTypeData.Notification notification) {
            if (!notification.message().isEmpty()) {
                info("EAP: Notification \"" + PppdLog.q(notification.message().utf8()) + "\"");
            }
            return Optional.of(new EapTypeData.Notification(Octets.EMPTY));
        }
        if (data instanceof EapTypeData.Nak) {
            warn("EAP: unexpected Nak in Request; ignored");
            return Optional.empty();
        }
        if (data instanceof EapTypeData.Md5Challenge md5) {
            return Optional.of(md5Response(id, md5));
        }
        info("EAP: unknown authentication type " + data.type() + "; Naking");
        return Optional.of(new EapTypeData.Nak(List.of(EapTypeData.MD5_CHALLENGE)));
    }

    /** RFC 3748 §5.4: the CHAP MD5 computation with the EAP Identifier; no secret means Nak with "none acceptable". */
    private EapTypeData md5Response(int id, EapTypeData.Md5Challenge md5) {
        String remote = ctx.names().peerName(md5.name().utf8());
        Optional<Secret> secret = ctx.chapSecrets().ownSecret(ctx.names().user(), remote);
        if (secret.isEmpty()) {
            debug("EAP: no MD5 secret for auth to " + PppdLog.q(remote));
            return new EapTypeData.Nak(List.of(0));
        }
        byte[] hash = ChapMd5.response(id, secret.get(), md5.value().toByteArray());
        return new EapTypeData.Md5Challenge(Octets.of(hash), Octets.utf8(ctx.names().user()));
    }

    /** eap-timeout: the authenticator went quiet. */
    @Override protected void onTimeout() {
        if (in(State.LISTEN)) {
            error("EAP: timeout waiting for Request from peer");
            setState(State.BADAUTH);
            fail("EAP: timeout waiting for Request from peer");
        }
    }

    @Override protected String protocolRejectLine() {
        return "EAP authentication failed due to Protocol-Reject";
    }
}
