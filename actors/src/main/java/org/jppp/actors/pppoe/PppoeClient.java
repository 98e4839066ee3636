package org.jppp.actors.pppoe;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.PppdLog;
import org.jppp.io.packet.DiscoveryFrame;
import org.jppp.io.packet.EthernetEndpoint;
import org.jppp.io.packet.SessionChannel;
import org.jppp.protocol.pppoe.PppoeCode;
import org.jppp.protocol.pppoe.discovery.ClientConfig;
import org.jppp.protocol.pppoe.discovery.ClientSession;
import org.jppp.protocol.pppoe.discovery.DiscoveryAction;
import org.jppp.protocol.pppoe.discovery.DiscoveryClient;
import org.jppp.protocol.pppoe.discovery.DiscoveryResult;

/**
 * The host side of one PPPoE session (RFC 2516 §5): drives a {@link DiscoveryClient} from the
 * endpoint's discovery packets and its one timer, registers the granted session on the endpoint,
 * and then watches for the access concentrator's PADT, which closes the session channel (the
 * link's lower layer ends, as pppd's channel does when the kernel unbinds the session).
 *
 * <p>{@link Hangup} ends it from our side: a PADT when a session was bound (pppd's disconnect
 * hook), and the channel closed.
 */
public final class PppoeClient extends AbstractBehavior<PppoeClient.Command> {
    public sealed interface Command { }

    /** Ends the session (PADT with {@code reason}) or the discovery in progress; completes {@code done}. */
    public record Hangup(Optional<String> reason, CompletableFuture<Done> done) implements Command { }

    private record Received(DiscoveryFrame frame) implements Command { }

    private enum Timeout implements Command { INSTANCE }

    /** How discovery ended: a bound session, or pppd's failure with its exit status. */
    public sealed interface Outcome { }

    public record Connected(ClientSession session, SessionChannel channel) implements Outcome { }

    public record Failed(String reason, int exitStatus) implements Outcome { }

    private final EthernetEndpoint endpoint;
    private final ClientConfig config;
    private final DiscoveryClient discovery;
    private final TimerScheduler<Command> timers;
    private final CompletableFuture<Outcome> outcome;
    private final UniqueKillSwitch subscription;
    private Optional<SessionChannel> channel = Optional.empty();

    /**
     * @param outcome completed once: {@link Connected} or {@link Failed}; also {@link Failed} when
     *                a {@link Hangup} aborts discovery
     */
    /**
     * @param discovery the endpoint's discovery packets (a hub's subscription when several clients
     *                  share the endpoint); this actor stops its subscription when it stops
     */
    public static Behavior<Command> create(EthernetEndpoint endpoint, Source<DiscoveryFrame, ?> discovery,
            ClientConfig config, CompletableFuture<Outcome> outcome) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new PppoeClient(ctx, timers, endpoint, discovery, config, outcome)));
    }

    private PppoeClient(ActorContext<Command> ctx, TimerScheduler<Command> timers, EthernetEndpoint endpoint,
            Source<DiscoveryFrame, ?> frames, ClientConfig config, CompletableFuture<Outcome> outcome) {
        super(ctx);
        this.endpoint = endpoint;
        this.timers = timers;
        this.outcome = outcome;
        this.config = config;
        this.discovery = new DiscoveryClient(config);
        ByteString hostUniq = config.hostUniq();
        ActorRef<Command> self = ctx.getSelf();
        // Another client in this process may share the endpoint: keep only packets carrying our
        // Host-Uniq, and PADTs, which need not carry one (RFC 2516 §5.5).
        this.subscription = frames
                .viaMat(KillSwitches.single(), Keep.right())
                .filter(f -> f.packet().code().equals(PppoeCode.PADT) || hostUniq.isEmpty()
                        || f.packet().hostUniq().filter(hostUniq::equals).isPresent())
                .to(Sink.foreach(f -> self.tell(new Received(f))))
                .run(Materializer.matFromSystem(ctx.getSystem()));
        perform(discovery.start());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Received.class, m -> perform(discovery.receive(m.frame().ethernet(), m.frame().packet())))
                .onMessageEquals(Timeout.INSTANCE, () -> perform(discovery.timeout()))
                .onMessage(Hangup.class, this::onHangup)
                .onSignal(PostStop.class, s -> onStop())
                .build();
    }

    private Behavior<Command> onStop() {
        subscription.shutdown();
        return this;
    }

    private Behavior<Command> onHangup(Hangup m) {
        perform(discovery.terminate(m.reason()));
        channel.ifPresent(SessionChannel::close);
        outcome.complete(new Failed("PPPoE discovery aborted", ExitStatus.EXIT_USER_REQUEST));
        m.done().complete(Done.getInstance());
        return Behaviors.stopped();
    }

    private Behavior<Command> perform(DiscoveryResult result) {
        result.log().forEach(PppdLog::write);
        for (DiscoveryAction action : result.actions()) {
            if (action instanceof DiscoveryAction.Send send) {
                endpoint.sendDiscovery(send.header(), send.packet());
            } else if (action instanceof DiscoveryAction.StartTimer start) {
                startTimer(start.after());
            } else if (action instanceof DiscoveryAction.StopTimer) {
                timers.cancel(Timeout.INSTANCE);
            } else if (action instanceof DiscoveryAction.Established established) {
                onEstablished(established.session());
            } else if (action instanceof DiscoveryAction.Failed failed) {
                outcome.complete(new Failed(failed.reason(), failed.exitStatus()));
                return Behaviors.stopped();
            } else if (action instanceof DiscoveryAction.PeerTerminated) {
                channel.ifPresent(SessionChannel::close);
            }
        }
        return this;
    }

    private void startTimer(Duration after) {
        timers.startSingleTimer(Timeout.INSTANCE, Timeout.INSTANCE, after);
    }

    private void onEstablished(ClientSession session) {
        try {
            // Our source address may be the session's own (pppoe-src-mac), added to the endpoint by the caller.
            // The AC's first LCP packets, sent right behind the PADS, may have been read before it:
            // the endpoint kept them for this registration.
            SessionChannel registered = endpoint.registerGranted(config.ourMac(), session.acMac(), session.sessionId());
            channel = Optional.of(registered);
            outcome.complete(new Connected(session, registered));
        } catch (IllegalStateException e) {
            outcome.complete(new Failed(e.getMessage(), ExitStatus.EXIT_CONNECT_FAILED));
        }
    }
}
