package org.jppp.supervisor.pppoe;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Mdc;
import org.jppp.actors.PppdLog;
import org.jppp.actors.pppoe.PppoeClient;
import org.jppp.actors.session.SessionSettings;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.packet.SessionChannel;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.config.PppoeSettings;
import org.jppp.protocol.pppoe.discovery.ClientConfig;
import org.jppp.supervisor.run.Connection;
import org.jppp.supervisor.run.LinkSetupException;

/**
 * pppd's rp-pppoe channel: discovery on the {@code nic-IF} interface is the connect step
 * ({@code PPP session is 292}, {@code Connected to ... via interface eth0}), the session's PPP
 * frames are the link, and hanging up sends the PADT (RFC 2516 §5.5). The PADT also goes out
 * when the JVM shuts down under the run (a shutdown hook), so no way out of the process leaves
 * the access concentrator holding a session it would only drop after its echo timeout.
 */
public final class PppoeConnection implements ChannelConnection {
    /** How long a hang-up waits for the discovery actor to send its PADT. */
    private static final long HANGUP_WAIT_MS = 2000;

    private final PppoeLine line;
    private final boolean ownsLine;
    private final ActorRef<PppoeClient.Command> client;
    private final SessionChannel channel;
    /** The session's own source MAC ({@code pppoe-src-mac}) we added to the endpoint, if any. */
    private final Optional<MacAddress> ownMac;
    /** What LCP may use: the configured {@code mtu}/{@code mru} within what discovery agreed. */
    private final int mtu;
    private final int mru;
    private final Thread shutdownHook = new Thread(this::hangup, "jppp-pppoe-padt");
    private final AtomicBoolean closed = new AtomicBoolean();

    private PppoeConnection(PppoeLine line, boolean ownsLine, ActorRef<PppoeClient.Command> client,
            SessionChannel channel, Optional<MacAddress> ownMac, int mtu, int mru) {
        this.line = line;
        this.ownsLine = ownsLine;
        this.client = client;
        this.channel = channel;
        this.ownMac = ownMac;
        this.mtu = mtu;
        this.mru = mru;
    }

    /** A {@link Connection.Opener} for one run: the interface is opened for this connection alone. */
    public static Connection open(EventLoop loop, PppdSettings settings) throws LinkSetupException {
        PppoeSettings pppoe = settings.pppoe();
        String ifname = pppoe.nic().orElseThrow(() -> new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR,
                "PPPoE: no Ethernet interface given (nic-IF or the interface name)"));
        PppoeLine line = PppoeLine.open(loop, ifname);
        try {
            return dial(line, true, settings, pidHostUniq());
        } catch (LinkSetupException | RuntimeException e) {
            line.close();
            throw e;
        }
    }

    /**
     * Dials one session on a shared line; {@code hostUniq} tells its discovery packets from those
     * of the line's other sessions (unless {@code pppoe-host-uniq} fixes one).
     */
    public static PppoeConnection dial(PppoeLine line, PppdSettings settings, ByteString hostUniq)
            throws LinkSetupException {
        return dial(line, false, settings, hostUniq);
    }

    private static PppoeConnection dial(PppoeLine line, boolean ownsLine, PppdSettings settings, ByteString hostUniq)
            throws LinkSetupException {
        PppoeSettings pppoe = settings.pppoe();
        ClientConfig config;
        try {
            config = ClientConfig.of(pppoe, line.endpoint().mac(), line.endpoint().ifname(), hostUniq,
                    PppoeMtu.request(settings, line.endpoint().mtu()));
        } catch (IllegalArgumentException e) {
            throw new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR, e.getMessage());
        }
        Optional<MacAddress> ownMac = Optional.of(config.ourMac()).filter(m -> !m.equals(line.endpoint().mac()));
        try {
            ownMac.ifPresent(line.endpoint()::addLocalAddress);
        } catch (NativeException e) {
            throw new LinkSetupException(ExitStatus.EXIT_OPEN_FAILED, "Cannot receive for pppoe-src-mac " + ownMac.get()
                    + " on " + line.endpoint().ifname() + ": " + Libc.strerror(e.errno()));
        }
        try {
            return discover(line, ownsLine, settings, config, hostUniq, ownMac);
        } catch (LinkSetupException | RuntimeException e) {
            ownMac.ifPresent(line.endpoint()::removeLocalAddress);
            throw e;
        }
    }

    private static PppoeConnection discover(PppoeLine line, boolean ownsLine, PppdSettings settings,
            ClientConfig config, ByteString hostUniq, Optional<MacAddress> ownMac) throws LinkSetupException {
        CompletableFuture<PppoeClient.Outcome> outcome = new CompletableFuture<>();
        ActorRef<PppoeClient.Command> client = line.spawn(
                Mdc.inherit(PppoeClient.create(line.endpoint(), line.discovery(), config, outcome)),
                "pppoe-" + hex(hostUniq));
        try {
            PppoeClient.Outcome result = outcome.get();
            if (result instanceof PppoeClient.Connected connected) {
                OptionalInt agreed = connected.session().maxPayload();
                logMaxPayload(config.maxPayload(), agreed);
                int limit = PppoeMtu.limit(agreed);
                PppoeConnection connection = new PppoeConnection(line, ownsLine, client, connected.channel(), ownMac,
                        Math.min(PppoeMtu.configuredMtu(settings), limit),
                        Math.min(PppoeMtu.configuredMru(settings), limit));
                Runtime.getRuntime().addShutdownHook(connection.shutdownHook);
                return connection;
            }
            throw new LinkSetupException(((PppoeClient.Failed) result).exitStatus(), "");
        } catch (InterruptedException e) {
            // A terminating signal during discovery (pppd: the connect hook is interrupted): status 5.
            hangup(client);
            throw new LinkSetupException(ExitStatus.EXIT_USER_REQUEST, "");
        } catch (ExecutionException e) {
            throw new LinkSetupException(ExitStatus.EXIT_FATAL_ERROR, "PPPoE discovery failed: " + e.getCause());
        }
    }

    /** RFC 4638 §4: what became of a PPP-Max-Payload we asked for. */
    private static void logMaxPayload(OptionalInt requested, OptionalInt agreed) {
        if (requested.isEmpty()) {
            return;
        }
        if (agreed.isPresent()) {
            PppdLog.LOG.info("PPP-Max-Payload {} granted by the access concentrator", agreed.getAsInt());
        } else {
            PppdLog.LOG.warn("Access concentrator did not echo PPP-Max-Payload {}: MTU and MRU limited to {}",
                    requested.getAsInt(), PppoeConstants.MAX_MRU);
        }
    }

    /**
     * pppd's default Host-Uniq is its process id, which tells its PADOs from those of another
     * pppd on the same interface.
     */
    private static ByteString pidHostUniq() {
        return ByteString.fromArrayUnsafe(ByteBuffer.allocate(4).putInt((int) ProcessHandle.current().pid()).array());
    }

    private static String hex(ByteString octets) {
        return java.util.HexFormat.of().formatHex(octets.toArray());
    }

    @Override
    public String device() {
        return line.endpoint().ifname();
    }

    @Override
    public SessionChannel channel() {
        return channel;
    }

    /** LCP asks for at most the agreed payload as its MRU and sends at most that much (RFC 4638 §4, RFC 2516 §7). */
    @Override
    public SessionSettings adjust(SessionSettings settings) {
        return PppoeMtu.bound(settings, mtu, mru);
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
            hangup(client);
            ownMac.ifPresent(line.endpoint()::removeLocalAddress);
            if (ownsLine) {
                line.close();
            }
        }
    }

    /** Asks the discovery actor for the PADT and waits a little for it. */
    private static void hangup(ActorRef<PppoeClient.Command> client) {
        CompletableFuture<Done> done = new CompletableFuture<>();
        client.tell(new PppoeClient.Hangup(Optional.empty(), done));
        try {
            done.get(HANGUP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The actor is gone (its system stopped): nothing more can be sent.
        }
    }
}
