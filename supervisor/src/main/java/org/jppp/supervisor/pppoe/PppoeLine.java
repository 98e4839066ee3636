package org.jppp.supervisor.pppoe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.jppp.actors.ExitStatus;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.packet.DiscoveryFrame;
import org.jppp.io.packet.EthernetEndpoint;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;
import org.jppp.supervisor.run.LinkSetupException;
import org.jppp.supervisor.run.PppdRun;

/**
 * The host side of PPPoE on one Ethernet interface: its {@link EthernetEndpoint} and the actor
 * system its discovery actors run in, shared by every {@link PppoeConnection} dialed on it (one
 * for {@code bin/pppd}, many for a process that holds many sessions).
 */
public final class PppoeLine implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PppoeLine.class);
    private static final Duration SPAWN_WAIT = Duration.ofSeconds(5);

    /** Discovery packets waiting for a slow subscriber before the hub holds back the endpoint. */
    private static final int HUB_BUFFER = 256;

    private final EthernetEndpoint endpoint;
    private final ActorSystem<SpawnProtocol.Command> system;
    private final Source<DiscoveryFrame, NotUsed> discovery;

    private PppoeLine(EthernetEndpoint endpoint, ActorSystem<SpawnProtocol.Command> system) {
        this.endpoint = endpoint;
        this.system = system;
        // The endpoint's discovery source runs once; every dialed session subscribes to the hub.
        this.discovery = endpoint.discovery().runWith(BroadcastHub.of(DiscoveryFrame.class, HUB_BUFFER),
                Materializer.matFromSystem(system));
        // A host answers no unknown session (RFC 2516 §5.5 leaves the PADT to the AC that lost
        // it): the endpoint has counted the frame and keeps it a moment, in case it is the AC's
        // first packet overtaking the PADS of a session of ours; drained here so it is not
        // queued for nobody.
        endpoint.unknownSessions().runWith(Sink.foreach(u -> LOG.debug("{}: frame for no registered session {}"
                + " from {}", endpoint.ifname(), u.sessionId(), u.peer())), Materializer.matFromSystem(system));
    }

    /** Opens {@code ifname}; pppd's wording when it cannot (no such device, not root). */
    public static PppoeLine open(EventLoop loop, String ifname) throws LinkSetupException {
        EthernetEndpoint endpoint;
        try {
            endpoint = EthernetEndpoint.open(loop, ForkJoinPool.commonPool(), ifname);
        } catch (NativeException e) {
            throw new LinkSetupException(ExitStatus.EXIT_OPEN_FAILED,
                    "Failed to open " + ifname + ": " + Libc.strerror(e.errno()));
        }
        return new PppoeLine(endpoint, ActorSystem.create(SpawnProtocol.create(), "jppp-pppoe", PppdRun.PEKKO));
    }

    public EthernetEndpoint endpoint() {
        return endpoint;
    }

    /** A subscription to the interface's discovery packets. */
    Source<DiscoveryFrame, NotUsed> discovery() {
        return discovery;
    }

    <T> ActorRef<T> spawn(Behavior<T> behavior, String name) {
        CompletableFuture<ActorRef<T>> ref = AskPattern.<SpawnProtocol.Command, ActorRef<T>>ask(system,
                replyTo -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo), SPAWN_WAIT,
                system.scheduler()).toCompletableFuture();
        return ref.join();
    }

    /** Stops the discovery actors (no more PADTs can go out) and closes the endpoint. */
    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(SPAWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Stopping is best effort; the endpoint closes regardless.
        }
        endpoint.close();
    }
}
