package org.jppp.protocol.authn;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.ChapPacket;

/**
 * CHAP as the peer being authenticated (RFC 1994 §4, pppd chap-new.c client), for MD5, MS-CHAP
 * (RFC 2433) and MS-CHAPv2 (RFC 2759): answer each Challenge with a Response computed from the
 * secret for (our name, the challenger's name or {@code remotename}); a Success or Failure
 * carrying the Identifier of our latest Response concludes. The authenticator retransmits, so
 * this side has no timer of its own, as in pppd.
 *
 * <p>A retransmitted Challenge (same Identifier and value) gets the very same Response again:
 * for MS-CHAPv2 a fresh Peer-Challenge would change the authenticator response the Success must
 * carry. After the first verdict, rechallenges (RFC 1994 §4.1: "at random intervals") are still
 * answered, but their Success or Failure is ignored, as pppd does: the authenticator ends the
 * link itself when a rechallenge fails.
 */
public final class ChapAuthenticatee extends MachineBase<ChapPacket> {
    enum State { LISTEN, RESPONDED, OPEN, BADAUTH }

    private final ChapDigest digest;
    private ChapPacket.Challenge lastChallenge;
    private ChapPacket.Response lastResponse;
    private ChapDigest.Made made;

    public ChapAuthenticatee(AuthContext ctx, AuthMethod method) {
        super(ctx, Role.AUTHENTICATEE, method, ctx.timers().chapRestart(), 1);
        this.digest = ChapDigest.of(method);
    }

    @Override protected ChapPacket parse(byte[] packet) throws MalformedPacketException {
        return ChapPacket.parse(ByteBuffer.wrap(packet));
    }

    @Override protected void onStart() {
        setState(State.LISTEN);
    }

    @Override protected void onPacket(ChapPacket packet) {
        if (packet instanceof ChapPacket.Challenge challenge) {
            respond(challenge);
        } else if (packet instanceof ChapPacket.Outcome outcome && in(State.RESPONDED)
                && outcome.identifier() == lastResponse.identifier()) {
            conclude(outcome);
        } else {
            drop("unexpected or stale " + packet.trace());
        }
    }

    private void respond(ChapPacket.Challenge challenge) {
        if (lastResponse != null && challenge.equals(lastChallenge)) {
            send(lastResponse);
            return;
        }
        if (!digest.acceptsChallenge(challenge.value().length())) {
            drop(method() + " challenge of " + challenge.value().length() + " octets");
            return;
        }
        String remote = ctx.names().peerName(challenge.name().utf8());
        String user = ctx.names().user();
        Optional<Secret> secret = ctx.chapSecrets().ownSecret(user, remote);
        if (secret.isEmpty()) {
            warn("No CHAP secret found for authenticating us to " + PppdLog.q(remote));
        }
        made = digest.respond(challenge.identifier(), challenge.value().toByteArray(), user,
                secret.orElse(Secret.empty()), ctx);
        lastChallenge = challenge;
        lastResponse = new ChapPacket.Response(challenge.identifier(), Octets.of(made.value()), Octets.utf8(user));
        send(lastResponse);
        if (in(State.LISTEN)) {
            setState(State.RESPONDED);
        }
    }

    /** pppd's chap_handle_status, with the algorithm's check of a Success (MS-CHAPv2 "S="). */
    private void conclude(ChapPacket.Outcome outcome) {
        Octets message = outcome.message();
        if (outcome instanceof ChapPacket.Success) {
            Optional<String> problem = digest.successProblem(message, made);
            if (problem.isEmpty()) {
                if (digest.logsSuccessMessage()) {
                    info(message.isEmpty() ? "CHAP authentication succeeded"
                            : "CHAP authentication succeeded: " + PppdLog.v(message));
                }
                setState(State.OPEN);
                notice("CHAP authentication succeeded");
                succeed(ctx.names().user(), Optional.empty(), message);
                return;
            }
            error(problem.get());
            failed(problem.get());
        } else {
            digest.failureLog(message).forEach(this::log);
            failed("CHAP authentication failed" + (message.isEmpty() ? "" : ": " + PppdLog.v(message)));
        }
    }

    private void failed(String reason) {
        setState(State.BADAUTH);
        error("CHAP authentication failed");
        fail(reason);
    }

    /** Never started: the authenticatee runs no timer. */
    @Override protected void onTimeout() {
        debug("unexpected timeout");
    }

    @Override protected String protocolRejectLine() {
        return "CHAP authentication failed due to protocol-reject";
    }
}
