package org.jppp.supervisor.peer;

/**
 * How long the current link has carried no data, for pppd's {@code idle} option. pppd asks the
 * kernel for the time since the last packet sent and since the last received and takes the smaller
 * (check_idle in auth.c), counting only packets its {@code active-filter} lets through; jppp counts
 * every IP packet, either way, as a link without an active-filter does.
 *
 * <p>It is called from the supervisor's actor, so it must only read a counter or a timestamp kept
 * by the data path, never block.
 */
@FunctionalInterface
public interface IdleProbe {

    /** Whole seconds since the last IP packet sent or received on the current link. */
    long idleSeconds();
}
