package org.jppp.protocol.pppoe.discovery;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeCode;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeTag;

/**
 * The access concentrator side of PPPoE discovery (RFC 2516 §5), with rp-pppoe's pppoe-server
 * semantics: answer a PADI with a PADO carrying a cookie, grant a session for a PADR that
 * echoes a valid cookie, end sessions on PADT. Pure: time comes in with each event, randomness
 * (the cookie secret, session ids) from the injected generator (a {@code SecureRandom} in
 * production), and every event returns the frames to send and the sessions to start or stop.
 *
 * <p>What it adds to pppoe-server: cookies expire and are HMAC-SHA256 ({@link AcCookies}); PADIs
 * are rate-limited per source MAC; session ids are random over the whole space; a retransmitted
 * PADR (same host, Host-Uniq and cookie) gets the same PADS again instead of a second session.
 * Where pppoe-server is silent (a PADI for a service not offered, a PADR without a valid cookie,
 * a host over its {@code -x} limit) this is silent too; where it sends an error PADS (a PADR for
 * an unknown service or without Service-Name, no free session) so does this.
 *
 * <p>Mutable and not thread-safe: one owner drives it.
 */
public final class DiscoveryServer {
    private static final int SECRET_LENGTH = 32;
    /** Source MACs whose PADI rate is tracked at once. */
    private static final int RATE_TRACKED = 4096;

    private enum Count {
        PADI, PADI_RATE_LIMITED, PADO, PADR, PADR_NO_COOKIE, PADR_FORGED, PADR_STALE, PADR_DUPLICATE,
        PADS, PADS_ERROR, PADT, IGNORED, UNKNOWN_SESSION_PADT, UNKNOWN_SESSION_LIMITED
    }

    /** PADTs for unknown sessions one host may get in a burst, then per second. */
    private static final int UNKNOWN_BURST_PER_HOST = 2;
    private static final double UNKNOWN_PER_SECOND_PER_HOST = 1.0;
    /** PADTs for unknown sessions over all hosts: a flood of forged source MACs gets no more. */
    private static final int UNKNOWN_BURST = 20;
    private static final double UNKNOWN_PER_SECOND = 20.0;

    private final ServerConfig config;
    private final AcCookies cookies;
    private final PadiRateLimiter rateLimiter;
    private final PadiRateLimiter unknownPerHost;
    private final PadiRateLimiter unknownOverall;
    private final SessionTable sessions;
    /** Ids whose host sent a PADT, held until {@link #terminate} or {@link #release}. */
    private final Set<Integer> endedByHost = new HashSet<>();
    private final long[] counts = new long[Count.values().length];

    public DiscoveryServer(ServerConfig config, RandomGenerator random) {
        this(config, random, new SessionSlots(config.maxSessions()));
    }

    /**
     * A server on one interface whose sessions count against {@code slots}, shared by the
     * servers of every interface (rp-pppoe's {@code -N} is for the whole process).
     */
    public DiscoveryServer(ServerConfig config, RandomGenerator random, SessionSlots slots) {
        this.config = config;
        byte[] secret = new byte[SECRET_LENGTH];
        random.nextBytes(secret);
        this.cookies = new AcCookies(secret, config.acMac(), config.cookieLifetime());
        this.rateLimiter = new PadiRateLimiter(config.padiBurst(), config.padiPerSecond(), RATE_TRACKED);
        this.unknownPerHost = new PadiRateLimiter(UNKNOWN_BURST_PER_HOST, UNKNOWN_PER_SECOND_PER_HOST, RATE_TRACKED);
        // One bucket, keyed by our own address, for all hosts together.
        this.unknownOverall = new PadiRateLimiter(UNKNOWN_BURST, UNKNOWN_PER_SECOND, 1);
        this.sessions = new SessionTable(slots, random);
    }

    public ServerConfig config() {
        return config;
    }

    /** Sessions in use, not counting those the host ended whose PPP has not ended yet. */
    public int activeSessions() {
        return sessions.size() - endedByHost.size();
    }

    public Optional<ServerSession> session(int sessionId) {
        return sessions.get(sessionId).filter(e -> !endedByHost.contains(sessionId)).map(SessionTable.Entry::session);
    }

    public ServerCounters counters() {
        return new ServerCounters(count(Count.PADI), count(Count.PADI_RATE_LIMITED), count(Count.PADO),
                count(Count.PADR), count(Count.PADR_NO_COOKIE), count(Count.PADR_FORGED), count(Count.PADR_STALE),
                count(Count.PADR_DUPLICATE), count(Count.PADS), count(Count.PADS_ERROR), count(Count.PADT),
                count(Count.IGNORED), count(Count.UNKNOWN_SESSION_PADT), count(Count.UNKNOWN_SESSION_LIMITED));
    }

    /** A frame arrived on the Discovery EtherType at {@code now}; a malformed one is ignored and counted. */
    public DiscoveryResult receive(Instant now, ByteBuffer frame) {
        DiscoveryResult.Builder out = new DiscoveryResult.Builder();
        Optional<Inbound> in = Inbound.parse(frame, out);
        if (in.isEmpty()) {
            counts[Count.IGNORED.ordinal()]++;
            return out.build();
        }
        return receive(now, in.get(), out);
    }

    /** A discovery packet arrived at {@code now} in a frame with this header. */
    public DiscoveryResult receive(Instant now, EthernetHeader header, PppoeDiscovery packet) {
        return receive(now, new Inbound(header, packet), new DiscoveryResult.Builder());
    }

    /** The session ended by other means (LCP terminated, pppd exited): its id is free again. No frame. */
    public DiscoveryResult release(int sessionId) {
        DiscoveryResult.Builder out = new DiscoveryResult.Builder();
        endedByHost.remove(sessionId);
        return sessions.remove(sessionId)
                .map(e -> out.debug("Session " + sessionId + " released"))
                .orElseGet(() -> out.debug("Session " + sessionId + " is not in use"))
                .build();
    }

    /**
     * A session frame (EtherType 0x8864) arrived from {@code host} for a SESSION_ID we have no
     * session for: the host holds a session we forgot (we restarted) or ended. A PADT for that id
     * tells it at once (RFC 2516 §5.5: either end may send one at any time after the session is
     * established), as accel-ppp does, instead of leaving it to its LCP echoes. Each frame gets
     * at most one PADT, per host and overall rate-limited, so a flood cannot be amplified or
     * turned against a forged source address.
     */
    public DiscoveryResult unknownSession(Instant now, MacAddress host, int sessionId) {
        DiscoveryResult.Builder out = new DiscoveryResult.Builder();
        if (host.isMulticast() || host.equals(config.acMac()) || sessionId == 0 || sessionId == 0xFFFF) {
            return ignore(out, "session frame for id " + sessionId + " from " + host);
        }
        if (!unknownPerHost.allow(host, now) || !unknownOverall.allow(config.acMac(), now)) {
            counts[Count.UNKNOWN_SESSION_LIMITED.ordinal()]++;
            return out.build();
        }
        counts[Count.UNKNOWN_SESSION_PADT.ordinal()]++;
        List<PppoeTag> tags = List.of(PppoeTag.text(PppoeTag.GENERIC_ERROR, "RP-PPPoE: Session not in use"));
        out.act(send(host, new PppoeDiscovery(PppoeCode.PADT, sessionId, tags)));
        return out.debug("PADT sent to " + host + " for session " + sessionId + ", which is not in use").build();
    }

    /**
     * Ends a session from our side (RFC 2516 §5.5): a PADT to the host with {@code reason} as a
     * Generic-Error, as pppoe-server does when a session's pppd exits, and the id is freed. A
     * session the host ended with its PADT gets no PADT back: its id is only freed now.
     */
    public DiscoveryResult terminate(int sessionId, String reason) {
        if (endedByHost.contains(sessionId)) {
            return release(sessionId);
        }
        DiscoveryResult.Builder out = new DiscoveryResult.Builder();
        Optional<SessionTable.Entry> entry = sessions.remove(sessionId);
        if (entry.isEmpty()) {
            return out.debug("Session " + sessionId + " is not in use").build();
        }
        ServerSession s = entry.get().session();
        List<PppoeTag> tags = new ArrayList<>();
        tags.add(PppoeTag.text(PppoeTag.GENERIC_ERROR, reason));
        s.relaySessionId().ifPresent(r -> tags.add(new PppoeTag.Opaque(PppoeTag.RELAY_SESSION_ID, r)));
        out.act(send(s.client(), new PppoeDiscovery(PppoeCode.PADT, sessionId, tags)));
        return out.info("Session " + sessionId + " closed for client " + s.client() + ": " + reason).build();
    }

    private DiscoveryResult receive(Instant now, Inbound in, DiscoveryResult.Builder out) {
        PppoeCode code = in.packet().code();
        if (code.equals(PppoeCode.PADI)) {
            return onPadi(now, in, out);
        }
        if (!in.destination().equals(config.acMac())) {
            // PADR and PADT are unicast to us (§5.3, §5.5); anything else on the wire is another AC's.
            return ignore(out, code + " not addressed to us");
        }
        if (code.equals(PppoeCode.PADR)) {
            return onPadr(now, in, out);
        }
        if (code.equals(PppoeCode.PADT)) {
            return onPadt(in, out);
        }
        return ignore(out, code + " from " + in.source());
    }

    /** PADI (§5.1, §5.2): a PADO to the host unless it is refused; nothing is remembered. */
    private DiscoveryResult onPadi(Instant now, Inbound in, DiscoveryResult.Builder out) {
        counts[Count.PADI.ordinal()]++;
        MacAddress host = in.source();
        PppoeDiscovery p = in.packet();
        if (host.isMulticast()) {
            counts[Count.IGNORED.ordinal()]++;
            return out.error("PADI packet from non-unicast source address").build();
        }
        if (!rateLimiter.allow(host, now)) {
            counts[Count.PADI_RATE_LIMITED.ordinal()]++;
            return out.debug("PADI from " + host + " dropped by the rate limit").build();
        }
        if (overPerMacLimit("PADI", host, out)) {
            return out.build();
        }
        String requested = p.serviceName().orElse("");
        if (!requested.isEmpty() && !offers(requested)) {
            return ignore(out, "PADI from " + host + " for unsupported service '" + requested + "'");
        }
        ByteString hostUniq = p.hostUniq().orElse(ByteString.emptyByteString());
        List<PppoeTag> tags = new ArrayList<>();
        tags.add(PppoeTag.acName(config.acName()));
        grantedMaxPayload(p).ifPresent(m -> tags.add(new PppoeTag.PppMaxPayload(m)));
        List<String> names = config.serviceNames().isEmpty() ? List.of(requested) : config.serviceNames();
        names.forEach(n -> tags.add(PppoeTag.serviceName(n)));
        tags.add(new PppoeTag.Opaque(PppoeTag.AC_COOKIE, cookies.issue(now, host, hostUniq)));
        echoRelayAndHostUniq(p, tags);
        counts[Count.PADO.ordinal()]++;
        return out.act(send(host, new PppoeDiscovery(PppoeCode.PADO, 0, tags))).build();
    }

    /**
     * PADR (§5.3, §5.4): checked in pppoe-server's order (unicast source, {@code -x}, cookie,
     * Service-Name, a free slot), after a look for a retransmission of a PADR already granted.
     */
    private DiscoveryResult onPadr(Instant now, Inbound in, DiscoveryResult.Builder out) {
        counts[Count.PADR.ordinal()]++;
        MacAddress host = in.source();
        PppoeDiscovery p = in.packet();
        if (host.isMulticast()) {
            counts[Count.IGNORED.ordinal()]++;
            return out.error("PADR packet from non-unicast source address").build();
        }
        if (p.cookie().isEmpty()) {
            counts[Count.PADR_NO_COOKIE.ordinal()]++;
            return out.debug("PADR from " + host + " without AC-Cookie dropped").build();
        }
        ByteString hostUniq = p.hostUniq().orElse(ByteString.emptyByteString());
        SessionTable.Conversation conversation = new SessionTable.Conversation(host, hostUniq, p.cookie().get());
        Optional<SessionTable.Entry> granted = sessions.get(conversation)
                .filter(e -> !endedByHost.contains(e.session().sessionId()));
        if (granted.isPresent()) {
            counts[Count.PADR_DUPLICATE.ordinal()]++;
            out.act(send(host, granted.get().pads()));
            return out.debug("Duplicate PADR from " + host + ": PADS for session "
                    + granted.get().session().sessionId() + " sent again").build();
        }
        if (overPerMacLimit("PADR", host, out)) {
            return out.build();
        }
        AcCookies.Verdict verdict = cookies.check(now, host, hostUniq, p.cookie().get());
        if (verdict != AcCookies.Verdict.VALID) {
            counts[(verdict == AcCookies.Verdict.STALE ? Count.PADR_STALE : Count.PADR_FORGED).ordinal()]++;
            return out.debug("PADR from " + host + " with a " + verdict.name().toLowerCase(Locale.ROOT)
                    + " AC-Cookie dropped").build();
        }
        Optional<String> requested = p.serviceName();
        if (requested.isEmpty()) {
            out.error("Received PADR packet with no SERVICE_NAME tag");
            return errorPads(host, p, PppoeTag.SERVICE_NAME_ERROR, "jppp: Server: No service name tag", out);
        }
        if (!requested.get().isEmpty() && !offers(requested.get())) {
            out.error("Received PADR packet asking for unsupported service " + requested.get());
            return errorPads(host, p, PppoeTag.SERVICE_NAME_ERROR, "jppp: Server: Invalid service name tag", out);
        }
        OptionalInt id = sessions.allocate();
        if (id.isEmpty()) {
            out.error("No client slots available (" + host + ")");
            return errorPads(host, p, PppoeTag.AC_SYSTEM_ERROR, "jppp: Server: No client slots available", out);
        }
        // An empty Service-Name asks for the default service: pppoe-server grants its first one.
        String service = requested.get().isEmpty() && !config.serviceNames().isEmpty()
                ? config.serviceNames().get(0) : requested.get();
        ServerSession session = new ServerSession(id.getAsInt(), host, service, p.hostUniq(),
                grantedMaxPayload(p), p.relaySessionId());
        List<PppoeTag> tags = new ArrayList<>();
        tags.add(PppoeTag.serviceName(service));
        session.maxPayload().ifPresent(m -> tags.add(new PppoeTag.PppMaxPayload(m)));
        echoRelayAndHostUniq(p, tags);
        PppoeDiscovery pads = new PppoeDiscovery(PppoeCode.PADS, session.sessionId(), tags);
        sessions.put(new SessionTable.Entry(session, conversation, pads));
        counts[Count.PADS.ordinal()]++;
        out.info("Session " + session.sessionId() + " created for client " + host + " using Service-Name '"
                + service + "'");
        return out.act(send(host, pads)).act(new DiscoveryAction.SessionOpened(session)).build();
    }

    /** PADT (§5.5) from the host of a session in use: the session is over. */
    private DiscoveryResult onPadt(Inbound in, DiscoveryResult.Builder out) {
        int id = in.packet().sessionId();
        Optional<SessionTable.Entry> entry = sessions.get(id);
        if (entry.isEmpty() || endedByHost.contains(id)) {
            return ignore(out, "PADT for session " + id + ", which is not in use");
        }
        MacAddress owner = entry.get().session().client();
        if (!owner.equals(in.source())) {
            counts[Count.IGNORED.ordinal()]++;
            return out.warn("PADT for session " + id + " received from " + upper(in.source()) + "; should be from "
                    + upper(owner)).build();
        }
        counts[Count.PADT.ordinal()]++;
        out.errorTags("PADT", in.packet());
        // The id stays taken until the session's PPP has ended (terminate or release), as
        // pppoe-server frees a slot when its pppd exits: a new session given this id meanwhile
        // would be the one that late end closes.
        endedByHost.add(id);
        out.info("Session " + id + " closed for client " + owner + ": Received PADT");
        return out.act(new DiscoveryAction.SessionTerminated(id, owner)).build();
    }

    private DiscoveryResult errorPads(MacAddress host, PppoeDiscovery request, int errorType, String text,
            DiscoveryResult.Builder out) {
        List<PppoeTag> tags = new ArrayList<>();
        tags.add(PppoeTag.text(errorType, text));
        echoRelayAndHostUniq(request, tags);
        counts[Count.PADS_ERROR.ordinal()]++;
        return out.act(send(host, new PppoeDiscovery(PppoeCode.PADS, 0, tags))).build();
    }

    private boolean overPerMacLimit(String what, MacAddress host, DiscoveryResult.Builder out) {
        int limit = config.maxSessionsPerMac();
        if (limit == 0 || sessions.countFrom(host) < limit) {
            return false;
        }
        counts[Count.IGNORED.ordinal()]++;
        out.info(what + ": Client " + host + " attempted to create more than " + limit + " session(s)");
        return true;
    }

    private boolean offers(String service) {
        return config.serviceNames().isEmpty() || config.serviceNames().contains(service);
    }

    /**
     * RFC 4638 §4: a host asking for more than 1492 gets the smaller of its value and what the
     * interface carries; nothing if that is not above 1492 (pppoe-server's rule).
     */
    private OptionalInt grantedMaxPayload(PppoeDiscovery request) {
        OptionalInt asked = request.maxPayload();
        if (asked.isEmpty() || asked.getAsInt() <= PppoeConstants.MAX_MRU) {
            return OptionalInt.empty();
        }
        int granted = Math.min(asked.getAsInt(), config.interfaceMtu() - ClientConfig.OVERHEAD);
        return granted > PppoeConstants.MAX_MRU ? OptionalInt.of(granted) : OptionalInt.empty();
    }

    /** Relay-Session-Id and Host-Uniq come back unchanged (RFC 2516 appendix A). */
    private static void echoRelayAndHostUniq(PppoeDiscovery request, List<PppoeTag> tags) {
        request.relaySessionId().ifPresent(r -> tags.add(new PppoeTag.Opaque(PppoeTag.RELAY_SESSION_ID, r)));
        request.hostUniq().ifPresent(h -> tags.add(new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, h)));
    }

    private DiscoveryAction.Send send(MacAddress destination, PppoeDiscovery packet) {
        return new DiscoveryAction.Send(
                new EthernetHeader(destination, config.acMac(), PppoeConstants.ETHERTYPE_DISCOVERY), packet);
    }

    private DiscoveryResult ignore(DiscoveryResult.Builder out, String why) {
        counts[Count.IGNORED.ordinal()]++;
        return out.debug("Ignoring " + why).build();
    }

    private long count(Count c) {
        return counts[c.ordinal()];
    }

    private static String upper(MacAddress mac) {
        return mac.toString().toUpperCase(Locale.ROOT);
    }
}
