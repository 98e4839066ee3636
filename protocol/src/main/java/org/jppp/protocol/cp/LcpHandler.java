package org.jppp.protocol.cp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.jppp.protocol.fsm.ExtraCode;
import org.jppp.protocol.fsm.HandlerEvent;
import org.jppp.protocol.fsm.ReplyOutcome;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.lcp.LcpOption;
import org.jppp.protocol.wire.lcp.LcpOption.Accm;
import org.jppp.protocol.wire.lcp.LcpOption.Acfc;
import org.jppp.protocol.wire.lcp.LcpOption.AuthProtocol;
import org.jppp.protocol.wire.lcp.LcpOption.MagicNumber;
import org.jppp.protocol.wire.lcp.LcpOption.Mru;
import org.jppp.protocol.wire.lcp.LcpOption.Pfc;

/**
 * LCP's options (RFC 1661 §6) with pppd's {@code lcp.c} rules: MRU, ACCM, Authentication-Protocol,
 * Magic-Number with loopback detection, PFC and ACFC. Quality-Protocol and the multilink options
 * (MRRU, Short-Sequence, Endpoint-Discriminator) are rejected: jppp does no LQR and no multilink.
 *
 * <p>Four values, each immutable and replaced as negotiation goes: {@link #want()} and
 * {@link #allow()} from the settings; {@link #ours()} (what we ask for, and once acked what the
 * peer agreed to: our receive side) and {@link #his()} (what we acked: the peer's side).
 */
public final class LcpHandler extends TypedOptionHandler<LcpOption> {
    private static final int NO_ACCM = 0xFFFFFFFF;

    private final LcpSettings settings;
    private final RandomGenerator random;
    private final LcpValues want;
    private final LcpAllowed allow;
    private LcpValues ours;
    private LcpValues his = LcpValues.NONE;
    private int magicNaks;

    /** @param random the source of Magic-Numbers (seeded in tests) */
    public LcpHandler(LcpSettings settings, RandomGenerator random) {
        super(LcpOption.DECODER);
        this.settings = settings;
        this.random = random;
        this.want = new LcpValues(OptionalInt.of(settings.mru()), settings.asyncmap(),
                orderedByPreference(settings), OptionalInt.empty(), settings.pcomp(), settings.accomp());
        this.allow = new LcpAllowed(true, settings.asyncmap(), settings.allowAuth(), settings.magic(),
                settings.pcomp(), settings.accomp());
        this.ours = want;
    }

    private static List<AuthMethod> orderedByPreference(LcpSettings s) {
        return List.of(AuthMethod.values()).stream().filter(s.requireAuth()::contains).toList();
    }

    public LcpValues want() {
        return want;
    }

    public LcpAllowed allow() {
        return allow;
    }

    /** Our side: what we ask for; once Opened, what the peer acked. */
    public LcpValues ours() {
        return ours;
    }

    /** The peer's side: what we acked. */
    public LcpValues his() {
        return his;
    }

    @Override
    public String protocolName() {
        return "LCP";
    }

    @Override
    public void resetOptions() {
        ours = want.withMagic(settings.magic() ? OptionalInt.of(newMagic()) : OptionalInt.empty());
        his = LcpValues.NONE;
        magicNaks = 0;
    }

    /** pppd's addci order: MRU, ACCM, auth, magic, PFC, ACFC; MRU 1500 and ACCM 0xffffffff are defaults, not sent. */
    @Override
    List<LcpOption> requestOptions() {
        List<LcpOption> out = new ArrayList<>();
        ours.mru().stream().filter(m -> m != LcpSettings.DEFAULT_MRU).forEach(m -> out.add(new Mru(m)));
        ours.asyncmap().stream().filter(a -> a != NO_ACCM).forEach(a -> out.add(new Accm(a)));
        ours.auth().stream().findFirst().ifPresent(m -> out.add(m.option()));
        ours.magic().ifPresent(m -> out.add(new MagicNumber(m)));
        if (ours.pcomp()) {
            out.add(new Pfc());
        }
        if (ours.accomp()) {
            out.add(new Acfc());
        }
        return out;
    }

    @Override
    void judge(LcpOption option, ConfigOption raw, List<LcpOption> seen, VerdictBuilder verdict) {
        if (option instanceof Mru m) {
            // pppd lcp_reqci: an MRU below MINMRU is Naked with MINMRU.
            if (!allow.mru()) {
                verdict.reject(raw);
            } else if (m.mru() < LcpSettings.MIN_MRU) {
                verdict.nak(new Mru(LcpSettings.MIN_MRU));
            }
        } else if (option instanceof Accm a) {
            judgeAccm(a, raw, verdict);
        } else if (option instanceof AuthProtocol ap) {
            judgeAuth(ap, raw, seen, verdict);
        } else if (option instanceof MagicNumber mn) {
            judgeMagic(mn, raw, verdict);
        } else if (option instanceof Pfc) {
            rejectUnless(allow.pcomp(), raw, verdict);
        } else if (option instanceof Acfc) {
            rejectUnless(allow.accomp(), raw, verdict);
        } else {
            verdict.reject(raw); // Quality-Protocol, multilink options, unknown types
        }
    }

    private static void rejectUnless(boolean allowed, ConfigOption raw, VerdictBuilder verdict) {
        if (!allowed) {
            verdict.reject(raw);
        }
    }

    /** RFC 1662 §7.1: the peer must escape at least the characters we need escaped. */
    private void judgeAccm(Accm a, ConfigOption raw, VerdictBuilder verdict) {
        if (allow.asyncmap().isEmpty()) {
            verdict.reject(raw);
            return;
        }
        int needed = allow.asyncmap().getAsInt();
        if ((needed & ~a.map()) != 0) {
            verdict.nak(new Accm(needed | a.map()));
        }
    }

    /**
     * The peer asks us to authenticate (RFC 1661 §6.2, pppd lcp_reqci): Ack a method we allow,
     * else Nak with the best one we allow (a CHAP digest first when the peer asked for CHAP),
     * Reject if we allow none or the option is repeated.
     */
    private void judgeAuth(AuthProtocol ap, ConfigOption raw, List<LcpOption> seen, VerdictBuilder verdict) {
        if (allow.auth().isEmpty() || first(seen, AuthProtocol.class).isPresent()) {
            verdict.reject(raw);
            return;
        }
        Optional<AuthMethod> asked = AuthMethod.of(ap);
        if (asked.isPresent() && allow.auth().contains(asked.get())) {
            return;
        }
        boolean chapAsked = ap.protocol().equals(PppProtocol.CHAP);
        Optional<AuthMethod> alternative = AuthMethod.best(allow.auth(), chapAsked)
                .or(() -> AuthMethod.best(allow.auth(), false));
        alternative.ifPresent(m -> verdict.nak(m.option()));
    }

    /** RFC 1661 §6.4: the same magic as ours may mean a loopback; Nak with a new random one. */
    private void judgeMagic(MagicNumber mn, ConfigOption raw, VerdictBuilder verdict) {
        if (!allow.magic() && ours.magic().isEmpty()) {
            verdict.reject(raw);
        } else if (ours.magic().isPresent() && ours.magic().getAsInt() == mn.magic()) {
            verdict.nak(new MagicNumber(newMagic()));
        }
    }

    @Override
    void commitPeer(List<LcpOption> acked) {
        LcpValues v = LcpValues.NONE;
        for (LcpOption o : acked) {
            if (o instanceof Mru m) {
                v = v.withMru(OptionalInt.of(m.mru()));
            } else if (o instanceof Accm a) {
                v = v.withAsyncmap(OptionalInt.of(a.map()));
            } else if (o instanceof AuthProtocol ap) {
                v = v.withAuth(AuthMethod.of(ap).stream().toList());
            } else if (o instanceof MagicNumber mn) {
                v = v.withMagic(OptionalInt.of(mn.magic()));
            } else if (o instanceof Pfc) {
                v = v.withPcomp(true);
            } else if (o instanceof Acfc) {
                v = v.withAccomp(true);
            }
        }
        his = v;
    }

    /** pppd lcp_nakci: adopt what we can, and count consecutive Naks of our magic (loopback). */
    @Override
    ReplyOutcome adoptNak(List<LcpOption> suggestions) {
        LcpValues next = ours;
        boolean magicNaked = false;
        for (LcpOption s : suggestions) {
            if (s instanceof Mru m) {
                next = adoptMru(next, m.mru());
            } else if (s instanceof Accm a && next.asyncmap().isPresent()) {
                next = next.withAsyncmap(OptionalInt.of(next.asyncmap().getAsInt() | a.map()));
            } else if (s instanceof AuthProtocol ap && !next.auth().isEmpty()) {
                Optional<List<AuthMethod>> fallback = authFallback(next.auth(), ap);
                if (fallback.isEmpty()) {
                    return ReplyOutcome.INVALID;
                }
                next = next.withAuth(fallback.get());
            } else if (s instanceof MagicNumber && next.magic().isPresent()) {
                next = next.withMagic(OptionalInt.of(newMagic()));
                magicNaked = true;
            } else if (s instanceof Pfc) {
                next = next.withPcomp(false);
            } else if (s instanceof Acfc) {
                next = next.withAccomp(false);
            }
        }
        ours = next;
        magicNaks = magicNaked ? magicNaks + 1 : 0;
        List<HandlerEvent> events = magicNaks >= settings.loopbackFail()
                ? List.of(new LcpEvent.LoopbackDetected(magicNaks)) : List.of();
        return ReplyOutcome.valid(events);
    }

    /** pppd: take a smaller MRU (down to MINMRU), never one above both ours and 1500. */
    private LcpValues adoptMru(LcpValues v, int suggested) {
        int limit = Math.max(want.mru().orElse(LcpSettings.DEFAULT_MRU), LcpSettings.DEFAULT_MRU);
        return suggested >= LcpSettings.MIN_MRU && suggested <= limit ? v.withMru(OptionalInt.of(suggested)) : v;
    }

    /**
     * The peer Naked the method we require: drop it; take the peer's suggestion if it is one of
     * our remaining methods, else our next preference. Suggesting the Naked method back is invalid.
     */
    private static Optional<List<AuthMethod>> authFallback(List<AuthMethod> current, AuthProtocol suggestion) {
        Optional<AuthMethod> suggested = AuthMethod.of(suggestion);
        if (suggested.isPresent() && suggested.get() == current.get(0)) {
            return Optional.empty();
        }
        List<AuthMethod> rest = new ArrayList<>(current.subList(1, current.size()));
        if (suggested.isPresent() && rest.remove(suggested.get())) {
            rest.add(0, suggested.get());
        }
        return Optional.of(List.copyOf(rest));
    }

    /** pppd lcp_rejci: stop asking for each rejected option; a Reject of EAP still leaves CHAP and PAP. */
    @Override
    ReplyOutcome dropRejected(List<LcpOption> rejected) {
        LcpValues next = ours;
        for (LcpOption r : rejected) {
            if (r instanceof Mru) {
                next = next.withMru(OptionalInt.empty());
            } else if (r instanceof Accm) {
                next = next.withAsyncmap(OptionalInt.empty());
            } else if (r instanceof AuthProtocol ap) {
                boolean eap = ap.protocol().equals(PppProtocol.EAP);
                next = next.withAuth(eap ? next.auth().stream().filter(m -> m != AuthMethod.EAP).toList() : List.of());
            } else if (r instanceof MagicNumber) {
                next = next.withMagic(OptionalInt.empty());
            } else if (r instanceof Pfc) {
                next = next.withPcomp(false);
            } else if (r instanceof Acfc) {
                next = next.withAccomp(false);
            }
        }
        ours = next;
        return ReplyOutcome.VALID;
    }

    /**
     * Protocol-Reject, Echo-Request/Reply, Discard-Request (RFC 1661 §5.7-5.9) and RFC 1570's
     * Identification and Time-Remaining. Too short to hold their fixed fields: discarded.
     */
    @Override
    public ExtraCode receiveExtra(ControlPacket packet) {
        ByteBuffer data = packet.dataBuffer();
        int code = packet.code().value();
        if (data.remaining() < fixedLength(code)) {
            return ExtraCode.discard();
        }
        return switch (code) {
            case 8 -> protocolReject(new PppProtocol(data.getShort() & 0xFFFF));
            case 9 -> ExtraCode.rxr(echoReply(packet), List.of());
            case 10 -> echoReplyReceived(packet.identifier(), data.getInt());
            case 11 -> ExtraCode.rxr(List.of());
            case 12 -> ExtraCode.rxr(List.of(new LcpEvent.IdentificationReceived(text(data.position(4)))));
            case 13 -> ExtraCode.rxr(List.of(new LcpEvent.TimeRemainingReceived(
                    data.getInt(4) & 0xFFFFFFFFL, text(data.position(8)))));
            default -> ExtraCode.unknown();
        };
    }

    /** The octets before the free-form part: rejected protocol (2), magic (4), magic and seconds (8). */
    private static int fixedLength(int code) {
        return switch (code) {
            case 8 -> 2;
            case 9, 10, 12 -> 4;
            case 13 -> 8;
            default -> 0;
        };
    }

    /** A Protocol-Reject of LCP itself is catastrophic; of another protocol, that NCP must stop. */
    private static ExtraCode protocolReject(PppProtocol rejected) {
        return ExtraCode.rxj(rejected.equals(PppProtocol.LCP), List.of(new LcpEvent.ProtocolRejected(rejected)));
    }

    /** RFC 1661 §5.8: same identifier and data, with our Magic-Number (0 if none) in front. */
    private ControlPacket echoReply(ControlPacket request) {
        byte[] data = request.data();
        ByteBuffer.wrap(data).putInt(ours.magic().orElse(0));
        return new ControlPacket(ControlCode.ECHO_REPLY, request.identifier(), data);
    }

    /** Our own magic coming back is a looped line, not a live peer (pppd ignores it). */
    private ExtraCode echoReplyReceived(int identifier, int magic) {
        boolean own = ours.magic().isPresent() && ours.magic().getAsInt() == magic;
        return ExtraCode.rxr(own ? List.of() : List.of(new LcpEvent.EchoReplyReceived(identifier, magic)));
    }

    private static String text(ByteBuffer rest) {
        byte[] b = new byte[rest.remaining()];
        rest.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public boolean rejectAfterMaxFailure(int optionType) {
        // pppd lcp_reqci: a colliding Magic-Number is Naked even after Max-Failure, otherwise
        // the loopback count (lcp loopbackfail, 10) could never be reached.
        return optionType != LcpOption.MAGIC_NUMBER;
    }

    /** The peer's MRU once acked: bounds a Code-Reject (RFC 1661 §5.6). */
    @Override
    public int peerMru() {
        return his.mru().orElse(LcpSettings.DEFAULT_MRU);
    }

    /** A random non-zero Magic-Number (RFC 1661 §6.4: zero is not a valid magic). */
    private int newMagic() {
        int m;
        do {
            m = random.nextInt();
        } while (m == 0);
        return m;
    }
}
