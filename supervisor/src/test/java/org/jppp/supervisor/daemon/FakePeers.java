package org.jppp.supervisor.daemon;

import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.jppp.protocol.config.OptionException;

/**
 * Peers for the manager's tests, speaking {@link PeerRun.Command}: {@code broken*} have options
 * that fail, {@code crashy*} throw on Redial, the others are UP on {@code pppN} (N their index)
 * and count their attempts; Stop ends them with exit status 5.
 */
final class FakePeers implements PeerFactory {
    @Override
    public Behavior<PeerRun.Command> create(String name, int index, List<String> args,
            ActorRef<PeerRun.Ended> ended) throws OptionException {
        if (name.startsWith("broken")) {
            throw new OptionException("In file /etc/ppp/peers/" + name + " (line 3): unrecognized option 'bogus'");
        }
        return up(name, index, 1, args, ended);
    }

    private static Behavior<PeerRun.Command> up(String name, int index, int attempt, List<String> args,
            ActorRef<PeerRun.Ended> ended) {
        return Behaviors.receive(PeerRun.Command.class)
                .onMessage(PeerRun.Status.class, m -> {
                    m.replyTo().tell(new PeerStatus(name, "UP", "NETWORK", Optional.of("ppp" + index),
                            Optional.of("10.0.0." + index), Optional.of("10.0.0.254"), List.of("10.0.0.53"),
                            Optional.of(7L), new PeerStatus.Counters(100, 200, 1, 2), attempt, attempt - 1, 0,
                            Optional.empty(), Optional.empty(), false));
                    return Behaviors.same();
                })
                .onMessage(PeerRun.Redial.class, m -> {
                    if (name.startsWith("crashy")) {
                        throw new IllegalStateException("boom");
                    }
                    return up(name, index, attempt + 1, args, ended);
                })
                .onMessage(PeerRun.Stop.class, m -> {
                    ended.tell(new PeerRun.Ended(name, 5, "User request"));
                    return Behaviors.stopped();
                })
                .build();
    }
}
