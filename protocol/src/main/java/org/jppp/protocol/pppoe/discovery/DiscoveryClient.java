package org.jppp.protocol.pppoe.discovery;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeCode;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeTag;

/**
 * The host side of PPPoE discovery (RFC 2516 §5.1–§5.5), behaving as pppd 2.4.9's rp-pppoe
 * plugin: broadcast a PADI, take the first acceptable PADO, send it a PADR, and bind the session
 * of its PADS. Pure: every event returns the frames to send, the timer to run and the log lines;
 * the owner runs the one timer and calls {@link #timeout()} when it fires.
 *
 * <p>Retransmission is pppd's: the first wait is {@code pppoe-padi-timeout}, each further
 * attempt doubles it, and after {@code pppoe-padi-attempts} unanswered PADIs (or PADRs, counted
 * afresh with the first wait again) discovery fails with pppd's messages and
 * {@link #EXIT_CONNECT_FAILED}. A PADO or PADS carrying an error tag ends the current wait at
 * once, as in pppd, so the next attempt is sent immediately.
 *
 * <p>Mutable and not thread-safe: one owner drives it, like {@link org.jppp.protocol.fsm.Fsm}.
 */
public final class DiscoveryClient {
    /** pppd's exit status when the channel's connect hook fails, as it does when discovery fails. */
    public static final int EXIT_CONNECT_FAILED = 8;
    static final String UNABLE = "Unable to complete PPPoE Discovery";

    private final ClientConfig config;
    private ClientState state = ClientState.IDLE;
    /** Transmissions in the current phase (PADIs, then PADRs). */
    private int attempts;
    /** The wait after the last transmission. */
    private Duration wait;
    private Offer offer;
    private ClientSession session;
    private long ignored;

    /** The PADO we chose (RFC 2516 §5.2): what the PADR must echo. */
    private record Offer(MacAddress acMac, String acName, Optional<ByteString> cookie,
            Optional<ByteString> relaySessionId, OptionalInt maxPayload) { }

    public DiscoveryClient(ClientConfig config) {
        this.config = config;
    }

    public ClientState state() {
        return state;
    }

    /** The session once a PADS was accepted. */
    public Optional<ClientSession> session() {
        return Optional.ofNullable(session);
    }

    /** Received packets ignored so far: malformed, not for us, or not acceptable. */
    public long ignoredPackets() {
        return ignored;
    }

    /** Broadcasts the first PADI (§5.1). Only from {@link ClientState#IDLE}. */
    public DiscoveryResult start() {
        DiscoveryResult.Builder out = new DiscoveryResult.Builder();
        if (state != ClientState.IDLE) {
            return out.debug("PPPoE discovery already started").build();
        }
        enter(ClientState.SENT_PADI);
        return transmit(out);
    }

    /** The timer ran out: retransmit with a doubled wait, or give up. */
    public DiscoveryResult timeout() {
        DiscoveryResult.Builder out = new DiscoveryResult.Builder();
        if (state != ClientState.SENT_PADI && state != ClientState.SENT_PADR) {
            return out.debug("Stale PPPoE discovery timeout ignored").build();
        }
        return nextAttempt(out);
    }

    /** A frame arrived on the Discovery EtherType; a malformed one is ignored and counted. */
    public DiscoveryResult receive(ByteBuffer frame) {
        DiscoveryResult.Builder out = new DiscoveryResult.Builder();
        Optional<Inbound> in = Inbound.parse(frame, out);
        if (in.isEmpty()) {
            ignored++;
            return out.build();
        }
        return receive(in.get(), out);
    }

    /** A discovery packet arrived in a frame with this header. */
    public DiscoveryResult receive(EthernetHeader header, PppoeDiscovery packet) {
        return receive(new Inbound(header, packet), new DiscoveryResult.Builder());
    }

    /**
     * Ends the session with a PADT (§5.5) carrying {@code reason} as a Generic-Error, or aborts
     * a discovery in progress. Nothing to do in other states.
     */
    public DiscoveryResult terminate(Optional<String> reason) {
        DiscoveryResult.Builder out = new DiscoveryResult.Builder();
        switch (state) {
            case SESSION -> {
                List<PppoeTag> tags = new ArrayList<>();
                hostUniqTag().ifPresent(tags::add);
                reason.ifPresent(r -> tags.add(PppoeTag.text(PppoeTag.GENERIC_ERROR, r)));
                session.relaySessionId().ifPresent(r -> tags.add(new PppoeTag.Opaque(PppoeTag.RELAY_SESSION_ID, r)));
                session.cookie().ifPresent(c -> tags.add(new PppoeTag.Opaque(PppoeTag.AC_COOKIE, c)));
                out.act(send(session.acMac(), new PppoeDiscovery(PppoeCode.PADT, session.sessionId(), tags)));
                out.debug("Sent PADT for session " + session.sessionId());
                state = ClientState.TERMINATED;
            }
            case SENT_PADI, SENT_PADR -> {
                out.act(new DiscoveryAction.StopTimer()).debug("PPPoE discovery aborted");
                state = ClientState.TERMINATED;
            }
            default -> out.debug("No PPPoE session to terminate");
        }
        return out.build();
    }

    private DiscoveryResult receive(Inbound in, DiscoveryResult.Builder out) {
        PppoeCode code = in.packet().code();
        if (!in.destination().equals(config.ourMac())) {
            return ignore(out, code + " not addressed to us");
        }
        return switch (state) {
            case SENT_PADI -> code.equals(PppoeCode.PADO) ? onPado(in, out) : ignore(out, code + " while waiting for PADO");
            case SENT_PADR -> code.equals(PppoeCode.PADS) ? onPads(in, out) : ignore(out, code + " while waiting for PADS");
            case SESSION -> code.equals(PppoeCode.PADT) ? onPadt(in, out) : ignore(out, code + " during the session");
            case IDLE, FAILED, TERMINATED -> ignore(out, code + " in state " + state);
        };
    }

    /**
     * PADO (§5.2), checked in pppd's order: Host-Uniq, unicast source, {@code pppoe-mac}, error
     * tags (which end the wait), AC-Name and Service-Name present, then the wanted AC-Name and
     * Service-Name. Only an acceptable PADO is chosen; RFC 2516 lets the host choose any.
     */
    private DiscoveryResult onPado(Inbound in, DiscoveryResult.Builder out) {
        PppoeDiscovery p = in.packet();
        if (!isForMe(p)) {
            return ignore(out, "PADO with another Host-Uniq");
        }
        if (in.source().isMulticast()) {
            ignored++;
            return out.error("Ignoring PADO packet from non-unicast MAC address").build();
        }
        if (config.acMac().isPresent() && !config.acMac().get().equals(in.source())) {
            ignored++;
            return out.warn("Ignoring PADO packet from wrong MAC address").build();
        }
        if (config.printAcNames()) {
            p.all(PppoeTag.AC_NAME).forEach(t -> out.info("Access-Concentrator: " + ((PppoeTag.Text) t).text()));
        }
        if (out.errorTags(p.code().name(), p)) {
            return nextAttempt(out);
        }
        if (p.acName().isEmpty()) {
            ignored++;
            return out.error("Ignoring PADO packet with no AC-Name tag").build();
        }
        if (p.serviceName().isEmpty()) {
            ignored++;
            return out.error("Ignoring PADO packet with no Service-Name tag").build();
        }
        boolean acOk = config.acName().map(n -> hasText(p, PppoeTag.AC_NAME, n)).orElse(true);
        boolean serviceOk = config.service().map(s -> hasText(p, PppoeTag.SERVICE_NAME, s)).orElse(true);
        if (!acOk || !serviceOk) {
            return ignore(out, "PADO from " + in.source() + " (AC-Name '" + p.acName().get() + "'): "
                    + (acOk ? "service not offered" : "not the wanted access concentrator"));
        }
        offer = new Offer(in.source(), p.acName().get(), p.cookie(), p.relaySessionId(),
                agreed(config.maxPayload(), p.maxPayload()));
        out.act(new DiscoveryAction.StopTimer());
        enter(ClientState.SENT_PADR);
        return transmit(out);
    }

    /** PADS (§5.4) from the chosen access concentrator: the session, or an error that ends the wait. */
    private DiscoveryResult onPads(Inbound in, DiscoveryResult.Builder out) {
        PppoeDiscovery p = in.packet();
        if (!in.source().equals(offer.acMac())) {
            return ignore(out, "PADS from " + in.source() + ", not from the chosen access concentrator");
        }
        if (!isForMe(p)) {
            return ignore(out, "PADS with another Host-Uniq");
        }
        p.serviceName().ifPresent(s -> out.debug("PADS: Service-Name: '" + s + "'"));
        if (out.errorTags(p.code().name(), p)) {
            return nextAttempt(out);
        }
        int id = p.sessionId();
        out.info("PPP session is " + id);
        if (id == 0 || id == 0xFFFF) {
            // RFC 2516 §4 reserves both; pppd only logs this and goes on, but id 0 means "unbound"
            // to the session stage, so a session cannot run on it: fail instead.
            String reason = String.format("Access concentrator used a session value of %x -- the AC is violating RFC 2516", id);
            out.error(reason);
            return fail(out, reason);
        }
        session = new ClientSession(id, offer.acMac(), offer.acName(),
                p.serviceName().orElse(config.service().orElse("")),
                combine(offer.maxPayload(), agreed(config.maxPayload(), p.maxPayload())),
                config.hostUniq(), offer.cookie(), p.relaySessionId().or(offer::relaySessionId));
        state = ClientState.SESSION;
        out.act(new DiscoveryAction.StopTimer()).act(new DiscoveryAction.Established(session));
        // pppd logs this at warning level; the seed journal shows the address in lower case.
        out.warn("Connected to " + offer.acMac() + " via interface "
                + config.interfaceName());
        return out.build();
    }

    /** PADT (§5.5) for our session from our access concentrator: the session is over. */
    private DiscoveryResult onPadt(Inbound in, DiscoveryResult.Builder out) {
        PppoeDiscovery p = in.packet();
        if (p.sessionId() != session.sessionId() || !in.source().equals(session.acMac())) {
            return ignore(out, "PADT for session " + p.sessionId() + " from " + in.source());
        }
        out.errorTags("PADT", p);
        out.info("Session " + session.sessionId() + " terminated -- received PADT from peer");
        state = ClientState.TERMINATED;
        return out.act(new DiscoveryAction.PeerTerminated(session.sessionId())).build();
    }

    private void enter(ClientState phase) {
        state = phase;
        attempts = 0;
    }

    /** The next transmission of the current phase, or failure once the attempts are used up. */
    private DiscoveryResult nextAttempt(DiscoveryResult.Builder out) {
        if (attempts >= config.attempts()) {
            String reason = state == ClientState.SENT_PADI
                    ? "Timeout waiting for PADO packets" : "Timeout waiting for PADS packets";
            out.warn(reason);
            return fail(out, reason);
        }
        return transmit(out);
    }

    private DiscoveryResult transmit(DiscoveryResult.Builder out) {
        attempts++;
        wait = attempts == 1 ? config.timeout() : wait.multipliedBy(2);
        boolean padi = state == ClientState.SENT_PADI;
        out.act(padi ? send(MacAddress.BROADCAST, padi()) : send(offer.acMac(), padr()));
        out.act(new DiscoveryAction.StartTimer(wait));
        return out.debug("Sent " + (padi ? "PADI" : "PADR") + " (attempt " + attempts + " of " + config.attempts()
                + "), waiting " + wait.toMillis() + " ms").build();
    }

    private DiscoveryResult fail(DiscoveryResult.Builder out, String reason) {
        state = ClientState.FAILED;
        out.act(new DiscoveryAction.StopTimer());
        out.error(UNABLE);
        return out.act(new DiscoveryAction.Failed(reason, EXIT_CONNECT_FAILED)).build();
    }

    private DiscoveryResult ignore(DiscoveryResult.Builder out, String why) {
        ignored++;
        return out.debug("Ignoring " + why).build();
    }

    /** PADI (§5.1): Service-Name, Host-Uniq, PPP-Max-Payload, in pppd's order. */
    private PppoeDiscovery padi() {
        List<PppoeTag> tags = new ArrayList<>();
        tags.add(PppoeTag.serviceName(config.service().orElse("")));
        hostUniqTag().ifPresent(tags::add);
        config.maxPayload().ifPresent(m -> tags.add(new PppoeTag.PppMaxPayload(m)));
        return new PppoeDiscovery(PppoeCode.PADI, 0, tags);
    }

    /** PADR (§5.3): the PADI's tags, then the PADO's AC-Cookie and Relay-Session-Id echoed. */
    private PppoeDiscovery padr() {
        List<PppoeTag> tags = new ArrayList<>(padi().tags());
        offer.cookie().ifPresent(c -> tags.add(new PppoeTag.Opaque(PppoeTag.AC_COOKIE, c)));
        offer.relaySessionId().ifPresent(r -> tags.add(new PppoeTag.Opaque(PppoeTag.RELAY_SESSION_ID, r)));
        return new PppoeDiscovery(PppoeCode.PADR, 0, tags);
    }

    private DiscoveryAction.Send send(MacAddress destination, PppoeDiscovery packet) {
        return new DiscoveryAction.Send(
                new EthernetHeader(destination, config.ourMac(), PppoeConstants.ETHERTYPE_DISCOVERY), packet);
    }

    private Optional<PppoeTag> hostUniqTag() {
        return config.hostUniq().isEmpty() ? Optional.empty()
                : Optional.of(new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, config.hostUniq()));
    }

    /** pppd's packetIsForMe: without a Host-Uniq everything is ours; with one, it must come back unchanged. */
    private boolean isForMe(PppoeDiscovery p) {
        return config.hostUniq().isEmpty() || p.hostUniq().filter(config.hostUniq()::equals).isPresent();
    }

    /** Whether a tag of this type carries exactly these octets; pppd compares bytes, not characters. */
    private static boolean hasText(PppoeDiscovery p, int type, String wanted) {
        ByteString octets = PppoeTag.utf8(wanted);
        return p.all(type).stream().anyMatch(t -> t.value().equals(octets));
    }

    /**
     * RFC 4638 §4: a PPP-Max-Payload counts only if we asked for one and the AC echoed it; like
     * pppd, a value below 1492 is disregarded and the agreed value is the smaller of the two.
     */
    private static OptionalInt agreed(OptionalInt requested, OptionalInt echoed) {
        if (requested.isEmpty() || echoed.isEmpty() || echoed.getAsInt() < PppoeConstants.MAX_MRU) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.min(requested.getAsInt(), echoed.getAsInt()));
    }

    /** pppd lowers the MRU on each echo (PADO, then PADS), so the smaller of those present holds. */
    private static OptionalInt combine(OptionalInt a, OptionalInt b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalInt.of(Math.min(a.getAsInt(), b.getAsInt()));
    }
}
