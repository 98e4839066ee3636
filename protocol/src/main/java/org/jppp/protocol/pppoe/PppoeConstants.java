package org.jppp.protocol.pppoe;

import java.util.OptionalInt;

/** Numbers of RFC 2516 and RFC 4638 shared by discovery and session code. */
public final class PppoeConstants {
    /** EtherType of the Discovery stage (RFC 2516 §4). */
    public static final int ETHERTYPE_DISCOVERY = 0x8863;
    /** EtherType of the PPP Session stage (RFC 2516 §4). */
    public static final int ETHERTYPE_SESSION = 0x8864;
    /** VER and TYPE, both 1 (RFC 2516 §4), in one octet. */
    public static final int VERSION_TYPE = 0x11;
    /** The PPPoE header: VER/TYPE, CODE, SESSION_ID, LENGTH. */
    public static final int HEADER_LENGTH = 6;
    /**
     * The largest PPP MRU without RFC 4638 (RFC 2516 §7): 1500 octets of Ethernet payload minus
     * the 6-octet PPPoE header and the 2-octet PPP protocol field.
     */
    public static final int MAX_MRU = 1492;

    private PppoeConstants() {
    }

    /**
     * The largest MRU LCP may negotiate on a PPPoE session. RFC 2516 §7 caps it at 1492; RFC 4638
     * raises the cap to the PPP-Max-Payload value when both discovery peers agreed on one (the
     * client sent the tag in PADI/PADR and the access concentrator echoed it in PADO/PADS). A
     * value below 1492 grants nothing, so the cap never falls below 1492. LCP applies this cap;
     * the session stages only refuse frames that cannot fit the Ethernet MTU.
     *
     * @param agreedMaxPayload the PPP-Max-Payload both sides agreed on, if any
     */
    public static int maxMru(OptionalInt agreedMaxPayload) {
        return Math.max(MAX_MRU, agreedMaxPayload.orElse(MAX_MRU));
    }
}
