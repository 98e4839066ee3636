package org.jppp.actors.cp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Mdc;
import org.jppp.actors.PppdLog;
import org.jppp.actors.link.LinkIo;
import org.jppp.protocol.cp.IpcpHandler;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.cp.Ipv6cpHandler;
import org.jppp.protocol.cp.Ipv6cpSettings;
import org.jppp.protocol.cp.LcpEvent;
import org.jppp.protocol.cp.LcpHandler;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.protocol.fsm.Fsm;
import org.jppp.protocol.fsm.FsmAction;
import org.jppp.protocol.fsm.FsmConfig;
import org.jppp.protocol.fsm.FsmEvent;
import org.jppp.protocol.fsm.FsmResult;
import org.jppp.protocol.fsm.FsmState;
import org.jppp.protocol.fsm.HandlerEvent;
import org.jppp.protocol.fsm.OptionHandler;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.PppdText;

/**
 * One LCP-like control protocol of a link (LCP, IPCP or IPv6CP): the pure RFC 1661 {@link Fsm}
 * with the protocol's option handler, and this actor doing what the automaton asks — packets
 * go to {@link LinkIo}, the one Restart timer runs here under one key, This-Layer-Up/Down/
 * Finished go to the parent as {@link Report}s with the negotiated values copied out.
 *
 * <p>LCP adds what pppd's {@code lcp.c} does around the automaton: the Echo-Request keepalive
 * ({@link EchoKeepalive}, run while Opened) with pppd's dead-peer lines and exit status 15,
 * loopback detection (exit 17), and the peer's Terminate-Request ending the link (exit 16).
 */
public final class ControlProtocol extends AbstractBehavior<ControlProtocol.Command> {

    /**
     * What one protocol instance needs: its number, automaton tunables, a fresh option handler,
     * how to read the negotiated values out of it, and for LCP the keepalive.
     */
    public record Spec(PppProtocol protocol, FsmConfig fsm, Supplier<OptionHandler> handler,
                       Function<OptionHandler, Negotiated> summary, Optional<EchoKeepalive.Settings> keepalive) {

        public static Spec lcp(LcpSettings settings, FsmConfig fsm, RandomGenerator random,
                               EchoKeepalive.Settings keepalive) {
            return new Spec(PppProtocol.LCP, fsm, () -> new LcpHandler(settings, random), h -> {
                LcpHandler lcp = (LcpHandler) h;
                return new Negotiated.Lcp(lcp.ours(), lcp.his());
            }, Optional.of(keepalive).filter(EchoKeepalive.Settings::enabled));
        }

        public static Spec ipcp(IpcpSettings settings, FsmConfig fsm) {
            return new Spec(PppProtocol.IPCP, fsm, () -> new IpcpHandler(settings), h -> {
                IpcpHandler ipcp = (IpcpHandler) h;
                return new Negotiated.Ipcp(ipcp.localAddress(), ipcp.remoteAddress(), ipcp.peerDns());
            }, Optional.empty());
        }

        public static Spec ipv6cp(Ipv6cpSettings settings, FsmConfig fsm, RandomGenerator random) {
            return new Spec(PppProtocol.IPV6CP, fsm, () -> new Ipv6cpHandler(settings, random), h -> {
                Ipv6cpHandler ipv6cp = (Ipv6cpHandler) h;
                return new Negotiated.Ipv6cp(ipv6cp.ours(), ipv6cp.his());
            }, Optional.empty());
        }
    }

    public sealed interface Command { }

    /** RFC 1661 §4.3 Up: the lower layer can carry this protocol's packets. */
    public record Up() implements Command { }

    /** RFC 1661 §4.3 Down. */
    public record Down() implements Command { }

    /** RFC 1661 §4.3 Open. */
    public record Open() implements Command { }

    /** RFC 1661 §4.3 Close; {@code reason} travels in the Terminate-Request. */
    public record Close(String reason) implements Command { }

    /**
     * The peer Protocol-Rejected this protocol (RFC 1661 §5.7): stop without sending anything
     * more of it, as Down followed by Close does.
     */
    public record PeerRejected() implements Command { }

    private record Received(LinkIo.Inbound inbound) implements Command { }

    private enum RestartTimeout implements Command { INSTANCE }

    private record EchoFailed(int unanswered) implements Command { }

    private record Looped() implements Command { }

    /** What the parent (the session) hears. */
    public sealed interface Report {
        PppProtocol protocol();
    }

    /** tlu: the layer is Opened with these values. */
    public record LayerUp(PppProtocol protocol, Negotiated negotiated) implements Report { }

    /** tld: the layer left Opened and is now in {@code state}. */
    public record LayerDown(PppProtocol protocol, FsmState state) implements Report { }

    /** tlf: the layer no longer needs the link. */
    public record LayerFinished(PppProtocol protocol) implements Report { }

    /** Why LCP is ending the link, with pppd's exit status for it. */
    public record LinkFailed(PppProtocol protocol, int exitStatus, String reason) implements Report { }

    /** LCP received a Protocol-Reject for {@code rejected}. */
    public record ProtocolRejected(PppProtocol protocol, PppProtocol rejected) implements Report { }

    private static final Object TIMER_KEY = "restart";

    private final Spec spec;
    private final Fsm fsm;
    private final ActorRef<LinkIo.Command> link;
    private final ActorRef<Report> parent;
    private final TimerScheduler<Command> timers;
    private final ActorRef<LinkIo.Inbound> inbound;
    /** Whether the link delivers the peer's packets to {@link #inbound}: from the first Up on. */
    private boolean registered;
    private Optional<ActorRef<EchoKeepalive.Command>> keepalive = Optional.empty();
    private int keepalives;

    public static Behavior<Command> create(Spec spec, ActorRef<LinkIo.Command> link, ActorRef<Report> parent) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new ControlProtocol(ctx, timers, spec, link, parent)));
    }

    private ControlProtocol(ActorContext<Command> ctx, TimerScheduler<Command> timers, Spec spec,
                            ActorRef<LinkIo.Command> link, ActorRef<Report> parent) {
        super(ctx);
        this.spec = spec;
        this.fsm = new Fsm(spec.handler().get(), spec.fsm());
        this.link = link;
        this.parent = parent;
        this.timers = timers;
        this.inbound = ctx.messageAdapter(LinkIo.Inbound.class, Received::new);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Up.class, m -> onUp())
                .onMessage(Down.class, m -> perform(fsm.down()))
                .onMessage(Open.class, m -> perform(fsm.open()))
                .onMessage(Close.class, m -> perform(fsm.close(m.reason())))
                .onMessage(PeerRejected.class, m -> onPeerRejected())
                .onMessage(Received.class, this::onReceived)
                .onMessageEquals(RestartTimeout.INSTANCE, this::onTimeout)
                .onMessage(EchoFailed.class, this::onEchoFailed)
                .onMessage(Looped.class, m -> onLooped())
                .onSignal(PostStop.class, s -> onPostStop())
                .build();
    }

    private String name() {
        return fsm.handler().protocolName();
    }

    /**
     * The peer's packets are taken only from the first Up on: before it the automaton is in
     * Initial or Starting, where pppd's fsm_input discards them (RFC 1661 §4.2: no lower layer
     * yet). Registering in setup instead raced the parent's Open and Up: the link could hand the
     * peer's Configure-Request, held for this protocol, to an automaton still in Initial, and the
     * peer had to wait for its Restart timer. The link holds the packets until this Register.
     */
    private Behavior<Command> onUp() {
        Behavior<Command> next = perform(fsm.up());
        if (!registered) {
            registered = true;
            link.tell(new LinkIo.Register(spec.protocol(), inbound));
        }
        return next;
    }

    private Behavior<Command> onReceived(Received m) {
        FsmState before = fsm.state();
        FsmResult result = fsm.receive(m.inbound().packet());
        if (before == FsmState.OPENED && result.event().equals(Optional.of(FsmEvent.RTR))) {
            terminatedByPeer(m.inbound().packet().data());
        }
        return perform(result);
    }

    /** pppd's fsm_rtermreq in Opened; for LCP the link ends as on a tty hang-up (exit 16). */
    private void terminatedByPeer(byte[] reason) {
        String text = reason.length == 0 ? "" : " (" + unquoted(reason) + ")";
        PppdLog.LOG.info("{} terminated by peer{}", name(), text);
        if (isLcp()) {
            parent.tell(new LinkFailed(spec.protocol(), ExitStatus.EXIT_HANGUP, name() + " terminated by peer" + text));
        }
    }

    private static String unquoted(byte[] text) {
        String quoted = PppdText.quoted(Octets.of(text));
        return quoted.substring(1, quoted.length() - 1);
    }

    private Behavior<Command> onTimeout() {
        FsmState before = fsm.state();
        FsmResult result = fsm.timeout();
        if (before.negotiating() && result.event().equals(Optional.of(FsmEvent.TO_MINUS))) {
            PppdLog.LOG.warn("{}: timeout sending Config-Requests", name());
        }
        return perform(result);
    }

    private Behavior<Command> onPeerRejected() {
        perform(fsm.down());
        return perform(fsm.close("Protocol rejected"));
    }

    /** pppd's LcpLinkFailure. */
    private Behavior<Command> onEchoFailed(EchoFailed m) {
        keepalive = Optional.empty();
        PppdLog.LOG.info("No response to {} echo-requests", m.unanswered());
        PppdLog.LOG.info("Serial link appears to be disconnected.");
        return fail(ExitStatus.EXIT_PEER_DEAD, "Peer not responding");
    }

    /** pppd's lcp_nakci when the Magic-Number kept coming back (RFC 1661 §6.4). */
    private Behavior<Command> onLooped() {
        PppdLog.LOG.info("Serial line is looped back.");
        return fail(ExitStatus.EXIT_LOOPBACK, "Loopback detected");
    }

    private Behavior<Command> fail(int exitStatus, String reason) {
        parent.tell(new LinkFailed(spec.protocol(), exitStatus, reason));
        return perform(fsm.close(reason));
    }

    /** Performs the automaton's actions in order (RFC 1661 §4.4). */
    private Behavior<Command> perform(FsmResult result) {
        for (FsmAction action : result.actions()) {
            perform(action, result.state());
        }
        return this;
    }

    private void perform(FsmAction action, FsmState state) {
        if (action instanceof FsmAction.Send s) {
            link.tell(new LinkIo.Transmit(spec.protocol(), s.packet()));
        } else if (action instanceof FsmAction.StartTimer t) {
            timers.startSingleTimer(TIMER_KEY, RestartTimeout.INSTANCE, t.after());
        } else if (action instanceof FsmAction.StopTimer) {
            timers.cancel(TIMER_KEY);
        } else if (action instanceof FsmAction.ThisLayerUp) {
            layerUp();
        } else if (action instanceof FsmAction.ThisLayerDown) {
            layerDown(state);
        } else if (action instanceof FsmAction.ThisLayerStarted) {
            getContext().getLog().debug("{}: this layer started", name());
        } else if (action instanceof FsmAction.ThisLayerFinished) {
            parent.tell(new LayerFinished(spec.protocol()));
        } else if (action instanceof FsmAction.Notify n) {
            notified(n.event());
        }
    }

    private void layerUp() {
        Negotiated negotiated = spec.summary().apply(fsm.handler());
        spec.keepalive().ifPresent(k -> {
            int magic = ((Negotiated.Lcp) negotiated).ours().magic().orElse(0);
            ActorRef<EchoKeepalive.PeerDead> dead = getContext().messageAdapter(EchoKeepalive.PeerDead.class,
                    p -> new EchoFailed(p.unanswered()));
            keepalive = Optional.of(getContext().spawn(Mdc.inherit(EchoKeepalive.create(k, magic, link, dead)),
                    "echo-" + ++keepalives));
        });
        parent.tell(new LayerUp(spec.protocol(), negotiated));
    }

    private void layerDown(FsmState state) {
        keepalive.ifPresent(getContext()::stop);
        keepalive = Optional.empty();
        parent.tell(new LayerDown(spec.protocol(), state));
    }

    private void notified(HandlerEvent event) {
        if (event instanceof LcpEvent.EchoReplyReceived) {
            keepalive.ifPresent(k -> k.tell(new EchoKeepalive.ReplyReceived()));
        } else if (event instanceof LcpEvent.LoopbackDetected) {
            getContext().getSelf().tell(new Looped());
        } else if (event instanceof LcpEvent.ProtocolRejected r) {
            parent.tell(new ProtocolRejected(spec.protocol(), r.protocol()));
        } else if (event instanceof LcpEvent.TimeRemainingReceived t) {
            PppdLog.LOG.info("Received time remaining: {} seconds {}", t.seconds(), t.message());
        } else {
            getContext().getLog().debug("{}: {}", name(), event);
        }
    }

    private boolean isLcp() {
        return spec.protocol().equals(PppProtocol.LCP);
    }

    private Behavior<Command> onPostStop() {
        if (registered) {
            link.tell(new LinkIo.Unregister(spec.protocol(), inbound));
        }
        return this;
    }
}
