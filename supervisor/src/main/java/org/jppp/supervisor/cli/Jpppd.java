package org.jppp.supervisor.cli;

import ch.qos.logback.classic.LoggerContext;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.PppdLog;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.LoggingSettings;
import org.jppp.protocol.config.OptionException;
import org.jppp.supervisor.daemon.Daemon;
import org.jppp.supervisor.daemon.Manager;
import org.jppp.supervisor.daemon.PeerDebug;
import org.jppp.supervisor.options.ConfigDefaults;
import org.jppp.supervisor.options.SystemProbe;
import org.jppp.supervisor.run.LogSetup;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code bin/jpppd [--etc-dir DIR] [--run-dir DIR] [--peer NAME]... [--nodetach]}: one process
 * running many peers (docs/jpppd.md). It stays in the foreground (systemd, or the shell's
 * {@code &}, detaches it), logs as pppd does with each peer's lines prefixed by its name, writes
 * {@code $JPPP_RUN_DIR/jpppd.pid} and serves the control socket. SIGTERM and SIGINT stop every peer
 * (Terminate-Request, PADT) and exit 5, pppd's status for a user's request; SIGHUP redials every
 * peer; SIGUSR1 toggles every peer's debug.
 */
public final class Jpppd {
    /** How long the peers get to close their links on SIGTERM. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final String PID_FILE = "jpppd.pid";
    /** How many stopped peers' interfaces are kept for reuse (docs/jpppd.md); 0 by default, as pppd deletes its unit. */
    private static final String UNIT_CACHE_KEY = "jppp.jpppd-unit-cache";
    private static final String USAGE = "usage: jpppd [--etc-dir DIR] [--run-dir DIR] [--peer NAME]... [--nodetach]";

    private Jpppd() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), SystemProbe.host(), System.err));
    }

    /** The command line, parsed. */
    record Flags(Optional<Path> etcDir, Optional<Path> runDir, List<String> peers) { }

    static Flags parse(List<String> args) throws OptionException {
        Optional<Path> etc = Optional.empty();
        Optional<Path> run = Optional.empty();
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--nodetach" -> { }
                case "--etc-dir", "--run-dir", "--peer" -> {
                    if (i + 1 >= args.size()) {
                        throw new OptionException(a + " needs a value");
                    }
                    String v = args.get(++i);
                    if (a.equals("--etc-dir")) {
                        etc = Optional.of(Path.of(v));
                    } else if (a.equals("--run-dir")) {
                        run = Optional.of(Path.of(v));
                    } else {
                        peers.add(v);
                    }
                }
                default -> throw new OptionException("unknown option " + a + "\n" + USAGE);
            }
        }
        return new Flags(etc, run, peers);
    }

    /** Runs the daemon until SIGTERM or SIGINT; returns the exit status. */
    public static int run(List<String> args, Map<String, String> env, SystemProbe probe, PrintStream err) {
        Daemon.Settings settings;
        try {
            Flags flags = parse(args);
            Config base = ConfigFactory.load();
            Path etcDir = flags.etcDir().orElseGet(() -> ConfigDefaults.etcDir(env, base));
            Config site = ConfigDefaults.config(base, etcDir);
            Map<String, Object> defaults = ConfigDefaults.read(site);
            Path runDir = flags.runDir().orElseGet(() -> Path.of(Optional.ofNullable(env.get("JPPP_RUN_DIR"))
                    .filter(d -> !d.isEmpty()).orElse(site.getString("jppp.run-dir"))));
            Set<String> peers = new LinkedHashSet<>(site.hasPath("jppp.peers") ? site.getStringList("jppp.peers")
                    : List.of());
            peers.addAll(flags.peers());
            int unitCache = site.hasPath(UNIT_CACHE_KEY) ? site.getInt(UNIT_CACHE_KEY) : 0;
            if (unitCache < 0) {
                throw new OptionException(UNIT_CACHE_KEY + " = " + unitCache + " (expected >= 0)");
            }
            settings = new Daemon.Settings(etcDir, runDir, List.copyOf(peers), defaults, probe, unitCache);
        } catch (OptionException e) {
            err.println("jpppd: " + e.getMessage());
            return ExitStatus.EXIT_OPTION_ERROR;
        } catch (ConfigException e) {
            err.println("jpppd: configuration error: " + e.getMessage());
            return ExitStatus.EXIT_OPTION_ERROR;
        }

        PeerDebug debug = new PeerDebug();
        logging(debug, settings.defaults());
        Daemon daemon;
        try {
            daemon = Daemon.start(settings, debug);
        } catch (IOException | RuntimeException e) {
            PppdLog.LOG.error("jpppd: cannot start: {}", e.getMessage());
            return ExitStatus.EXIT_FATAL_ERROR;
        }
        Path pidFile = settings.runDir().resolve(PID_FILE);
        try {
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            PppdLog.LOG.error("Failed to create pid file {}: {}", pidFile, e.getMessage());
        }
        PppdLog.LOG.info("jpppd {} started: peers {}, control socket {}", ProcessHandle.current().pid(),
                settings.peers(), daemon.socket());
        CountDownLatch terminate = new CountDownLatch(1);
        handle("TERM", s -> terminate(s, terminate));
        handle("INT", s -> terminate(s, terminate));
        handle("HUP", s -> {
            PppdLog.LOG.info("Hangup (SIGHUP)");
            daemon.manager().tell(new Manager.Redial(Optional.empty(), daemon.system().ignoreRef()));
        });
        handle("USR1", s -> daemon.manager().tell(new Manager.ToggleDebug(Optional.empty(),
                daemon.system().ignoreRef())));
        try {
            terminate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        daemon.shutdown(STOP_WAIT);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            PppdLog.LOG.warn("unable to delete pid file {}: {}", pidFile, e.getMessage());
        }
        PppdLog.LOG.info("Exit.");
        return ExitStatus.EXIT_USER_REQUEST;
    }

    private static void terminate(Signal s, CountDownLatch terminate) {
        if (terminate.getCount() > 0) {
            PppdLog.LOG.info("Terminating on signal {}", s.getNumber());
            terminate.countDown();
        }
    }

    private static void handle(String name, sun.misc.SignalHandler handler) {
        try {
            Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException e) {
            // The JVM keeps this signal for itself (SIGUSR1 under some options): go without it.
            LoggerFactory.getLogger(Jpppd.class).warn("SIG{} not handled: {}", name, e.getMessage());
        }
    }

    /**
     * pppd's logging (syslog, and standard error for a daemon in the foreground), each peer's lines
     * prefixed with its name; per-peer debug through {@link PeerDebug}. The daemon's own log file
     * is the default of every peer, {@code pppd.logfile} in jppp.conf (unless {@code pppd.nolog}),
     * so that plog has a file to read where no syslog daemon writes one; a peer's own
     * {@code logfile} is {@link org.jppp.supervisor.daemon.PeerLogFiles}' (set up by the daemon).
     */
    private static void logging(PeerDebug debug, Map<String, Object> defaults) {
        Optional<String> logfile = Optional.ofNullable(defaults.get("logfile")).map(Object::toString)
                .filter(f -> !f.isEmpty());
        boolean nolog = Boolean.TRUE.equals(defaults.get("nolog"));
        LogSetup.apply(new LoggingSettings(0, 0, logfile, OptionalInt.empty(), nolog, Detach.NODETACH, false,
                false));
        LogSetup.keepStderr();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        debug.setContext(context);
        debug.start();
        context.addTurboFilter(debug);
    }
}
