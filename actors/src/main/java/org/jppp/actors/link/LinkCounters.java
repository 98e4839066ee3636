package org.jppp.actors.link;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jppp.protocol.wire.PppProtocol;

/**
 * The state the stream stages of one link share with its {@link LinkIo}: the IP gates (written
 * by the link's owner, directly or through {@link LinkIo.SetGate}, read per packet by the
 * stages) and the {@link LinkCounter}s (written by both, read by anyone, e.g. LCP's adaptive echo).
 */
public final class LinkCounters {
    private final AtomicBoolean ipv4Open = new AtomicBoolean();
    private final AtomicBoolean ipv6Open = new AtomicBoolean();
    private final AtomicLongArray values = new AtomicLongArray(LinkCounter.values().length);

    public long get(LinkCounter counter) {
        return values.get(counter.ordinal());
    }

    void increment(LinkCounter counter) {
        values.incrementAndGet(counter.ordinal());
    }

    /** Frames received so far: LCP's adaptive echo reads it as proof of life. */
    public long framesIn() {
        return get(LinkCounter.FRAMES_IN);
    }

    /** Whether packets of the network-layer protocol {@code ip} (IPv4 or IPv6) may pass. */
    public boolean isOpen(PppProtocol ip) {
        return gate(ip).get();
    }

    /**
     * Opens or closes the gate of {@code ip} at once: a session that must not log its NCP up
     * before datagrams pass (pppd's ipcp_up) sets it itself instead of telling {@link LinkIo}.
     */
    public void setOpen(PppProtocol ip, boolean open) {
        gate(ip).set(open);
    }

    private AtomicBoolean gate(PppProtocol ip) {
        if (ip.equals(PppProtocol.IPV4)) {
            return ipv4Open;
        }
        if (ip.equals(PppProtocol.IPV6)) {
            return ipv6Open;
        }
        throw new IllegalArgumentException("not a gated network protocol: " + ip);
    }
}
