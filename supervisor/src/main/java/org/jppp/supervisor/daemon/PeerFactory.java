package org.jppp.supervisor.daemon;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.jppp.protocol.config.OptionException;
import org.jppp.supervisor.run.LinkSetupException;

/**
 * How the {@link Manager} gets a peer's run: the daemon reads the options of {@code call NAME}
 * and builds a {@link PeerRun}; tests give fakes speaking {@link PeerRun.Command}.
 */
@FunctionalInterface
public interface PeerFactory {
    /**
     * @param index  distinct for every start of every peer in the daemon
     * @param args   extra pppd options after {@code call NAME}
     * @param ended  where the run says it is over
     * @throws OptionException    the peer's options are wrong (exit status 2), message with file and line
     * @throws LinkSetupException the run cannot be set up (its exit status)
     */
    Behavior<PeerRun.Command> create(String name, int index, List<String> args, ActorRef<PeerRun.Ended> ended)
            throws OptionException, LinkSetupException;
}
