package org.jppp.tests.pppoe;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.session.SessionSettings;
import org.jppp.io.loop.EventLoop;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.supervisor.options.ConfigDefaults;
import org.jppp.supervisor.options.OptionsLoader;
import org.jppp.supervisor.options.SettingsFactory;
import org.jppp.supervisor.options.SystemProbe;
import org.jppp.supervisor.pppoe.PppoeConnection;
import org.jppp.supervisor.pppoe.PppoeLine;
import org.jppp.supervisor.pppoe.ServedSession;
import org.jppp.supervisor.run.Attempt;
import org.jppp.supervisor.run.LogSetup;
import org.jppp.supervisor.run.PppdRun;
import org.jppp.supervisor.run.SessionConfig;
import sun.misc.Signal;

/**
 * A test-only client daemon that holds many PPPoE sessions in one JVM: one interface line, one
 * discovery actor and one {@link Attempt} (session channel, {@code pppN}, hooks) per session, all
 * dialed with the options of {@code call provider}, each with its own Host-Uniq. SIGTERM closes
 * every link (LCP Terminate-Request), then hangs each session up (PADT) and exits 0.
 *
 * <p>Usage: {@code ManySessionsClient ETC_DIR COUNT} (the interface is the provider's nic).
 */
public final class ManySessionsClient {
    private ManySessionsClient() {}

    public static void main(String[] args) throws Exception {
        Path etc = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Config base = ConfigFactory.load();
        PppdSettings settings = SettingsFactory.build(OptionsLoader.load(etc, List.of("call", "provider"),
                ConfigDefaults.read(ConfigDefaults.config(base, etc)), SystemProbe.host(), line -> { }));
        LogSetup.apply(settings.logging());
        SessionSettings session = SessionConfig.from(settings, etc);
        CountDownLatch terminate = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> terminate.countDown());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "many", PppdRun.PEKKO);
        List<Attempt> attempts = new ArrayList<>();
        List<ActorRef<ServedSession.Command>> runs = new ArrayList<>();
        try (EventLoop loop = EventLoop.start("many-io");
                PppoeLine line = PppoeLine.open(loop, settings.pppoe().nic().orElseThrow())) {
            for (int i = 1; i <= count; i++) {
                PppoeConnection connection = PppoeConnection.dial(line, settings, hostUniq(i));
                Attempt attempt = Attempt.open(settings, etc, loop, (l, s) -> connection);
                attempts.add(attempt);
                runs.add(system.systemActorOf(ServedSession.create(attempt, session, Optional.empty()), "session-" + i,
                        org.apache.pekko.actor.typed.Props.empty()));
            }
            System.err.println("MANY-DIALED " + count);
            terminate.await();
            runs.forEach(r -> r.tell(new ServedSession.Hangup("User request")));
            // Terminate-Request and -Ack take milliseconds here; then each session's PADT.
            Thread.sleep(2000);
            attempts.forEach(Attempt::close);
            System.err.println("MANY-CLOSED " + attempts.size());
        } finally {
            system.terminate();
        }
        System.exit(0);
    }

    private static ByteString hostUniq(int i) {
        return ByteString.fromArrayUnsafe(ByteBuffer.allocate(8).putInt((int) ProcessHandle.current().pid())
                .putInt(i).array());
    }
}
