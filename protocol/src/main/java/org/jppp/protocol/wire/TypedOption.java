package org.jppp.protocol.wire;

/**
 * A typed view of one configuration option of some control protocol (LCP, IPCP, IPv6CP). Each
 * protocol's sealed option interface extends this one, so the packet tracer and the automaton can
 * treat options of every protocol alike.
 */
public interface TypedOption {

    /** The raw Type-Length-Value form, as sent on the wire. */
    ConfigOption encode();

    /** The option as pppd prints it in a packet trace, e.g. {@code <mru 1500>}. */
    String trace();
}
