package org.jppp.actors.link;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jppp.protocol.wire.PppProtocol;

/**
 * The state the stream stages of one link share with its {@link LinkIo}: the IP gates (written
 * only by LinkIo, read per packet by the stages) and the counters (written by both, read by
 * anyone, e.g. LCP's adaptive echo). Bad input is counted here, never thrown (STYLE habit 6).
 */
public final class LinkCounters {
    private final AtomicBoolean ipv4Open = new AtomicBoolean();
    private final AtomicBoolean ipv6Open = new AtomicBoolean();
    final AtomicLong framesIn = new AtomicLong();
    final AtomicLong ipIn = new AtomicLong();
    final AtomicLong ipOut = new AtomicLong();
    final AtomicLong ipDropped = new AtomicLong();
    final AtomicLong controlDiscarded = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong protocolRejects = new AtomicLong();

    /** Every frame received from the lower link, control or data (pppd's {@code pkts_in}). */
    public long framesIn() {
        return framesIn.get();
    }

    /** IP packets passed from the link to the IP side. */
    public long ipIn() {
        return ipIn.get();
    }

    /** IP packets passed from the IP side to the link. */
    public long ipOut() {
        return ipOut.get();
    }

    /** IP packets dropped in either direction because their NCP is not Opened, or not IP at all. */
    public long ipDropped() {
        return ipDropped.get();
    }

    /** Control packets silently discarded because the phase does not allow them (RFC 1661 §3.2). */
    public long controlDiscarded() {
        return controlDiscarded.get();
    }

    /** Frames too short for a Protocol field or a control packet header, dropped. */
    public long malformed() {
        return malformed.get();
    }

    /** Protocol-Rejects sent for protocols nobody here speaks (RFC 1661 §5.7). */
    public long protocolRejects() {
        return protocolRejects.get();
    }

    /** Whether packets of the network-layer protocol {@code ip} (IPv4 or IPv6) may pass. */
    public boolean isOpen(PppProtocol ip) {
        return gate(ip).get();
    }

    void setOpen(PppProtocol ip, boolean open) {
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
