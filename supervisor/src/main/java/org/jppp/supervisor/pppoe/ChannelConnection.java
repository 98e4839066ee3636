package org.jppp.supervisor.pppoe;

import org.jppp.actors.link.LowerLink;
import org.jppp.io.packet.SessionChannel;
import org.jppp.supervisor.run.Connection;

/**
 * A connection whose link is one PPPoE session channel of an {@code EthernetEndpoint}, on either
 * side: its PPP frames are the lower link, and an Ethernet link has no line speed (pppd reports 0).
 */
interface ChannelConnection extends Connection {
    SessionChannel channel();

    @Override
    default int speed() {
        return 0;
    }

    @Override
    default LowerLink lower() {
        return LowerLink.of(channel().flow());
    }
}
