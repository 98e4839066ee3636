package org.jppp.actors.session;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Mdc;
import org.jppp.actors.Phase;
import org.jppp.actors.PppdLog;
import org.jppp.actors.auth.Auth;
import org.jppp.actors.cp.ControlProtocol;
import org.jppp.actors.cp.EchoKeepalive;
import org.jppp.actors.cp.Negotiated;
import org.jppp.actors.link.LinkCounters;
import org.jppp.actors.link.LinkIo;
import org.jppp.actors.link.LinkParameters;
import org.jppp.actors.link.LowerLink;
import org.jppp.protocol.authn.NegotiatedAuth;
import org.jppp.protocol.config.SecretsEntry;
import org.jppp.protocol.cp.AuthMethod;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.protocol.cp.LcpValues;
import org.jppp.protocol.fsm.FsmState;
import org.jppp.protocol.wire.PppProtocol;

/**
 * One incarnation of a PPP link, from the lower link coming up to LCP finishing (RFC 1661 §3.2):
 * it owns {@link LinkIo}, LCP and the NCPs as children, walks the phases and tells its parent
 * when network protocols come up or go down and, once, that it {@link Finished} with pppd's exit
 * status. A link that ends — whatever the reason — is a normal stop, never an exception: the
 * parent decides about persist, holdoff and maxfail (STYLE habit 8).
 *
 * <p>The exit status follows pppd: {@code EXIT_NEGOTIATION_FAILED} until the first NCP opens,
 * then {@code EXIT_OK}, unless a cause was given on the way (dead peer, loopback, peer
 * termination, hang-up, authentication failure, user request).
 */
public final class PeerSession extends AbstractBehavior<PeerSession.Command> {

    public sealed interface Command { }

    /** End the link on the user's request (pppd on SIGTERM/SIGINT): exit status 5. */
    public record Close(String reason) implements Command { }

    private record FromProtocol(ControlProtocol.Report report) implements Command { }

    private record FromLink(LinkIo.Event event) implements Command { }

    private record FromAuth(Auth.Report report) implements Command { }

    /**
     * The parent's answer to {@link Up}: the interface is configured for the network protocol,
     * or {@code failure} says why it could not be.
     */
    public record Configured(PppProtocol ncp, int token, Optional<String> failure) implements Command { }

    private record ConfigureTimedOut(PppProtocol ncp, int token) implements Command { }

    /** An auth actor did not answer {@link Auth.Drain} in time (it failed): end the link anyway. */
    private record DrainTimedOut() implements Command { }

    /** How long a hang-up waits for the auth actor to handle what it had received. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(1);

    /**
     * How long the parent may take to configure the interface; past it the network protocol is
     * closed as if configuring had failed (pppd's ipcp_up configures synchronously and cannot hang).
     */
    static final Duration CONFIGURE_TIMEOUT = Duration.ofSeconds(30);

    /** LCP, the authentication protocols, and the NCPs configured. */
    private static Set<PppProtocol> expected(SessionSettings settings) {
        Set<PppProtocol> out = new LinkedHashSet<>(List.of(PppProtocol.LCP, PppProtocol.PAP, PppProtocol.CHAP,
                PppProtocol.EAP));
        settings.ipcp().ifPresent(s -> out.add(PppProtocol.IPCP));
        settings.ipv6cp().ifPresent(s -> out.add(PppProtocol.IPV6CP));
        return out;
    }

    /** What the parent hears. */
    public sealed interface Event { }

    /** The session entered {@code phase}. */
    public record PhaseChanged(Phase phase) implements Event { }

    /**
     * A network protocol is Opened: configure the interface for it, then answer with
     * {@link #configured()} or {@link #failed}. As in pppd's ipcp_up, the session logs the
     * addresses and lets datagrams pass only once the interface is configured.
     */
    public record Up(UpDetails details, int token, ActorRef<Configured> replyTo) implements Event {
        public void configured() {
            replyTo.tell(new Configured(details.ncp(), token, Optional.empty()));
        }

        public void failed(String reason) {
            replyTo.tell(new Configured(details.ncp(), token, Optional.of(reason)));
        }
    }

    /**
     * The interface is configured for a network protocol, its addresses are logged and datagrams
     * pass: what follows in pppd's ipcp_up, np_up (updetach, the up notification).
     */
    public record Passing(UpDetails details) implements Event { }

    /** A network protocol left Opened. */
    public record Down(PppProtocol ncp) implements Event { }

    /**
     * We authenticated the peer and the Network phase begins (pppd's network_phase runs auth-up
     * here), under the name it authenticated with.
     */
    public record PeerAuthenticated(String peerName) implements Event { }

    /**
     * LCP left Opened or the line hung up, before the network protocols are told (pppd's
     * link_down runs auth-down first, then lowers IPCP, whose ipcp_down runs ip-down).
     */
    public record LinkDown() implements Event { }

    /** The link is over; the session has stopped. */
    public record Finished(int exitStatus, String reason) implements Event { }

    private static final List<PppProtocol> NCPS = List.of(PppProtocol.IPCP, PppProtocol.IPV6CP);

    private final SessionSettings settings;
    private final ActorRef<Event> parent;
    private final LinkCounters counters = new LinkCounters();
    private final ActorRef<LinkIo.Command> link;
    private final ActorRef<ControlProtocol.Report> reports;
    private final ActorRef<ControlProtocol.Command> lcp;
    private final SplittableRandom random = new SplittableRandom();
    private final Map<PppProtocol, ActorRef<ControlProtocol.Command>> ncps = new LinkedHashMap<>();
    private final Set<PppProtocol> opened = new LinkedHashSet<>();
    /** Network protocols whose Up the parent has not answered yet, with the details and token. */
    private final Map<PppProtocol, Pending> configuring = new LinkedHashMap<>();
    private final TimerScheduler<Command> timers;
    private int tokens;
    private Phase phase = Phase.DEAD;
    private Negotiated.Lcp lcpValues;
    /** LCP is Opened and its LinkDown not yet told (pppd's link_down runs once per link). */
    private boolean lcpOpened;
    /** How long the parent may take to answer {@link Up} ({@link #CONFIGURE_TIMEOUT} but in tests). */
    private final Duration configureTimeout;
    private Optional<ActorRef<Auth.Command>> auth = Optional.empty();
    /** Auth actors told to {@link Auth.Drain} whose {@link Auth.Drained} has not come yet. */
    private int authDraining;
    /** The lower link ended while an auth actor was draining: the session ends once it has. */
    private boolean linkEndPending;
    private Optional<String> peerName = Optional.empty();
    private Optional<SecretsEntry> peerEntry = Optional.empty();
    private int generation;
    private int exitStatus = ExitStatus.EXIT_NEGOTIATION_FAILED;
    private String reason = "negotiation failed";
    private boolean causeGiven;

    public static Behavior<Command> create(SessionSettings settings, LowerLink lower,
                                           Flow<ByteString, ByteString, ?> ipSide, ActorRef<Event> parent) {
        return create(settings, lower, ipSide, parent, CONFIGURE_TIMEOUT);
    }

    /** As {@link #create(SessionSettings, LowerLink, Flow, ActorRef)}, with the parent's configure deadline. */
    static Behavior<Command> create(SessionSettings settings, LowerLink lower, Flow<ByteString, ByteString, ?> ipSide,
                                    ActorRef<Event> parent, Duration configureTimeout) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new PeerSession(ctx, timers, settings, lower, ipSide, parent, configureTimeout)));
    }

    private record Pending(UpDetails details, int token) { }

    private PeerSession(ActorContext<Command> ctx, TimerScheduler<Command> timers, SessionSettings settings,
                        LowerLink lower, Flow<ByteString, ByteString, ?> ipSide, ActorRef<Event> parent,
                        Duration configureTimeout) {
        super(ctx);
        this.configureTimeout = configureTimeout;
        this.timers = timers;
        this.settings = settings;
        this.parent = parent;
        this.reports = ctx.messageAdapter(ControlProtocol.Report.class, FromProtocol::new);
        this.link = ctx.spawn(Mdc.inherit(LinkIo.create(lower, ipSide, expected(settings), counters,
                ctx.messageAdapter(LinkIo.Event.class, FromLink::new))), "link");
        EchoKeepalive.Settings echo = new EchoKeepalive.Settings(settings.echoInterval(), settings.echoFailure(),
                settings.echoAdaptive(), counters::framesIn);
        this.lcp = ctx.spawn(Mdc.inherit(ControlProtocol.create(
                ControlProtocol.Spec.lcp(settings.lcp(), settings.lcpFsm(), random.split(), echo), link, reports)), "lcp");
        enter(Phase.ESTABLISH);
        // pppd's start_link: lcp_open, then lcp_lowerup once the device is ready.
        lcp.tell(new ControlProtocol.Open());
        lcp.tell(new ControlProtocol.Up());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromProtocol.class, m -> onReport(m.report()))
                .onMessage(FromLink.class, m -> onLinkEnded())
                .onMessage(FromAuth.class, m -> onAuth(m.report()))
                .onMessage(Close.class, this::onClose)
                .onMessage(Configured.class, this::onConfigured)
                .onMessage(ConfigureTimedOut.class, this::onConfigureTimedOut)
                .onMessage(DrainTimedOut.class, m -> linkEndPending ? linkEnded() : this)
                .build();
    }

    private void enter(Phase next) {
        if (phase != next) {
            getContext().getLog().debug("phase {} -> {}", phase, next);
            phase = next;
            link.tell(new LinkIo.SetPhase(next));
            parent.tell(new PhaseChanged(next));
        }
    }

    private void cause(int status, String why) {
        exitStatus = status;
        reason = why;
        causeGiven = true;
    }

    /**
     * The authenticator sends its Failure and then its Terminate-Request back to back; they reach
     * the Auth and LCP actors separately, so the peer's termination may be reported after the
     * failure. pppd reads them in order and exits with the authentication status: keep it.
     */
    private boolean authFailureStands(ControlProtocol.LinkFailed failed) {
        return causeGiven && failed.exitStatus() == ExitStatus.EXIT_HANGUP
                && (exitStatus == ExitStatus.EXIT_AUTH_TOPEER_FAILED || exitStatus == ExitStatus.EXIT_PEER_AUTH_FAILED);
    }

    private Behavior<Command> onClose(Close m) {
        cause(ExitStatus.EXIT_USER_REQUEST, m.reason());
        closeLink(m.reason());
        return this;
    }

    /** pppd's lcp_close: the Terminate phase starts now, whatever state LCP is in. */
    private void closeLink(String why) {
        if (phase != Phase.DEAD) {
            enter(Phase.TERMINATE);
        }
        lcp.tell(new ControlProtocol.Close(why));
    }

    private Behavior<Command> onReport(ControlProtocol.Report report) {
        boolean isLcp = report.protocol().equals(PppProtocol.LCP);
        if (report instanceof ControlProtocol.LayerUp up) {
            return isLcp ? lcpUp((Negotiated.Lcp) up.negotiated()) : ncpUp(up);
        } else if (report instanceof ControlProtocol.LayerDown down) {
            return isLcp ? lcpDown(down.state()) : ncpDown(down.protocol());
        } else if (report instanceof ControlProtocol.LayerFinished) {
            return isLcp ? finish() : ncpFinished(report.protocol());
        } else if (report instanceof ControlProtocol.LinkFailed failed && !authFailureStands(failed)) {
            cause(failed.exitStatus(), failed.reason());
        } else if (report instanceof ControlProtocol.ProtocolRejected rejected) {
            Optional.ofNullable(ncps.get(rejected.rejected())).ifPresent(n -> n.tell(new ControlProtocol.PeerRejected()));
            auth.ifPresent(a -> a.tell(new Auth.ProtocolRejected(rejected.rejected())));
        }
        return this;
    }

    /**
     * RFC 1661 §3.3 to §3.4: LCP is Opened; the framing learns what was negotiated, and if either
     * end asked for authentication the Authentication phase runs before the Network phase.
     */
    private Behavior<Command> lcpUp(Negotiated.Lcp values) {
        lcpValues = values;
        lcpOpened = true;
        link.tell(new LinkIo.ApplyParameters(parameters(values)));
        NegotiatedAuth negotiated = NegotiatedAuth.fromLcp(values.his().auth().stream().findFirst().map(AuthMethod::option),
                values.ours().auth().stream().findFirst().map(AuthMethod::option));
        if (negotiated.equals(NegotiatedAuth.NONE)) {
            startNetwork();
        } else {
            enter(Phase.AUTHENTICATE);
            generation++;
            auth = Optional.of(getContext().spawn(Mdc.inherit(Auth.create(negotiated, settings.auth().context(random.split()),
                    link, getContext().messageAdapter(Auth.Report.class, FromAuth::new))), "auth-" + generation));
        }
        return this;
    }

    /**
     * The authenticator sends its Failure and then its Terminate-Request (or hangs up) back to
     * back; they reach the auth actor, the LCP actor and this one separately. pppd reads them in
     * order and exits with the authentication status, so the auth actor is not stopped but told
     * to handle what it already received first ({@link Auth.Drain}): a Failure still reaches
     * {@link #onAuth} before its {@link Auth.Drained}.
     */
    private void drainAuth() {
        auth.ifPresent(a -> {
            a.tell(new Auth.Drain());
            authDraining++;
        });
        auth = Optional.empty();
    }

    /** RFC 1661 §3.4: success moves on to the Network phase, failure to Link Termination. */
    private Behavior<Command> onAuth(Auth.Report report) {
        if (report instanceof Auth.Registering r) {
            if (auth.map(r.from()::equals).orElse(false)) {
                r.protocols().forEach(p -> link.tell(new LinkIo.Register(p, r.inbound())));
                r.from().tell(new Auth.Start());
            }
            return this;
        }
        if (report instanceof Auth.Drained) {
            authDraining--;
            return authDraining == 0 && linkEndPending ? linkEnded() : this;
        }
        if (report instanceof Auth.Succeeded ok && phase == Phase.AUTHENTICATE
                && auth.map(ok.from()::equals).orElse(false)) {
            peerName = ok.peerName();
            peerEntry = ok.peerEntry();
            // pppd runs auth-up only when it authenticated the peer (go->neg_chap/upap/eap).
            ok.peerEntry().ifPresent(e -> parent.tell(new PeerAuthenticated(ok.peerName().orElse(e.client()))));
            startNetwork();
        } else if (report instanceof Auth.Failed failed) {
            cause(failed.exitStatus(), failed.reason());
            closeLink(failed.terminateReason());
        }
        return this;
    }

    private static LinkParameters parameters(Negotiated.Lcp v) {
        int noMap = LinkParameters.DEFAULT.sendAccm();
        return new LinkParameters(v.his().asyncmap().orElse(noMap), v.ours().asyncmap().orElse(noMap),
                v.his().mru().orElse(LcpSettings.DEFAULT_MRU), v.ours().mru().orElse(LcpSettings.DEFAULT_MRU),
                v.his().pcomp(), v.his().accomp());
    }

    /**
     * LCP left Opened: we send with the defaults again, but keep accepting the control characters
     * our ACCM let the peer send raw, as pppd's lcp_down does. The peer's Terminate-Ack may still
     * come shaped by what was negotiated; taking its raw control octets for line noise would lose
     * it, and the link would end by hang-up instead.
     */
    private static LinkParameters afterDown(Negotiated.Lcp v) {
        LinkParameters d = LinkParameters.DEFAULT;
        int receiveAccm = v == null ? d.receiveAccm() : v.ours().asyncmap().orElse(d.receiveAccm());
        return new LinkParameters(d.sendAccm(), receiveAccm, d.sendMru(), d.receiveMru(), false, false);
    }

    /** RFC 1661 §3.5: each configured NCP is started (Open, then Up). */
    private void startNetwork() {
        enter(Phase.NETWORK);
        generation++;
        settings.ipcp().ifPresent(s -> startNcp(ControlProtocol.Spec.ipcp(PeerAddresses.withSuggestion(s, peerEntry),
                settings.ipcpFsm())));
        settings.ipv6cp().ifPresent(s -> startNcp(ControlProtocol.Spec.ipv6cp(s, settings.ipv6cpFsm(), random.split())));
        if (ncps.isEmpty()) {
            closeLink("No network protocols running");
        }
    }

    private void startNcp(ControlProtocol.Spec spec) {
        ActorRef<ControlProtocol.Command> ncp = getContext().spawn(Mdc.inherit(ControlProtocol.create(spec, link, reports)),
                spec.protocol().traceName().toLowerCase() + "-" + generation);
        ncps.put(spec.protocol(), ncp);
        ncp.tell(new ControlProtocol.Open());
        ncp.tell(new ControlProtocol.Up());
    }

    /** LCP left Opened: everything above it goes down with it (pppd's link_down). */
    private Behavior<Command> lcpDown(FsmState state) {
        linkDown();
        List.copyOf(opened).forEach(this::ncpDown);
        List.copyOf(configuring.keySet()).forEach(this::ncpDown);
        ncps.values().forEach(getContext()::stop);
        ncps.clear();
        drainAuth();
        link.tell(new LinkIo.ApplyParameters(afterDown(lcpValues)));
        enter(state == FsmState.CLOSING || state == FsmState.STOPPING ? Phase.TERMINATE : Phase.ESTABLISH);
        return this;
    }

    private Behavior<Command> ncpUp(ControlProtocol.LayerUp up) {
        if (phase != Phase.NETWORK || !ncps.containsKey(up.protocol())) {
            return this;
        }
        UpDetails details = details(up);
        if (!remoteAuthorized(details)) {
            return this;
        }
        // pppd's ipcp_up configures the interface first, and only then logs and passes datagrams.
        int token = ++tokens;
        configuring.put(up.protocol(), new Pending(details, token));
        timers.startSingleTimer(up.protocol(), new ConfigureTimedOut(up.protocol(), token), configureTimeout);
        parent.tell(new Up(details, token, getContext().getSelf().narrow()));
        return this;
    }

    /** The parent configured the interface (or could not): pppd's ipcp_up goes on from sifaddr. */
    private Behavior<Command> onConfigured(Configured m) {
        Pending pending = configuring.get(m.ncp());
        if (pending == null || pending.token() != m.token()) {
            // An answer for a protocol that went down meanwhile.
            return this;
        }
        configuring.remove(m.ncp());
        timers.cancel(m.ncp());
        if (m.failure().isPresent()) {
            // The parent undid its own half-done configuration when it failed.
            closeNcp(m.ncp());
            return this;
        }
        // pppd's ipcp_up sets NPMODE_PASS before its notices: once "remote IP address" is
        // logged, a datagram either way passes. The gate is opened here, not by a SetGate to the
        // link actor, which could still be queued when the line is read and a ping sent.
        counters.setOpen(dataProtocol(m.ncp()), true);
        logUp(pending.details());
        opened.add(m.ncp());
        if (!causeGiven) {
            exitStatus = ExitStatus.EXIT_OK;
            reason = "";
        }
        parent.tell(new Passing(pending.details()));
        return this;
    }

    private Behavior<Command> onConfigureTimedOut(ConfigureTimedOut m) {
        Pending pending = configuring.get(m.ncp());
        if (pending != null && pending.token() == m.token()) {
            configuring.remove(m.ncp());
            PppdLog.LOG.error("{}: interface configuration timed out", m.ncp().traceName());
            // The parent was told Up and may yet configure: Down tells it to undo that.
            parent.tell(new Down(m.ncp()));
            closeNcp(m.ncp());
        }
        return this;
    }

    /**
     * pppd's ipcp_up when sifaddr or sifup fails: the protocol closes ("Interface configuration
     * failed"); with no network protocol left the link ends.
     */
    private void closeNcp(PppProtocol ncp) {
        Optional.ofNullable(ncps.get(ncp)).ifPresent(n -> n.tell(new ControlProtocol.Close("Interface configuration failed")));
    }

    /**
     * pppd's ipcp_up checks the peer's address before configuring anything: one the secrets entry
     * does not allow closes IPCP, and with no network protocol left the link ends (exit status
     * 10 while nothing came up).
     */
    private boolean remoteAuthorized(UpDetails details) {
        Optional<Inet4Address> remote = details.remote();
        if (remote.isEmpty() || PeerAddresses.allowed(peerEntry, remote.get())) {
            return true;
        }
        PppdLog.LOG.error("Peer is not authorized to use remote address {}", remote.get().getHostAddress());
        ncps.get(details.ncp()).tell(new ControlProtocol.Close("Unauthorized remote IP address"));
        return false;
    }

    private Behavior<Command> ncpDown(PppProtocol ncp) {
        if (opened.remove(ncp)) {
            counters.setOpen(dataProtocol(ncp), false);
            parent.tell(new Down(ncp));
        } else if (configuring.remove(ncp) != null) {
            // Down before the parent answered: it may have configured already, so it is told.
            timers.cancel(ncp);
            parent.tell(new Down(ncp));
        }
        return this;
    }

    /** pppd's np_finished: with no network protocol left, LCP closes. */
    private Behavior<Command> ncpFinished(PppProtocol ncp) {
        Optional.ofNullable(ncps.remove(ncp)).ifPresent(getContext()::stop);
        if (ncps.isEmpty() && phase == Phase.NETWORK) {
            closeLink("No network protocols running");
        }
        return this;
    }

    /**
     * The modem hung up (pppd's get_input on end of file): the link is over at once. A cause
     * already given (the user's Close, a dead or terminating peer) explains the end better than
     * the hang-up that followed it, e.g. when our Terminate-Ack was lost and the peer hung up.
     */
    private Behavior<Command> onLinkEnded() {
        if (linkEndPending) {
            return this;
        }
        drainAuth();
        if (authDraining > 0) {
            // What the auth actor received before the end is part of the link's story (see drainAuth).
            linkEndPending = true;
            timers.startSingleTimer(DrainTimedOut.class, new DrainTimedOut(), DRAIN_TIMEOUT);
            return this;
        }
        return linkEnded();
    }

    private Behavior<Command> linkEnded() {
        timers.cancel(DrainTimedOut.class);
        linkEndPending = false;
        PppdLog.LOG.info("Modem hangup");
        if (!causeGiven) {
            cause(ExitStatus.EXIT_HANGUP, "Modem hangup");
        }
        linkDown();
        List.copyOf(opened).forEach(this::ncpDown);
        List.copyOf(configuring.keySet()).forEach(this::ncpDown);
        return finish();
    }

    private void linkDown() {
        if (lcpOpened) {
            lcpOpened = false;
            parent.tell(new LinkDown());
        }
    }

    /** LCP finished (tlf): pppd's link_terminated, then the Dead phase. */
    private Behavior<Command> finish() {
        PppdLog.LOG.info("Connection terminated.");
        enter(Phase.DEAD);
        parent.tell(new Finished(exitStatus, reason));
        return Behaviors.stopped();
    }

    private static PppProtocol dataProtocol(PppProtocol ncp) {
        return ncp.equals(PppProtocol.IPCP) ? PppProtocol.IPV4 : PppProtocol.IPV6;
    }

    private UpDetails details(ControlProtocol.LayerUp up) {
        LcpValues ours = lcpValues.ours();
        int mru = ours.mru().orElse(LcpSettings.DEFAULT_MRU);
        int mtu = Math.min(lcpValues.his().mru().orElse(LcpSettings.DEFAULT_MRU),
                settings.mtu().orElse(Integer.MAX_VALUE));
        if (up.negotiated() instanceof Negotiated.Ipcp ip) {
            return new UpDetails(up.protocol(), ip.local(), ip.remote(), ip.dns(), OptionalLong.empty(),
                    OptionalLong.empty(), mru, mtu, peerName);
        }
        Negotiated.Ipv6cp ip6 = (Negotiated.Ipv6cp) up.negotiated();
        return new UpDetails(up.protocol(), Optional.empty(), Optional.empty(), List.of(), ip6.local(), ip6.remote(),
                mru, mtu, peerName);
    }

    /** pppd's ipcp_up and ipv6cp_up notices, with their alignment. */
    private static void logUp(UpDetails d) {
        if (d.ncp().equals(PppProtocol.IPCP)) {
            d.local().ifPresent(a -> PppdLog.LOG.info("local  IP address {}", a.getHostAddress()));
            d.remote().ifPresent(a -> PppdLog.LOG.info("remote IP address {}", a.getHostAddress()));
            List<Inet4Address> dns = d.dns();
            if (!dns.isEmpty()) {
                PppdLog.LOG.info("primary   DNS address {}", dns.get(0).getHostAddress());
            }
            if (dns.size() > 1) {
                PppdLog.LOG.info("secondary DNS address {}", dns.get(1).getHostAddress());
            }
        } else {
            d.localInterfaceId().ifPresent(id -> PppdLog.LOG.info("local  LL address {}", linkLocal(id)));
            d.remoteInterfaceId().ifPresent(id -> PppdLog.LOG.info("remote LL address {}", linkLocal(id)));
        }
    }

    /** pppd's llv6_ntoa: fe80:: and the identifier as four groups. */
    static String linkLocal(long id) {
        return String.format("fe80::%x:%x:%x:%x", (id >>> 48) & 0xFFFF, (id >>> 32) & 0xFFFF,
                (id >>> 16) & 0xFFFF, id & 0xFFFF);
    }
}
