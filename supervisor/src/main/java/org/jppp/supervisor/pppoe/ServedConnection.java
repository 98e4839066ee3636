package org.jppp.supervisor.pppoe;

import org.jppp.actors.session.SessionSettings;
import org.jppp.io.packet.SessionChannel;

/**
 * A session the access concentrator granted, as its pppd's channel: the interface name is the
 * device ({@code Connect: ppp0 <--> eth0}), the session's PPP frames are the link. Hanging up
 * closes the channel; the PADT is the {@link org.jppp.actors.pppoe.AccessConcentrator}'s to send.
 *
 * @param mtu the most LCP sends: the configured {@code mtu} within the PPP-Max-Payload granted
 *            in the PADS, else 1492 (RFC 4638 §4)
 * @param mru the MRU LCP asks for, bounded the same way
 */
record ServedConnection(String device, SessionChannel channel, int mtu, int mru) implements ChannelConnection {
    @Override
    public SessionSettings adjust(SessionSettings settings) {
        return PppoeMtu.bound(settings, mtu, mru);
    }

    @Override
    public void close() {
        channel.close();
    }
}
