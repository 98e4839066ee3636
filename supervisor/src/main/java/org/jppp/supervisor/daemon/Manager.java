package org.jppp.supervisor.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Mdc;
import org.jppp.actors.PppdLog;
import org.jppp.protocol.config.OptionException;
import org.jppp.supervisor.run.LinkSetupException;
import org.slf4j.MDC;

/**
 * The daemon's peers by name, each a {@link PeerRun} child started from {@code call NAME}. A peer
 * whose options fail, or whose run ends (maxfail, nopersist, a crash of its actors), stays listed
 * as STOPPED with its last exit until {@link Stop} removes it or {@link Start} runs it again; one
 * peer's end never touches another. Commands without a peer name apply to every peer, as in the
 * control protocol (docs/control-protocol.md). Replies: {@link Ok}, {@link Failed},
 * {@link Statuses}, {@link Debug}.
 */
public final class Manager extends AbstractBehavior<Manager.Command> {
    public sealed interface Command { }

    /** Run {@code call peer args...} unless it runs already. */
    public record Start(String peer, List<String> args, ActorRef<Reply> replyTo) implements Command {
        public Start {
            args = List.copyOf(args);
        }
    }

    /** Close the peer's link (LCP Terminate-Request, PADT), no redial, then forget it; all peers if empty. Replies once closed. */
    public record Stop(Optional<String> peer, ActorRef<Reply> replyTo) implements Command { }

    /** Hang up and dial again now, or end a holdoff; all peers if empty. */
    public record Redial(Optional<String> peer, ActorRef<Reply> replyTo) implements Command { }

    /** Flip pppd's {@code debug} for the peer (pppd's SIGUSR1); all peers if empty. */
    public record ToggleDebug(Optional<String> peer, ActorRef<Reply> replyTo) implements Command { }

    /** {@code poff -c}: jppp negotiates no compression, so there is nothing to renegotiate. */
    public record Renegotiate(Optional<String> peer, ActorRef<Reply> replyTo) implements Command { }

    /** Every peer's status, or one's. */
    public record Status(Optional<String> peer, ActorRef<Reply> replyTo) implements Command { }

    /** The daemon is ending: stop every peer, refuse new ones; replies once all are closed. */
    public record StopAll(ActorRef<Reply> replyTo) implements Command { }

    private record PeerEnded(PeerRun.Ended ended) implements Command { }

    private record PeerGone(String name, ActorRef<PeerRun.Command> run) implements Command { }

    public sealed interface Reply { }

    public record Ok(String message) implements Reply { }

    public record Failed(String error) implements Reply { }

    public record Statuses(List<PeerStatus> peers) implements Reply {
        public Statuses {
            peers = List.copyOf(peers);
        }
    }

    /** Each peer's debug after the toggle. */
    public record Debug(Map<String, Boolean> peers) implements Reply {
        public Debug {
            peers = Map.copyOf(peers);
        }
    }

    private static final Duration STATUS_WAIT = Duration.ofSeconds(3);

    /** One named peer; {@code run} is empty while STOPPED. */
    private static final class Entry {
        final String name;
        Optional<ActorRef<PeerRun.Command>> run = Optional.empty();
        Optional<PeerStatus.Exit> lastExit = Optional.empty();
        boolean removeWhenEnded;
        Optional<List<String>> startWhenEnded = Optional.empty();
        final List<ActorRef<Reply>> waiting = new ArrayList<>();

        Entry(String name) {
            this.name = name;
        }
    }

    private final PeerFactory factory;
    private final PeerDebug debug;
    private final ActorRef<PeerRun.Ended> endedAdapter;
    private final Map<String, Entry> peers = new LinkedHashMap<>();
    private final List<ActorRef<Reply>> stopAllWaiting = new ArrayList<>();
    private boolean stopping;
    private int nextIndex = 1;

    /** @param boot the peers started at once ({@code jppp.peers} and {@code --peer}) */
    public static Behavior<Command> create(PeerFactory factory, PeerDebug debug, List<String> boot) {
        return Behaviors.setup(ctx -> new Manager(ctx, factory, debug, boot));
    }

    private Manager(ActorContext<Command> ctx, PeerFactory factory, PeerDebug debug, List<String> boot) {
        super(ctx);
        this.factory = factory;
        this.debug = debug;
        this.endedAdapter = ctx.messageAdapter(PeerRun.Ended.class, PeerEnded::new);
        for (String name : boot) {
            start(name, List.of(), ctx.getSystem().ignoreRef());
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, m -> start(m.peer(), m.args(), m.replyTo()))
                .onMessage(Stop.class, this::onStop)
                .onMessage(Redial.class, this::onRedial)
                .onMessage(ToggleDebug.class, this::onToggleDebug)
                .onMessage(Renegotiate.class, this::onRenegotiate)
                .onMessage(Status.class, this::onStatus)
                .onMessage(StopAll.class, this::onStopAll)
                .onMessage(PeerEnded.class, m -> onEnded(m.ended().name(), Optional.empty(),
                        new PeerStatus.Exit(m.ended().exitStatus(), m.ended().reason())))
                .onMessage(PeerGone.class, m -> onEnded(m.name(), Optional.of(m.run()),
                        new PeerStatus.Exit(ExitStatus.EXIT_FATAL_ERROR, "peer failed")))
                .build();
    }

    private Behavior<Command> start(String name, List<String> args, ActorRef<Reply> replyTo) {
        if (stopping) {
            replyTo.tell(new Failed("shutting down"));
            return this;
        }
        Entry entry = peers.computeIfAbsent(name, Entry::new);
        if (entry.run.isPresent()) {
            if (entry.removeWhenEnded) {
                // Being stopped by down: start it again once it is closed.
                entry.removeWhenEnded = false;
                entry.startWhenEnded = Optional.of(args);
                replyTo.tell(new Ok("starting once stopped"));
            } else {
                replyTo.tell(new Ok("already running"));
            }
            return this;
        }
        int index = nextIndex++;
        try {
            Behavior<PeerRun.Command> behavior = factory.create(name, index, args, endedAdapter);
            ActorRef<PeerRun.Command> run = getContext().spawn(behavior, "peer-" + index);
            getContext().watchWith(run, new PeerGone(name, run));
            entry.run = Optional.of(run);
            replyTo.tell(new Ok("started"));
        } catch (OptionException e) {
            refused(entry, ExitStatus.EXIT_OPTION_ERROR, e.getMessage(), replyTo);
        } catch (LinkSetupException e) {
            refused(entry, e.exitStatus(), e.getMessage(), replyTo);
        }
        return this;
    }

    private void refused(Entry entry, int exitStatus, String message, ActorRef<Reply> replyTo) {
        logForPeer(entry.name, PppdLog.LOG::error, message);
        entry.lastExit = Optional.of(new PeerStatus.Exit(exitStatus, message));
        replyTo.tell(new Failed(entry.name + ": " + message));
    }

    /** {@code message} at {@code level}, with the peer's name in the MDC as its session's own lines have it. */
    private static void logForPeer(String name, Consumer<String> level, String message) {
        MDC.put(Mdc.PEER, name);
        try {
            level.accept(message);
        } finally {
            MDC.remove(Mdc.PEER);
        }
    }

    /** The peers a command names: one (or none, then the reply says so), or all when none is named. */
    private Optional<List<Entry>> targets(Optional<String> peer, ActorRef<Reply> replyTo) {
        if (peer.isEmpty()) {
            return Optional.of(List.copyOf(peers.values()));
        }
        Entry entry = peers.get(peer.get());
        if (entry == null) {
            replyTo.tell(new Failed("no such peer: " + peer.get()));
            return Optional.empty();
        }
        return Optional.of(List.of(entry));
    }

    private Behavior<Command> onStop(Stop m) {
        targets(m.peer(), m.replyTo()).ifPresent(entries -> {
            List<Entry> running = new ArrayList<>();
            for (Entry e : entries) {
                e.startWhenEnded = Optional.empty();
                if (e.run.isEmpty()) {
                    peers.remove(e.name);
                } else {
                    e.removeWhenEnded = true;
                    e.run.get().tell(new PeerRun.Stop());
                    running.add(e);
                }
            }
            if (running.isEmpty()) {
                m.replyTo().tell(new Ok(entries.isEmpty() ? "no peers" : "stopped"));
            } else {
                // One reply, once the last of them is closed.
                running.get(running.size() - 1).waiting.add(m.replyTo());
            }
        });
        return this;
    }

    private Behavior<Command> onRedial(Redial m) {
        targets(m.peer(), m.replyTo()).ifPresent(entries -> {
            List<Entry> running = entries.stream().filter(e -> e.run.isPresent()).toList();
            if (m.peer().isPresent() && running.isEmpty()) {
                m.replyTo().tell(new Failed("not running: " + m.peer().get()));
                return;
            }
            running.forEach(e -> e.run.get().tell(new PeerRun.Redial()));
            m.replyTo().tell(new Ok("redialling"));
        });
        return this;
    }

    private Behavior<Command> onToggleDebug(ToggleDebug m) {
        targets(m.peer(), m.replyTo()).ifPresent(entries -> {
            Map<String, Boolean> now = new LinkedHashMap<>();
            for (Entry e : entries) {
                boolean on = debug.toggle(e.name);
                logForPeer(e.name, PppdLog.LOG::info, on ? "debug enabled" : "debug disabled");
                now.put(e.name, on);
            }
            m.replyTo().tell(new Debug(now));
        });
        return this;
    }

    private Behavior<Command> onRenegotiate(Renegotiate m) {
        targets(m.peer(), m.replyTo()).ifPresent(entries -> m.replyTo().tell(new Ok("no compression negotiated")));
        return this;
    }

    private Behavior<Command> onStatus(Status m) {
        targets(m.peer(), m.replyTo()).ifPresent(entries -> {
            List<StatusCollector.Slot> slots = entries.stream().map(e -> e.run
                    .map(r -> StatusCollector.Slot.asking(e.name, r))
                    .orElseGet(() -> StatusCollector.Slot.known(
                            PeerStatus.stopped(e.name, e.lastExit, debug.isOn(e.name))))).toList();
            getContext().spawnAnonymous(StatusCollector.create(slots, STATUS_WAIT, m.replyTo()));
        });
        return this;
    }

    private Behavior<Command> onStopAll(StopAll m) {
        stopping = true;
        stopAllWaiting.add(m.replyTo());
        for (Entry e : peers.values()) {
            e.startWhenEnded = Optional.empty();
            e.run.ifPresent(r -> r.tell(new PeerRun.Stop()));
        }
        checkAllStopped();
        return this;
    }

    private void checkAllStopped() {
        if (stopping && peers.values().stream().allMatch(e -> e.run.isEmpty())) {
            stopAllWaiting.forEach(r -> r.tell(new Ok("all peers stopped")));
            stopAllWaiting.clear();
        }
    }

    /**
     * A peer's run is over: it said so ({@code from} empty), or its actor stopped without saying so
     * (a crash: exit status 1). The second notice of the same end finds no run and is ignored.
     */
    private Behavior<Command> onEnded(String name, Optional<ActorRef<PeerRun.Command>> from, PeerStatus.Exit exit) {
        Entry entry = peers.get(name);
        if (entry == null || entry.run.isEmpty() || from.isPresent() && !entry.run.get().equals(from.get())) {
            return this;
        }
        if (from.isPresent()) {
            logForPeer(name, PppdLog.LOG::error, "peer's actors stopped unexpectedly");
        }
        entry.run = Optional.empty();
        entry.lastExit = Optional.of(exit);
        entry.waiting.forEach(r -> r.tell(new Ok("stopped")));
        entry.waiting.clear();
        if (entry.removeWhenEnded) {
            peers.remove(name);
        } else if (entry.startWhenEnded.isPresent()) {
            List<String> args = entry.startWhenEnded.get();
            entry.startWhenEnded = Optional.empty();
            start(name, args, getContext().getSystem().ignoreRef());
        }
        checkAllStopped();
        return this;
    }
}
