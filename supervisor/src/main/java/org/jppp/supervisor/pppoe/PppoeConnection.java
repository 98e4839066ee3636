package org.jppp.supervisor.pppoe;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.link.LowerLink;
import org.jppp.actors.pppoe.PppoeClient;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.packet.EthernetEndpoint;
import org.jppp.io.packet.SessionChannel;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.config.PppoeSettings;
import org.jppp.protocol.pppoe.discovery.ClientConfig;
import org.jppp.supervisor.run.Connection;
import org.jppp.supervisor.run.LinkSetupException;
import org.jppp.supervisor.run.PppdRun;

/**
 * pppd's rp-pppoe channel: discovery on the {@code nic-IF} interface is the connect step
 * ({@code PPP session is 292}, {@code Connected to ... via interface eth0}), the session's PPP
 * frames are the link, and hanging up sends the PADT (RFC 2516 §5.5). The PADT also goes out
 * when the JVM shuts down under the run (a shutdown hook), so no way out of the process leaves
 * the access concentrator holding a session it will only drop after its echo timeout.
 */
public final class PppoeConnection implements Connection {
    /** How long a hang-up waits for the discovery actor to send its PADT. */
    private static final long HANGUP_WAIT_MS = 2000;

    private final String ifname;
    private final EthernetEndpoint endpoint;
    private final ActorSystem<PppoeClient.Command> system;
    private final SessionChannel channel;
    private final Thread shutdownHook = new Thread(this::hangup, "jppp-pppoe-padt");
    private final AtomicBoolean closed = new AtomicBoolean();

    private PppoeConnection(String ifname, EthernetEndpoint endpoint, ActorSystem<PppoeClient.Command> system,
            SessionChannel channel) {
        this.ifname = ifname;
        this.endpoint = endpoint;
        this.system = system;
        this.channel = channel;
    }

    /** A {@link Connection.Opener}: discovery, then the session. */
    public static Connection open(EventLoop loop, PppdSettings settings) throws LinkSetupException {
        PppoeSettings pppoe = settings.pppoe();
        String ifname = pppoe.nic().orElseThrow(() -> new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR,
                "PPPoE: no Ethernet interface given (nic-IF or the interface name)"));
        EthernetEndpoint endpoint = openEndpoint(loop, ifname);
        ClientConfig config;
        try {
            config = ClientConfig.of(pppoe, endpoint.mac(), ifname, defaultHostUniq(), OptionalInt.empty());
        } catch (IllegalArgumentException e) {
            endpoint.close();
            throw new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR, e.getMessage());
        }
        CompletableFuture<PppoeClient.Outcome> outcome = new CompletableFuture<>();
        ActorSystem<PppoeClient.Command> system = ActorSystem.create(PppoeClient.create(endpoint, config, outcome),
                "jppp-pppoe", PppdRun.PEKKO);
        try {
            PppoeClient.Outcome result = outcome.get();
            if (result instanceof PppoeClient.Connected connected) {
                PppoeConnection connection = new PppoeConnection(ifname, endpoint, system, connected.channel());
                Runtime.getRuntime().addShutdownHook(connection.shutdownHook);
                return connection;
            }
            PppoeClient.Failed failed = (PppoeClient.Failed) result;
            stop(system, endpoint);
            throw new LinkSetupException(failed.exitStatus(), "");
        } catch (InterruptedException e) {
            // A terminating signal during discovery (pppd: the connect hook is interrupted): status 5.
            hangup(system);
            stop(system, endpoint);
            throw new LinkSetupException(ExitStatus.EXIT_USER_REQUEST, "");
        } catch (ExecutionException e) {
            stop(system, endpoint);
            throw new LinkSetupException(ExitStatus.EXIT_FATAL_ERROR, "PPPoE discovery failed: " + e.getCause());
        }
    }

    private static EthernetEndpoint openEndpoint(EventLoop loop, String ifname) throws LinkSetupException {
        try {
            return EthernetEndpoint.open(loop, ForkJoinPool.commonPool(), ifname);
        } catch (NativeException e) {
            throw new LinkSetupException(ExitStatus.EXIT_OPEN_FAILED,
                    "Failed to open " + ifname + ": " + Libc.strerror(e.errno()));
        }
    }

    /**
     * pppd's default Host-Uniq is its process id, which tells its PADOs from those of another
     * pppd on the same interface.
     */
    private static ByteString defaultHostUniq() {
        return ByteString.fromArrayUnsafe(ByteBuffer.allocate(4).putInt((int) ProcessHandle.current().pid()).array());
    }

    @Override
    public String device() {
        return ifname;
    }

    @Override
    public int speed() {
        return 0;
    }

    @Override
    public LowerLink lower() {
        return LowerLink.of(channel.flow());
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) the same hang-up.
        }
        hangup();
    }

    private void hangup() {
        if (closed.compareAndSet(false, true)) {
            hangup(system);
            stop(system, endpoint);
        }
    }

    /** Asks the discovery actor for the PADT and waits a little for it. */
    private static void hangup(ActorSystem<PppoeClient.Command> system) {
        CompletableFuture<Done> done = new CompletableFuture<>();
        system.tell(new PppoeClient.Hangup(Optional.empty(), done));
        try {
            done.get(HANGUP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The actor is gone (its system stopped): nothing more can be sent.
        }
    }

    private static void stop(ActorSystem<PppoeClient.Command> system, EthernetEndpoint endpoint) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(HANGUP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Stopping is best effort; the endpoint closes regardless.
        }
        endpoint.close();
    }
}
