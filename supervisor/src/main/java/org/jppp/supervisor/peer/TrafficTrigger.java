package org.jppp.supervisor.peer;

/**
 * Dial-on-demand's wait for traffic (the loop in pppd's main.c that sits in the Dormant phase
 * until the demand loopback yields a packet worth dialling for). The data path queues packets
 * from the call on and reports the first one once; the supervisor hears one message per waiting
 * period, never one per packet.
 */
@FunctionalInterface
public interface TrafficTrigger {

    /** Start queueing; call {@code onTraffic} once (from any thread; it only sends a message). */
    void awaitTraffic(Runnable onTraffic);

    /**
     * A link ended: forget what is queued and refuse packets until the next wait (pppd's
     * demand_discard, then NPMODE_ERROR through the holdoff). Called by the supervisor before it
     * holds off or waits, so the two never cross.
     */
    default void discard() {
    }

    /** For peers without demand, which never wait. */
    TrafficTrigger NONE = onTraffic -> {
        throw new IllegalStateException("this peer does not dial on demand");
    };
}
