package org.jppp.protocol.authn;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.jppp.protocol.config.SecretsEntry;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.ChapPacket;

/**
 * CHAP as the authenticator (RFC 1994 §4, pppd chap-new.c server), for MD5, MS-CHAP and
 * MS-CHAPv2: send a Challenge (16 random octets for MD5 and MS-CHAPv2, 8 for MS-CHAP) named with
 * our name, retransmit it every chap-restart up to chap-max-challenge times, verify the
 * Response with the secret of the name it gives (or {@code remotename}), answer Success or
 * Failure with the algorithm's message.
 *
 * <p>A Response with another Identifier than our Challenge's is stale and dropped (RFC 1994
 * §4.1). A repeated Response after the verdict gets the same Success or Failure again, because
 * the first may have been lost (RFC 1994 §4.2). With chap-interval set, a new Challenge (new
 * Identifier, new value) follows each success; a failed rechallenge fails the direction, which
 * ends the link.
 */
public final class ChapAuthenticator extends MachineBase<ChapPacket> {
    enum State { CHALLENGED, OPEN, BADAUTH }

    private final ChapDigest digest;
    private int identifier;
    private byte[] challenge;
    private ChapPacket.Outcome verdict;
    private boolean succeededOnce;

    public ChapAuthenticator(AuthContext ctx, AuthMethod method) {
        super(ctx, Role.AUTHENTICATOR, method, ctx.timers().chapRestart(), ctx.timers().chapMaxChallenge());
        this.digest = ChapDigest.of(method);
        this.identifier = ctx.randomIdentifier();
    }

    @Override protected ChapPacket parse(byte[] packet) throws MalformedPacketException {
        return ChapPacket.parse(ByteBuffer.wrap(packet));
    }

    @Override protected void onStart() {
        challenge();
    }

    private void challenge() {
        identifier = (identifier + 1) & 0xFF;
        challenge = ctx.randomBytes(digest.challengeLength());
        ChapPacket.Challenge packet = new ChapPacket.Challenge(identifier, Octets.of(challenge),
                Octets.utf8(ctx.names().ourName()));
        verdict = null;
        restartRound();
        sendReliably(() -> packet);
        setState(State.CHALLENGED);
    }

    @Override protected void onPacket(ChapPacket packet) {
        if (!(packet instanceof ChapPacket.Response response) || response.identifier() != identifier) {
            drop("unexpected or stale " + packet.trace());
        } else if (in(State.CHALLENGED)) {
            answered();
            verify(response);
        } else if (verdict != null) {
            send(verdict);
        } else {
            drop("no verdict to repeat for " + packet.trace());
        }
    }

    private void verify(ChapPacket.Response response) {
        String sentName = response.name().utf8();
        String peer = ctx.names().peerName(sentName);
        Optional<SecretsEntry> entry = ctx.chapSecrets().peerEntry(peer, ctx.names().ourName());
        ChapDigest.Verdict v;
        if (entry.isEmpty()) {
            error("No CHAP secret found for authenticating " + PppdLog.q(peer));
            v = new ChapDigest.Verdict(false, digest.failureMessage(challenge));
        } else {
            v = digest.verify(identifier, challenge, sentName, entry.get().secret(), response.value().toByteArray());
        }
        Octets message = Octets.utf8(v.message());
        if (v.ok()) {
            verdict = new ChapPacket.Success(identifier, message);
            send(verdict);
            setState(State.OPEN);
            if (!succeededOnce) {
                succeededOnce = true;
                notice("CHAP peer authentication succeeded for " + PppdLog.q(peer));
                succeed(peer, entry, Octets.EMPTY);
            }
            if (!ctx.timers().chapInterval().isZero()) {
                startTimer(ctx.timers().chapInterval());
            }
        } else {
            verdict = new ChapPacket.Failure(identifier, message);
            send(verdict);
            setState(State.BADAUTH);
            warn("Peer " + PppdLog.q(peer) + " failed CHAP authentication");
            fail("Peer " + PppdLog.q(peer) + " failed CHAP authentication");
        }
    }

    /**
     * In CHALLENGED: retransmit, or give up after chap-max-challenge (pppd logs nothing then). In
     * OPEN: chap-interval elapsed, rechallenge.
     */
    @Override protected void onTimeout() {
        if (in(State.OPEN)) {
            challenge();
        } else if (in(State.CHALLENGED) && !retransmit()) {
            setState(State.BADAUTH);
            fail("no response to " + chapMaxChallenge() + " CHAP Challenges");
        }
    }

    private int chapMaxChallenge() {
        return ctx.timers().chapMaxChallenge();
    }

    /** pppd's chap_protrej fails the peer without a log line on this side. */
    @Override protected String protocolRejectLine() {
        return null;
    }
}
