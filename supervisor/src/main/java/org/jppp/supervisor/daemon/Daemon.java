package org.jppp.supervisor.daemon;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.jppp.actors.Mdc;
import org.jppp.actors.PppdLog;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.supervisor.options.OptionValues;
import org.jppp.supervisor.options.OptionsLoader;
import org.jppp.supervisor.options.SettingsFactory;
import org.jppp.supervisor.options.SystemProbe;
import org.jppp.supervisor.run.PppInterface;
import org.jppp.supervisor.run.PppdRun;
import org.jppp.supervisor.run.UnitCache;
import org.slf4j.MDC;

/**
 * jpppd in-process: one actor system whose guardian is the {@link Manager}, one {@link EventLoop}
 * and one {@link PppoeLines} for every peer, and the {@link ControlServer} on
 * {@code runDir/jppp.sock}. {@link #shutdown} stops every peer (Terminate-Request, PADT) and
 * removes the socket. Logging is the caller's to set up ({@code cli/Jpppd} does it as pppd does).
 */
public final class Daemon {
    /**
     * A later attempt of a peer dials inside its session's setup (see {@code Attempts}), which
     * blocks a thread for the discovery or connect script; {@code PeerSupervisor} runs sessions on
     * Pekko's dispatcher for blocking work, sized here so that many peers can redial at once
     * (an access concentrator that went away) without waiting for each other.
     */
    private static final Config DISPATCHER = ConfigFactory.parseString(String.join("\n",
            "pekko.actor.default-blocking-io-dispatcher.thread-pool-executor.fixed-pool-size = 64",
            // Threads a burst of dials needed end soon after: many sessions must not mean many threads.
            "pekko.actor.default-blocking-io-dispatcher.thread-pool-executor.keep-alive-time = 5s",
            "pekko.actor.default-blocking-io-dispatcher.thread-pool-executor.allow-core-timeout = on"));

    private static final Duration DIALER_IDLE = Duration.ofSeconds(5);

    /**
     * @param peers    started at once ({@code jppp.peers} and {@code --peer})
     * @param defaults the options' defaults ({@code ConfigDefaults.read})
     */
    public record Settings(Path etcDir, Path runDir, List<String> peers, Map<String, Object> defaults,
                           SystemProbe probe, int unitCache) {
        public Settings {
            peers = List.copyOf(peers);
            defaults = Map.copyOf(defaults);
        }

        /** With jpppd's default unit cache ({@code jppp.jpppd-unit-cache}: none, as pppd deletes its unit). */
        public Settings(Path etcDir, Path runDir, List<String> peers, Map<String, Object> defaults,
                SystemProbe probe) {
            this(etcDir, runDir, peers, defaults, probe, 0);
        }
    }

    private final EventLoop loop;
    private final PppoeLines lines;
    private final ExecutorService dialer;
    private final PeerDebug debug;
    private final ActorSystem<Manager.Command> system;
    private final ControlServer control;
    private final UnitCache<PppInterface.Unit> units;
    private final PeerLogFiles logFiles;

    private Daemon(EventLoop loop, PppoeLines lines, ExecutorService dialer, PeerDebug debug,
            ActorSystem<Manager.Command> system, ControlServer control, UnitCache<PppInterface.Unit> units,
            PeerLogFiles logFiles) {
        this.units = units;
        this.logFiles = logFiles;
        this.loop = loop;
        this.lines = lines;
        this.dialer = dialer;
        this.debug = debug;
        this.system = system;
        this.control = control;
    }

    /**
     * Starts the daemon with the peers read from {@code etcDir/peers} as {@code pppd call NAME}
     * reads them. {@code debug} decides which peers' debug lines are logged (install it in logback
     * as a turbo filter to take effect).
     */
    public static Daemon start(Settings settings, PeerDebug debug) throws IOException {
        EventLoop loop = EventLoop.start("jppp-io");
        PppoeLines lines = new PppoeLines(loop);
        AtomicInteger dialers = new AtomicInteger();
        // A thread per dial under way, so one peer's slow discovery or connect script never delays
        // another's; idle threads end after a few seconds, so peers that are up hold none.
        ExecutorService dialer = new ThreadPoolExecutor(0, Integer.MAX_VALUE, DIALER_IDLE.toSeconds(),
                TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "jppp-dial-" + dialers.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        UnitCache<PppInterface.Unit> units = new UnitCache<>(settings.unitCache());
        PeerLogFiles logFiles = PeerLogFiles.attach(daemonLogfile(settings.defaults()));
        PeerRun.Shared shared = new PeerRun.Shared(settings.etcDir(), loop, lines, dialer, debug, units,
                Optional.of(logFiles));
        PeerFactory peers = (name, index, args, ended) -> {
            List<String> words = new ArrayList<>(List.of("call", name));
            words.addAll(args);
            MDC.put(Mdc.PEER, name);
            try {
                OptionValues values = OptionsLoader.load(settings.etcDir(), words, settings.defaults(),
                        settings.probe(), PppdLog.LOG::info);
                PppdSettings pppd = SettingsFactory.build(values);
                debug.set(name, pppd.logging().debug() > 0);
                return PeerRun.create(name, index, pppd, shared, ended);
            } finally {
                MDC.remove(Mdc.PEER);
            }
        };
        ActorSystem<Manager.Command> system = ActorSystem.create(Manager.create(peers, debug, settings.peers()),
                "jpppd", DISPATCHER.withFallback(PppdRun.PEKKO));
        ControlServer control;
        try {
            control = ControlServer.start(settings.runDir(), new ControlRequests(system, system.scheduler()));
        } catch (IOException | RuntimeException e) {
            system.terminate();
            logFiles.detach();
            loop.close();
            throw e;
        }
        return new Daemon(loop, lines, dialer, debug, system, control, units, logFiles);
    }

    public ActorRef<Manager.Command> manager() {
        return system;
    }

    public ActorSystem<Manager.Command> system() {
        return system;
    }

    public Path socket() {
        return control.path();
    }

    public PeerDebug debug() {
        return debug;
    }

    /** The peers' own log files ({@code logfile} in their options). */
    public PeerLogFiles logFiles() {
        return logFiles;
    }

    /**
     * The daemon's own log file: {@code pppd.logfile} of jppp.conf unless {@code pppd.nolog}, which
     * {@code cli/Jpppd} gives every line; a peer that inherits it needs no file of its own.
     */
    static Optional<Path> daemonLogfile(Map<String, Object> defaults) {
        if (Boolean.TRUE.equals(defaults.get("nolog"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(defaults.get("logfile")).map(Object::toString).filter(f -> !f.isEmpty())
                .map(Path::of);
    }

    /**
     * Stops accepting requests, closes every peer's link (waiting up to {@code wait}), then the
     * shared lines, the actor system, the interfaces kept for reuse and the event loop.
     */
    public void shutdown(Duration wait) {
        control.close();
        try {
            AskPattern.<Manager.Command, Manager.Reply>ask(system, Manager.StopAll::new, wait, system.scheduler())
                    .toCompletableFuture().get(wait.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            PppdLog.LOG.warn("not every peer closed within {} s", wait.toSeconds());
        }
        lines.close();
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Best effort: the process is ending.
        }
        dialer.shutdownNow();
        // Before the event loop: a TUN deregisters from it as it is deleted.
        units.close();
        loop.close();
        logFiles.detach();
    }
}
