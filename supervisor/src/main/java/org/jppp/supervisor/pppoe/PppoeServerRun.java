package org.jppp.supervisor.pppoe;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.jppp.actors.PppdLog;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.packet.EthernetEndpoint;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.pppoe.discovery.ServerConfig;
import org.jppp.protocol.pppoe.discovery.SessionSlots;
import org.jppp.supervisor.options.ConfigDefaults;
import org.jppp.supervisor.run.LogSetup;
import org.jppp.supervisor.run.PppInterface;
import org.jppp.supervisor.run.PppdRun;
import org.jppp.supervisor.run.UnitCache;
import org.jppp.supervisor.run.SessionConfig;
import sun.misc.Signal;

/**
 * {@code bin/pppoe-server}: one JVM serves every session on every {@code -I} interface (where
 * rp-pppoe forks a pppd per session). Runs until SIGTERM or SIGINT, which end every session with
 * LCP Terminate-Request and PADT.
 */
public final class PppoeServerRun {
    /** rp-pppoe's exit status for a bad command line or a failed start. */
    public static final int EXIT_FAILURE = 1;
    /** How long a shutdown waits for sessions to terminate (3 Terminate-Requests, 3 s apart). */
    private static final long SHUTDOWN_WAIT_S = 12;
    /** How many ended sessions' interfaces are kept for reuse, unless {@code --unit-cache} says. */
    static final String UNIT_CACHE_KEY = "jppp.unit-cache";

    private PppoeServerRun() {}

    /** Runs the server; returns the process exit status. */
    public static int run(List<String> args, Map<String, String> env, Config base, PrintStream err) {
        ServerOptions options;
        SessionOptions sessions;
        AddressPool pool;
        PppdSettings first;
        int unitCache;
        try {
            Path etcDir = ConfigDefaults.etcDir(env, base);
            options = ServerOptions.parse(args, etcDir);
            pool = options.poolFile().isPresent() ? AddressPool.file(options.poolFile().get())
                    : AddressPool.range(options.firstRemote(), options.maxSessions());
            Config site = ConfigDefaults.config(base, etcDir);
            sessions = new SessionOptions(etcDir, options.optionsFile(), ConfigDefaults.read(site), options.local());
            unitCache = options.unitCache().orElseGet(() -> site.hasPath(UNIT_CACHE_KEY) ? site.getInt(UNIT_CACHE_KEY)
                    : UnitCache.DEFAULT_CAPACITY);
            if (unitCache < 0) {
                throw new OptionException(UNIT_CACHE_KEY + " = " + unitCache + " (expected >= 0)");
            }
            // The options are checked once at start-up, as a pppd started now would read them.
            first = sessions.forRemote(options.firstRemote());
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("pppoe-server: " + e.getMessage());
            }
            err.println(ServerOptions.USAGE);
            return EXIT_FAILURE;
        } catch (OptionException | IOException e) {
            err.println("pppoe-server: " + e.getMessage());
            return EXIT_FAILURE;
        }
        // Foreground always: standard error keeps the log, as rp-pppoe's -F with pppd's nodetach.
        LogSetup.apply(first.logging());
        try (EventLoop loop = EventLoop.start("jppp-io")) {
            return serve(loop, options, sessions, pool, new UnitCache<>(unitCache));
        }
    }

    /** Runs until the guardian stops; then the interfaces kept for reuse are deleted. */
    private static int serve(EventLoop loop, ServerOptions options, SessionOptions sessions, AddressPool pool,
            UnitCache<PppInterface.Unit> units) {
        Map<EthernetEndpoint, ServerConfig> interfaces = new LinkedHashMap<>();
        try {
            for (String ifname : options.interfaces()) {
                EthernetEndpoint endpoint = EthernetEndpoint.open(loop, ForkJoinPool.commonPool(), ifname);
                interfaces.put(endpoint, ServerConfig.of(endpoint.mac(), options.acName().orElseGet(
                        SessionConfig::hostName), options.services())
                        .withLimits(options.maxSessions(), options.perMac())
                        .withPadiRate(options.padiBurst(), options.padiPerSecond())
                        .withInterfaceMtu(endpoint.mtu()));
            }
        } catch (NativeException e) {
            PppdLog.LOG.error("Interface {}: {}", options.interfaces().get(interfaces.size()), Libc.strerror(e.errno()));
            interfaces.keySet().forEach(EthernetEndpoint::close);
            return EXIT_FAILURE;
        }
        ActorSystem<ServerGuardian.Command> system = ActorSystem.create(
                ServerGuardian.create(loop, sessions, pool, interfaces,
                        new SessionSlots(options.maxSessions()), units), "jppp-pppoe-server", PppdRun.PEKKO);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> {
                PppdLog.LOG.info("Terminating on signal {}", s.getNumber());
                system.tell(new ServerGuardian.Shutdown());
                CompletableFuture.delayedExecutor(SHUTDOWN_WAIT_S, TimeUnit.SECONDS).execute(system::terminate);
            });
        }
        PppdLog.LOG.info("pppoe-server: serving {} with up to {} sessions in all, {} remote addresses, "
                + "up to {} interfaces kept for reuse", options.interfaces(), options.maxSessions(), pool.size(),
                units.capacity());
        awaitTermination(system);
        units.close();
        interfaces.keySet().forEach(EthernetEndpoint::close);
        return 0;
    }

    /** Until a signal stopped the guardian (or cut its shutdown short). */
    private static void awaitTermination(ActorSystem<ServerGuardian.Command> system) {
        system.getWhenTerminated().toCompletableFuture().join();
    }
}
