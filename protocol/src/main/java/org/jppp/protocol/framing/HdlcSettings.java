package org.jppp.protocol.framing;

/**
 * The parameters of HDLC-like framing that LCP negotiates after the link is up (RFC 1662 §7.1
 * ACCM, RFC 1570 FCS-Alternatives, RFC 1661 §6.1 MRU). One instance is shared by the encoder
 * and decoder of a link and by its owner, which changes values while the stream runs; fields
 * are volatile, and the stages read them once per frame (encoder) or per chunk and frame end
 * (decoder), so a change applies from the next frame on.
 *
 * <p>Until LCP is opened both maps are 0xFFFFFFFF (RFC 1662 §7.1 default: every control
 * character escaped).
 */
public final class HdlcSettings {
    public static final int DEFAULT_ACCM = 0xFFFFFFFF;
    public static final int DEFAULT_MRU = 1500;

    private volatile int sendAccm = DEFAULT_ACCM;
    private volatile int receiveAccm = DEFAULT_ACCM;
    private volatile FcsMode sendFcs = FcsMode.FCS_16;
    private volatile FcsMode receiveFcs = FcsMode.FCS_16;
    private volatile int receiveMru = DEFAULT_MRU;

    /** The map the peer asked us to escape (its ACCM option, which we acked). */
    public int sendAccm() {
        return sendAccm;
    }

    public HdlcSettings sendAccm(int accm) {
        this.sendAccm = accm;
        return this;
    }

    /**
     * The map we asked the peer to escape. Raw control characters flagged in it are taken as
     * inserted by the DCE and discarded (RFC 1662 §7.1). Escaped octets are always accepted,
     * whatever the map, so a peer still escaping everything (default map) and one already using
     * the negotiated map are both understood. Set it to the requested map as soon as the peer
     * acks it: from then on the peer may send unflagged control characters raw.
     */
    public int receiveAccm() {
        return receiveAccm;
    }

    public HdlcSettings receiveAccm(int accm) {
        this.receiveAccm = accm;
        return this;
    }

    public FcsMode sendFcs() {
        return sendFcs;
    }

    public HdlcSettings sendFcs(FcsMode mode) {
        this.sendFcs = mode;
        return this;
    }

    public FcsMode receiveFcs() {
        return receiveFcs;
    }

    public HdlcSettings receiveFcs(FcsMode mode) {
        this.receiveFcs = mode;
        return this;
    }

    /**
     * The largest Information field accepted. RFC 1661 §6.1 recommends still accepting 1500
     * octets after a smaller MRU was negotiated, so LCP should set {@code max(1500, MRU)}.
     */
    public int receiveMru() {
        return receiveMru;
    }

    public HdlcSettings receiveMru(int mru) {
        if (mru < 0 || mru > 0xFFFF) {
            throw new IllegalArgumentException("MRU out of range: " + mru);
        }
        this.receiveMru = mru;
        return this;
    }

    @Override
    public String toString() {
        return String.format("send accm 0x%08x %s, receive accm 0x%08x %s mru %d",
                sendAccm, sendFcs, receiveAccm, receiveFcs, receiveMru);
    }
}
