package org.jppp.actors;

/**
 * The link phases of RFC 1661 §3.2 ("Phase Diagram"). They decide which protocols the link
 * accepts (§3.3-3.5): LCP always, authentication protocols from Authenticate on, NCPs only in
 * Network.
 */
public enum Phase {
    /** No lower link, or it ended (§3.2 Link Dead). */
    DEAD,
    /** LCP is negotiating (§3.3 Link Establishment). */
    ESTABLISH,
    /** LCP is Opened and authentication runs (§3.4). */
    AUTHENTICATE,
    /** NCPs negotiate and carry traffic (§3.5 Network-Layer Protocol). */
    NETWORK,
    /** LCP is closing the link (§3.6 Link Termination). */
    TERMINATE
}
