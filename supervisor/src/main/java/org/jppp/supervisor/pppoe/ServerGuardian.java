package org.jppp.supervisor.pppoe;

import java.net.Inet4Address;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.Materializer;
import org.jppp.actors.PppdLog;
import org.jppp.actors.pppoe.AccessConcentrator;
import org.jppp.actors.session.SessionSettings;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.packet.EthernetEndpoint;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.pppoe.discovery.ServerConfig;
import org.jppp.protocol.pppoe.discovery.ServerSession;
import org.jppp.protocol.pppoe.discovery.SessionSlots;
import org.jppp.supervisor.run.Attempt;
import org.jppp.supervisor.run.Connection;
import org.jppp.supervisor.run.LinkSetupException;
import org.jppp.supervisor.run.PppInterface;
import org.jppp.supervisor.run.UnitCache;
import org.jppp.supervisor.run.SessionConfig;

/**
 * The guardian of the access concentrator: one {@link AccessConcentrator} per interface, and for
 * each session it opens what pppoe-server's pppd would be: an address from the pool, the options
 * of {@code -O}, an {@link Attempt} (the session's channel, a {@code pppN} interface, the IP
 * hooks) and a {@link ServedSession} authenticating the host. When
 * a session ends its id is freed (with a PADT unless the host sent one), and once its interface is
 * reset and kept in the {@link UnitCache} (or deleted, when the cache is full) its address returns
 * to the pool. {@link Shutdown} ends every session with LCP
 * Terminate-Request and PADT, then stops.
 */
final class ServerGuardian extends AbstractBehavior<ServerGuardian.Command> {
    sealed interface Command { }

    /** End every session, then stop. */
    record Shutdown() implements Command { }

    private record FromAc(AccessConcentrator.Event event) implements Command { }

    private record Ended(String key) implements Command { }

    private record CleanedUp(Inet4Address remote) implements Command { }

    /** A running session and what it holds. */
    private record Served(String ifname, int sessionId, Inet4Address remote, Attempt attempt,
            ActorRef<ServedSession.Command> run) { }

    private final EventLoop loop;
    private final SessionOptions options;
    private final AddressPool pool;
    private final UnitCache<PppInterface.Unit> units;
    private final Materializer materializer;
    private final Map<String, ActorRef<AccessConcentrator.Command>> concentrators = new HashMap<>();
    private final Map<String, Served> sessions = new HashMap<>();
    private int cleaning;
    private boolean stopping;

    static Behavior<Command> create(EventLoop loop, SessionOptions options, AddressPool pool,
            Map<EthernetEndpoint, ServerConfig> interfaces, SessionSlots slots, UnitCache<PppInterface.Unit> units) {
        return Behaviors.setup(ctx -> new ServerGuardian(ctx, loop, options, pool, interfaces, slots, units));
    }

    /**
     * @param slots rp-pppoe's {@code -N}, shared by the concentrators of all interfaces
     * @param units where a session's interface goes when it ends, and where the next one looks first
     */
    private ServerGuardian(ActorContext<Command> ctx, EventLoop loop, SessionOptions options, AddressPool pool,
            Map<EthernetEndpoint, ServerConfig> interfaces, SessionSlots slots, UnitCache<PppInterface.Unit> units) {
        super(ctx);
        this.loop = loop;
        this.options = options;
        this.pool = pool;
        this.units = units;
        this.materializer = Materializer.matFromSystem(ctx.getSystem());
        ActorRef<AccessConcentrator.Event> events = ctx.messageAdapter(AccessConcentrator.Event.class, FromAc::new);
        interfaces.forEach((endpoint, config) -> concentrators.put(endpoint.ifname(),
                ctx.spawn(AccessConcentrator.create(endpoint, config, slots, events), "ac-" + endpoint.ifname())));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromAc.class, m -> onOpened((AccessConcentrator.Opened) m.event()))
                .onMessage(Ended.class, this::onEnded)
                .onMessage(CleanedUp.class, this::onCleanedUp)
                .onMessage(Shutdown.class, m -> onShutdown())
                .build();
    }

    private Behavior<Command> onOpened(AccessConcentrator.Opened opened) {
        ServerSession s = opened.session();
        ActorRef<AccessConcentrator.Command> ac = concentrators.get(opened.ifname());
        if (stopping) {
            ac.tell(new AccessConcentrator.End(s.sessionId(), "Shutting Down"));
            return this;
        }
        Optional<Inet4Address> remote = pool.allocate();
        if (remote.isEmpty()) {
            PppdLog.LOG.error("No remote IP address left for session {} of {}", s.sessionId(), s.client());
            ac.tell(new AccessConcentrator.End(s.sessionId(), "RP-PPPoE: No remote IP address available"));
            return this;
        }
        try {
            start(opened, remote.get());
        } catch (OptionException | LinkSetupException | RuntimeException e) {
            PppdLog.LOG.error("Session {} of {}: {}", s.sessionId(), s.client(), e.getMessage());
            pool.release(remote.get());
            ac.tell(new AccessConcentrator.End(s.sessionId(), "RP-PPPoE: System call error"));
        }
        return this;
    }

    private void start(AccessConcentrator.Opened opened, Inet4Address remote)
            throws OptionException, LinkSetupException {
        ServerSession s = opened.session();
        PppdSettings settings = options.forRemote(remote);
        SessionSettings session = SessionConfig.from(settings, options.etcDir());
        int limit = PppoeMtu.limit(s.maxPayload());
        Connection served = new ServedConnection(opened.ifname(), opened.channel(),
                Math.min(PppoeMtu.configuredMtu(settings), limit), Math.min(PppoeMtu.configuredMru(settings), limit));
        Attempt attempt = Attempt.open(settings, options.etcDir(), loop, (l, o) -> served, units, materializer);
        String key = opened.ifname() + "-" + s.sessionId();
        // pppoe-server gives its pppd the host's MAC address as the remote number.
        ActorRef<ServedSession.Command> run = getContext().spawn(ServedSession.create(attempt, session,
                Optional.of(s.client().toString().toUpperCase(Locale.ROOT))), "session-" + key);
        getContext().watchWith(run, new Ended(key));
        sessions.put(key, new Served(opened.ifname(), s.sessionId(), remote, attempt, run));
    }

    /** The session's PPP is over: PADT (if the host has not ended it), then the interface goes (or is kept). */
    private Behavior<Command> onEnded(Ended m) {
        Served served = sessions.remove(m.key());
        if (served == null) {
            return this;
        }
        concentrators.get(served.ifname()).tell(new AccessConcentrator.End(served.sessionId(),
                stopping ? "Shutting Down" : "RP-PPPoE: Child pppd process terminated"));
        cleaning++;
        // Scripts are waited for, and a TUN takes milliseconds to delete or reset: not on the actor's thread.
        getContext().pipeToSelf(CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            String unit = served.attempt().ifname();
            served.attempt().close();
            PppdLog.LOG.debug("Session {}: {} closed in {} us", served.sessionId(), unit,
                    (System.nanoTime() - start) / 1000);
        }), (ok, failure) -> new CleanedUp(served.remote()));
        return this;
    }

    private Behavior<Command> onCleanedUp(CleanedUp m) {
        cleaning--;
        pool.release(m.remote());
        return stopIfDone();
    }

    private Behavior<Command> onShutdown() {
        stopping = true;
        sessions.values().forEach(s -> s.run().tell(new ServedSession.Hangup("Shutting Down")));
        return stopIfDone();
    }

    private Behavior<Command> stopIfDone() {
        return stopping && sessions.isEmpty() && cleaning == 0 ? Behaviors.stopped() : this;
    }
}
