package org.jppp.supervisor.peer;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.jppp.actors.session.PeerSession;

/**
 * Builds one incarnation of a peer's link. The run path implements it with
 * {@link PeerSession#create} over freshly opened links (a new lower link per attempt, as pppd
 * reopens the device on each pass of its main loop); tests give a fake speaking the same protocol.
 *
 * <p>The behavior is spawned inside {@code Behaviors.setup}, so an exception thrown here, such as
 * a device that cannot be opened, fails that incarnation like any other crash instead of the
 * supervisor.
 */
@FunctionalInterface
public interface SessionFactory {

    /**
     * @param attempt the attempt number, 1 for the first dial
     * @param parent  where the session reports {@link PeerSession.Event}s
     */
    Behavior<PeerSession.Command> create(int attempt, ActorRef<PeerSession.Event> parent);
}
