package org.jppp.protocol.demand;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.GraphStageWithMaterializedValue;
import org.apache.pekko.util.ByteString;
import scala.Tuple2;

/**
 * The IP side of a peer's interface, materialized once for the life of the interface and lent to
 * one link after another: what pppd's kernel unit does with its per-protocol modes (NPMODE_PASS,
 * NPMODE_QUEUE, NPMODE_ERROR) and its demand loopback. Packets the host sends through the
 * interface are, depending on the {@link Mode}:
 * <ul>
 * <li>{@link Mode#PASS}: handed to the current link's {@link #port()} (IPCP is up);</li>
 * <li>{@link Mode#QUEUE}: kept for the next link, at most {@code limit}, the oldest dropped
 *     when full and counted; only packets worth dialling for ({@link ActivePacket}) are kept,
 *     and the first one kept after {@link #awaitTraffic} fires its callback once;</li>
 * <li>{@link Mode#DROP}: dropped (no link, no demand; or between demand links, as pppd's
 *     demand_discard refuses traffic until it waits again).</li>
 * </ul>
 * Packets a link receives go to the interface through a merge, so an old link that is still
 * draining and a new one never fight over the device. IP packets stay in streams: the control
 * methods are thread-safe, go to the stage as async callbacks, and cost nothing per packet.
 *
 * <p>The idle time ({@link #idleNanos}) counts data packets either way while passing, as the
 * kernel's last_xmit/last_recv do for pppd's check_idle without an active-filter.
 */
public final class IpSwitch {
    /** pppd queues without a bound; jppp keeps this many packets at most by default. */
    public static final int DEFAULT_QUEUE_LIMIT = 64;
    private static final int HUB_BUFFER = 32;
    private static final int MERGE_BUFFER = 16;

    public enum Mode { PASS, QUEUE, DROP }

    private final Sink<ByteString, NotUsed> toDevice;
    private final Source<ByteString, NotUsed> fromDevice;
    private final Control control;
    private final AtomicLong lastActivity;
    private final LongSupplier clock;

    private IpSwitch(Sink<ByteString, NotUsed> toDevice, Source<ByteString, NotUsed> fromDevice, Control control,
            AtomicLong lastActivity, LongSupplier clock) {
        this.toDevice = toDevice;
        this.fromDevice = fromDevice;
        this.control = control;
        this.lastActivity = lastActivity;
        this.clock = clock;
    }

    /**
     * Runs {@code device} (in: packets to write to the interface, out: packets read from it) for
     * good, starting in {@link Mode#DROP}.
     *
     * @param limit  packets kept in {@link Mode#QUEUE}
     * @param active which packets are worth a dial and worth keeping
     * @param clock  nanoseconds, for the idle time (System::nanoTime outside tests)
     */
    public static IpSwitch run(Flow<ByteString, ByteString, ?> device, int limit, Predicate<ByteString> active,
            LongSupplier clock, Materializer materializer) {
        if (limit < 1) {
            throw new IllegalArgumentException("queue limit " + limit + " (expected >= 1)");
        }
        AtomicLong lastActivity = new AtomicLong(clock.getAsLong());
        Pair<Pair<Sink<ByteString, NotUsed>, Control>, Source<ByteString, NotUsed>> ends =
                MergeHub.of(ByteString.class, MERGE_BUFFER)
                        .via(device)
                        .viaMat(Flow.fromGraph(new Stage(limit, active, () -> lastActivity.set(clock.getAsLong()))),
                                Keep.both())
                        .toMat(BroadcastHub.of(ByteString.class, HUB_BUFFER), Keep.both())
                        .run(materializer);
        return new IpSwitch(ends.first().first(), ends.second(), ends.first().second(), lastActivity, clock);
    }

    /**
     * The IP side for one link: packets it receives go to the interface (and count as
     * activity), and it gets what the interface sends while in {@link Mode#PASS}. A link's
     * port is materialized by its session; an older port still attached also sees those packets,
     * which its closed IP gate drops.
     */
    public Flow<ByteString, ByteString, NotUsed> port() {
        Sink<ByteString, NotUsed> in = Flow.of(ByteString.class)
                .map(p -> {
                    lastActivity.set(clock.getAsLong());
                    return p;
                })
                .to(toDevice);
        return Flow.fromSinkAndSource(in, fromDevice);
    }

    /** IPCP is up: queued packets first (each through {@code rewrite}), then everything, go to the link. */
    public void pass(UnaryOperator<ByteString> rewrite) {
        lastActivity.set(clock.getAsLong());
        control.pass.invoke(rewrite);
    }

    /** Keep packets for the next link (demand); what is queued stays. */
    public void hold() {
        control.mode.invoke(Mode.QUEUE);
    }

    /** Drop packets and forget the queue (no link, or a demand link just ended). */
    public void drop() {
        control.mode.invoke(Mode.DROP);
    }

    /**
     * Calls {@code onTraffic} once, from the stream's thread, when a packet worth dialling for is
     * queued (at once if one already is). It must only send a message.
     */
    public void awaitTraffic(Runnable onTraffic) {
        control.arm.invoke(onTraffic);
    }

    /** Nanoseconds since the last packet either way while passing (or since {@link #pass}). */
    public long idleNanos() {
        return clock.getAsLong() - lastActivity.get();
    }

    /** Packets dropped from a full queue, and packets dropped when a queue was discarded. */
    public long queueDrops() {
        return control.drops.get();
    }

    /** Packets in the queue now (read without synchronisation: a hint for logs and tests). */
    public int queued() {
        return control.queued.intValue();
    }

    /** The handles of the running stage; callbacks exist before it starts and are buffered by Pekko. */
    private static final class Control {
        private final AtomicLong drops = new AtomicLong();
        private final AtomicLong queued = new AtomicLong();
        private AsyncCallback<UnaryOperator<ByteString>> pass;
        private AsyncCallback<Mode> mode;
        private AsyncCallback<Runnable> arm;
    }

    private static final class Stage extends GraphStageWithMaterializedValue<FlowShape<ByteString, ByteString>, Control> {
        private final Inlet<ByteString> in = Inlet.create("IpSwitch.in");
        private final Outlet<ByteString> out = Outlet.create("IpSwitch.out");
        private final FlowShape<ByteString, ByteString> shape = FlowShape.of(in, out);
        private final int limit;
        private final Predicate<ByteString> active;
        private final Runnable activity;

        Stage(int limit, Predicate<ByteString> active, Runnable activity) {
            this.limit = limit;
            this.active = active;
            this.activity = activity;
        }

        @Override
        public FlowShape<ByteString, ByteString> shape() {
            return shape;
        }

        @Override
        public Tuple2<GraphStageLogic, Control> createLogicAndMaterializedValue(Attributes attributes) {
            Control control = new Control();
            return new Tuple2<>(new Logic(control), control);
        }

        private final class Logic extends GraphStageLogic {
            private final Control control;
            private final ArrayDeque<ByteString> queue = new ArrayDeque<>();
            private Mode mode = Mode.DROP;
            private Runnable trigger;

            Logic(Control control) {
                super(shape);
                this.control = control;
                control.pass = createAsyncCallback(this::onPass);
                control.mode = createAsyncCallback(this::onMode);
                control.arm = createAsyncCallback(this::onArm);
                setHandler(in, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        onPacket(grab(in));
                    }
                });
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        drain();
                    }
                });
            }

            @Override
            public void preStart() {
                pull(in);
            }

            private void onPacket(ByteString packet) {
                switch (mode) {
                    case PASS -> {
                        queue.addLast(packet);
                        drain();
                    }
                    case QUEUE -> {
                        if (active.test(packet)) {
                            keep(packet);
                            fire();
                        }
                    }
                    case DROP -> { }
                }
                control.queued.set(queue.size());
                pullIfRoom();
            }

            /** Oldest dropped when full: the newest packets are the likeliest still wanted. */
            private void keep(ByteString packet) {
                if (queue.size() >= limit) {
                    queue.removeFirst();
                    control.drops.incrementAndGet();
                }
                queue.addLast(packet);
            }

            private void fire() {
                if (trigger != null) {
                    Runnable t = trigger;
                    trigger = null;
                    t.run();
                }
            }

            private void drain() {
                if (mode == Mode.PASS) {
                    while (isAvailable(out) && !queue.isEmpty()) {
                        activity.run();
                        push(out, queue.removeFirst());
                    }
                    control.queued.set(queue.size());
                }
                pullIfRoom();
            }

            /** While passing, a full queue back-pressures the device; otherwise it is always read. */
            private void pullIfRoom() {
                if (!hasBeenPulled(in) && !isClosed(in) && (mode != Mode.PASS || queue.size() < limit)) {
                    pull(in);
                }
            }

            private void onPass(UnaryOperator<ByteString> rewrite) {
                int n = queue.size();
                for (int i = 0; i < n; i++) {
                    queue.addLast(rewrite.apply(queue.removeFirst()));
                }
                mode = Mode.PASS;
                trigger = null;
                drain();
            }

            private void onMode(Mode next) {
                if (next == Mode.DROP) {
                    control.drops.addAndGet(queue.size());
                    queue.clear();
                    trigger = null;
                }
                mode = next;
                control.queued.set(queue.size());
                pullIfRoom();
            }

            private void onArm(Runnable onTraffic) {
                trigger = onTraffic;
                if (mode == Mode.QUEUE && !queue.isEmpty()) {
                    fire();
                }
            }
        }
    }
}
