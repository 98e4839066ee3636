package org.jppp.actors.cp;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.jppp.actors.link.LinkIo;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.PppProtocol;

/**
 * LCP's keepalive while LCP is Opened (pppd {@code lcp-echo-interval}, {@code lcp-echo-failure},
 * {@code lcp-echo-adaptive}): every interval, an Echo-Request (RFC 1661 §5.8) carrying our
 * Magic-Number, with its own identifier sequence as pppd's. When {@code failures} requests in a
 * row went unanswered, it tells LCP, which gives up on the peer. With {@code adaptive}, an
 * interval in which any frame arrived counts as proof of life and no request is sent.
 *
 * <p>A separate automaton from the Restart timer's, so it has its own actor and timer key.
 */
public final class EchoKeepalive extends AbstractBehavior<EchoKeepalive.Command> {

    /**
     * @param interval   seconds between requests; keepalive is off when zero
     * @param failures   unanswered requests before the peer is declared dead; 0 never declares it
     * @param adaptive   skip the request after an interval with received traffic
     * @param framesIn   frames received so far on the link (see LinkCounters#framesIn)
     */
    public record Settings(Duration interval, int failures, boolean adaptive, LongSupplier framesIn) {
        public boolean enabled() {
            return !interval.isZero();
        }
    }

    public sealed interface Command { }

    /** An Echo-Reply that is not our own came back (the LCP handler checked the magic). */
    public record ReplyReceived() implements Command { }

    private enum Tick implements Command { INSTANCE }

    /** To LCP: {@code unanswered} Echo-Requests in a row got no reply. */
    public record PeerDead(int unanswered) { }

    private static final Object TIMER_KEY = "echo";

    private final Settings settings;
    private final int magic;
    private final ActorRef<LinkIo.Command> link;
    private final ActorRef<PeerDead> lcp;
    private int pending;
    private int identifier;
    private long lastFramesIn;

    /**
     * @param magic our Magic-Number, 0 if none was negotiated
     */
    public static Behavior<Command> create(Settings settings, int magic, ActorRef<LinkIo.Command> link,
                                           ActorRef<PeerDead> lcp) {
        // The traffic baseline is taken now, when LCP opens, not when the actor gets to start.
        long framesIn = settings.framesIn().getAsLong();
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new EchoKeepalive(ctx, timers, settings, magic, link, lcp, framesIn)));
    }

    private EchoKeepalive(ActorContext<Command> ctx, TimerScheduler<Command> timers, Settings settings,
                          int magic, ActorRef<LinkIo.Command> link, ActorRef<PeerDead> lcp, long framesIn) {
        super(ctx);
        this.settings = settings;
        this.magic = magic;
        this.link = link;
        this.lcp = lcp;
        this.lastFramesIn = framesIn;
        timers.startTimerWithFixedDelay(TIMER_KEY, Tick.INSTANCE, settings.interval());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(ReplyReceived.class, m -> onReply())
                .onMessageEquals(Tick.INSTANCE, this::onTick)
                .build();
    }

    private Behavior<Command> onReply() {
        pending = 0;
        return this;
    }

    /** pppd's LcpSendEchoRequest: check for failure first, then maybe skip, then send. */
    private Behavior<Command> onTick() {
        if (settings.failures() > 0 && pending >= settings.failures()) {
            lcp.tell(new PeerDead(pending));
            return Behaviors.stopped();
        }
        long framesIn = settings.framesIn().getAsLong();
        boolean trafficSeen = framesIn != lastFramesIn;
        lastFramesIn = framesIn;
        if (settings.adaptive() && trafficSeen) {
            return this;
        }
        byte[] data = ByteBuffer.allocate(4).putInt(magic).array();
        link.tell(new LinkIo.Transmit(PppProtocol.LCP, new ControlPacket(ControlCode.ECHO_REQUEST, identifier, data)));
        identifier = (identifier + 1) & 0xFF;
        pending++;
        return this;
    }
}
