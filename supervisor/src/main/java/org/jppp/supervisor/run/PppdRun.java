package org.jppp.supervisor.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.SessionSettings;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.demand.IpSwitch;
import org.jppp.supervisor.peer.SupervisorSettings;
import org.slf4j.LoggerFactory;

/**
 * One pppd run over a byte-stream link (serial device, {@code pty}, {@code notty}) or another
 * {@link Connection} (a PPPoE session), in pppd's order: open the line, run the connect script
 * (or PPPoE discovery), create the ppp interface ({@code Using interface
 * ppp0}, {@code Connect: ppp0 <--> /dev/pts/3}), run {@link org.jppp.actors.session.PeerSession}s
 * under a {@link org.jppp.supervisor.peer.PeerSupervisor} in an actor system named {@code jppp}
 * (one, or more with {@code persist}), closing each attempt's line and interface after its
 * session, then log {@code Exit.} and return pppd's exit status.
 *
 * <p>IP datagrams flow between the TUN device and the link in Pekko streams only; actors see
 * control packets and events.
 */
public final class PppdRun {
    /**
     * The run's own signal handling ends the link; the JVM's shutdown hook must not stop the
     * actors under it. Messages to actors of a finished session are expected, not news.
     */
    public static final Config PEKKO = ConfigFactory.parseString(String.join("\n",
            "pekko.log-dead-letters = off",
            "pekko.log-dead-letters-during-shutdown = off",
            "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
            "pekko.stdout-loglevel = OFF")).withFallback(ConfigFactory.load());

    /** pppd's demand_conf sets the MTU to the smaller of the allowed MRU and PPP_MRU: 1500 by default. */
    private static final int DEMAND_MTU = 1500;

    private PppdRun() {}

    /** Runs the link over a tty; returns pppd's exit status. Logging is configured here from the options. */
    public static int run(PppdSettings settings, Path etcDir) {
        return run(settings, etcDir, TtyConnection::open);
    }

    /** Runs the link over the channel {@code opener} connects (a PPPoE session, say); returns pppd's exit status. */
    public static int run(PppdSettings settings, Path etcDir, Connection.Opener opener) {
        LogSetup.apply(settings.logging());
        Signals signals = Signals.install(Thread.currentThread());
        try (EventLoop loop = EventLoop.start("jppp-io")) {
            return run(settings, etcDir, loop, signals, opener);
        } catch (LinkSetupException e) {
            if (!e.getMessage().isEmpty()) {
                PppdLog.LOG.error(e.getMessage());
            }
            return e.exitStatus();
        } catch (RuntimeException e) {
            // Not a user's mistake, but still one line for the user; the trace is for debugging.
            PppdLog.LOG.error("Fatal error: {}", e.toString());
            LoggerFactory.getLogger(PppdRun.class).debug("fatal error", e);
            return ExitStatus.EXIT_FATAL_ERROR;
        } finally {
            PppdLog.LOG.info("Exit.");
        }
    }

    private static int run(PppdSettings settings, Path etcDir, EventLoop loop, Signals signals,
            Connection.Opener opener) throws LinkSetupException {
        SessionSettings session = SessionConfig.from(settings, etcDir);
        SupervisorSettings supervision = SupervisorSettings.from(settings.link());
        PppInterface iface = new PppInterface(loop, settings, IpSwitch.DEFAULT_QUEUE_LIMIT);
        Attempt first = Attempt.openFirst(settings, etcDir, loop, opener, iface).orElse(null);
        Attempts attempts = new Attempts(settings, etcDir, loop, session, opener, iface, first);
        if (signals.early().isPresent()) {
            attempts.closeAll().join();
            return ExitStatus.EXIT_USER_REQUEST;
        }
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        ActorSystem<RunGuardian.Command> system =
                ActorSystem.create(RunGuardian.create(supervision, attempts, exit), "jppp", PEKKO);
        signals.routeTo(signal -> system.tell(new RunGuardian.Terminate(signal)));
        // A guardian that failed never completes the status: that is a fatal error.
        system.getWhenTerminated().thenRun(() -> exit.complete(ExitStatus.EXIT_FATAL_ERROR));
        int status = exit.join();
        attempts.closeAll().join();
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
        return status;
    }
}
