package org.jppp.supervisor.pppoe;

import org.jppp.io.packet.SessionChannel;

/**
 * A session the access concentrator granted, as its pppd's channel: the interface name is the
 * device ({@code Connect: ppp0 <--> eth0}), the session's PPP frames are the link. Hanging up
 * closes the channel; the PADT is the {@link org.jppp.actors.pppoe.AccessConcentrator}'s to send.
 */
record ServedConnection(String device, SessionChannel channel) implements ChannelConnection {
    @Override
    public void close() {
        channel.close();
    }
}
