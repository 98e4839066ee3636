package org.jppp.protocol.authn;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Optional;
import org.jppp.protocol.config.SecretsEntry;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.PapPacket;

/**
 * PAP as the authenticator (RFC 1334 §2.1, pppd upap.c server): wait up to pap-timeout for an
 * Authenticate-Request, check its Peer-ID and Password against pap-secrets (client = Peer-ID,
 * server = our name), answer Ack "Login ok" or Nak "Login incorrect".
 *
 * <p>RFC 1334 §2.2.1 has the peer retransmit its request until answered, so a request arriving
 * after the verdict is a retransmission whose answer was lost: it gets the same answer again,
 * with its own Identifier, and changes nothing.
 */
public final class PapAuthenticator extends MachineBase<PapPacket> {
    enum State { LISTEN, OPEN, BADAUTH }

    static final Octets LOGIN_OK = Octets.utf8("Login ok");
    static final Octets LOGIN_INCORRECT = Octets.utf8("Login incorrect");

    public PapAuthenticator(AuthContext ctx) {
        super(ctx, Role.AUTHENTICATOR, AuthMethod.PAP, ctx.timers().papRestart(), 1);
    }

    @Override protected PapPacket parse(byte[] packet) throws MalformedPacketException {
        return PapPacket.parse(ByteBuffer.wrap(packet));
    }

    @Override protected void onStart() {
        setState(State.LISTEN);
        if (!ctx.timers().papTimeout().isZero()) {
            startTimer(ctx.timers().papTimeout());
        }
    }

    @Override protected void onPacket(PapPacket packet) {
        if (!(packet instanceof PapPacket.AuthenticateRequest request)) {
            drop("not a request: " + packet.trace());
        } else if (in(State.OPEN)) {
            send(new PapPacket.AuthenticateAck(request.identifier(), LOGIN_OK));
        } else if (in(State.BADAUTH)) {
            send(new PapPacket.AuthenticateNak(request.identifier(), LOGIN_INCORRECT));
        } else {
            check(request);
        }
    }

    private void check(PapPacket.AuthenticateRequest request) {
        String peer = request.peerId().utf8();
        Optional<SecretsEntry> entry = ctx.papSecrets().peerEntry(peer, ctx.names().ourName());
        if (entry.isEmpty()) {
            warn("no PAP secret found for " + PppdLog.q(peer));
        }
        boolean ok = entry.isPresent() && passwordMatches(entry.get(), request.password());
        stopTimer();
        if (ok) {
            send(new PapPacket.AuthenticateAck(request.identifier(), LOGIN_OK));
            setState(State.OPEN);
            notice("PAP peer authentication succeeded for " + PppdLog.q(peer));
            succeed(peer, entry, Octets.EMPTY);
        } else {
            send(new PapPacket.AuthenticateNak(request.identifier(), LOGIN_INCORRECT));
            setState(State.BADAUTH);
            warn("PAP peer authentication failed for " + PppdLog.q(peer));
            fail("PAP peer authentication failed for " + PppdLog.q(peer));
        }
    }

    /**
     * pppd's check_passwd: the password must equal the entry's secret, compared in constant time;
     * an entry with an empty secret accepts any password, as in pppd (such entries exist for
     * {@code login}-style checks elsewhere, which we do not implement). Crypt(3)-hashed secrets
     * are not supported.
     */
    private static boolean passwordMatches(SecretsEntry entry, Octets password) {
        return entry.secret().isEmpty() || MessageDigest.isEqual(entry.secret().utf8(), password.toByteArray());
    }

    /** pap-timeout expired without a request: pppd's upap_reqtimeout fails the peer without a log line. */
    @Override protected void onTimeout() {
        if (in(State.LISTEN)) {
            setState(State.BADAUTH);
            fail("no PAP Authenticate-Request within pap-timeout");
        }
    }

    @Override protected String protocolRejectLine() {
        return "PAP authentication of peer failed (protocol-reject)";
    }
}
