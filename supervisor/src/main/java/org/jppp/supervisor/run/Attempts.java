package org.jppp.supervisor.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.jppp.actors.PppdLog;
import org.jppp.actors.session.PeerSession;
import org.jppp.actors.session.SessionSettings;
import org.jppp.actors.session.UpDetails;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.supervisor.peer.SessionFactory;
import org.slf4j.MDC;

/**
 * The {@link SessionFactory} of a run: each attempt of the {@link org.jppp.supervisor.peer.PeerSupervisor}
 * gets a freshly opened {@link Attempt} (line, connect script, interface), as pppd reopens its
 * device on each pass of its main loop. The first attempt is opened by the caller beforehand, so
 * that its failures end the run with pppd's specific exit status (7, 8, 9); a later attempt that
 * cannot be opened fails as a crashed session (a failed attempt for maxfail).
 *
 * <p>Attempts are closed one after the other on a thread of their own (closing blocks for the
 * scripts and the linger), and a new one is opened only after the previous one is closed: the
 * device is free again, and the interface name too.
 */
public final class Attempts implements SessionFactory {
    private final PppdSettings settings;
    private final Path etcDir;
    private final EventLoop loop;
    private final SessionSettings sessionSettings;
    private final Connection.Opener opener;
    private final Map<Integer, Attempt> open = new ConcurrentHashMap<>();
    private final ExecutorService closer;
    private Attempt first;
    private CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);

    Attempts(PppdSettings settings, Path etcDir, EventLoop loop, SessionSettings sessionSettings,
            Connection.Opener opener, Attempt first) {
        this(settings, etcDir, loop, sessionSettings, opener, first, Map.of());
    }

    /**
     * For one peer of many in a process ({@code jpppd}): {@code first} may be null (the first
     * session then dials too), and the closing thread logs with {@code mdc} (the peer's name). The
     * closing thread ends when idle, so a daemon that starts and stops peers keeps no idle threads.
     */
    public Attempts(PppdSettings settings, Path etcDir, EventLoop loop, SessionSettings sessionSettings,
            Connection.Opener opener, Attempt first, Map<String, String> mdc) {
        ThreadPoolExecutor closing = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(() -> {
                        MDC.setContextMap(mdc);
                        r.run();
                    }, "jppp-close");
                    t.setDaemon(true);
                    return t;
                });
        closing.allowCoreThreadTimeOut(true);
        this.closer = closing;
        this.opener = opener;
        this.settings = settings;
        this.etcDir = etcDir;
        this.loop = loop;
        this.sessionSettings = sessionSettings;
        this.first = first;
    }

    /** Runs in the session's setup on a dispatcher thread; blocks while a later attempt dials. */
    @Override
    public Behavior<PeerSession.Command> create(int attempt, ActorRef<PeerSession.Event> parent) {
        Attempt a = takeFirst();
        if (a == null) {
            closeAll().join();
            try {
                a = Attempt.open(settings, etcDir, loop, opener);
            } catch (LinkSetupException e) {
                PppdLog.LOG.error(e.getMessage());
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        open.put(attempt, a);
        return a.session(sessionSettings, parent);
    }

    private synchronized Attempt takeFirst() {
        Attempt a = first;
        first = null;
        return a;
    }

    public void up(int attempt, UpDetails details) {
        Attempt a = open.get(attempt);
        if (a != null) {
            a.up(details);
        }
    }

    public void down(int attempt, PppProtocol ncp) {
        Attempt a = open.get(attempt);
        if (a != null) {
            a.down(ncp);
        }
    }

    public void peerAuthenticated(int attempt, String peerName) {
        Attempt a = open.get(attempt);
        if (a != null) {
            a.peerAuthenticated(peerName);
        }
    }

    public void linkDown(int attempt) {
        Attempt a = open.get(attempt);
        if (a != null) {
            a.linkDown();
        }
    }

    public String ifname(int attempt) {
        Attempt a = open.get(attempt);
        return a == null ? "?" : a.ifname();
    }

    /** The attempt's session finished: close what it opened. */
    public void finished(int attempt) {
        close(List.of(attempt));
    }

    /** Closes every attempt still open (and the first, if no session ever took it). */
    public CompletableFuture<Void> closeAll() {
        Attempt unused = takeFirst();
        if (unused != null) {
            open.put(0, unused);
        }
        return close(List.copyOf(open.keySet()));
    }

    private synchronized CompletableFuture<Void> close(List<Integer> attempts) {
        for (Integer n : attempts) {
            Attempt a = open.remove(n);
            if (a != null) {
                closed = closed.thenRunAsync(a::close, closer);
            }
        }
        return closed;
    }

    /** pppd's {@code up_sdnotify}: tell systemd when the link is up. */
    boolean upSdnotify() {
        return settings.logging().upSdnotify();
    }
}
