package org.jppp.protocol.framing;

/**
 * The FCS width in use in one direction of an HDLC-framed link (RFC 1662 §3.1: 16 bits by
 * default, 32 bits by prior agreement or through LCP's FCS-Alternatives option, RFC 1570).
 */
public enum FcsMode {
    FCS_16(2, Fcs16.GOOD),
    FCS_32(4, Fcs32.GOOD);

    private final int octets;
    private final int good;

    FcsMode(int octets, int good) {
        this.octets = octets;
        this.good = good;
    }

    /** The octets the FCS occupies at the end of a frame. */
    public int octets() {
        return octets;
    }

    /** The FCS to transmit for the frame, to be sent least significant octet first. */
    public int compute(byte[] data, int offset, int length) {
        return this == FCS_16 ? Fcs16.compute(data, offset, length) : Fcs32.compute(data, offset, length);
    }

    /** Whether a frame that ends with its received FCS leaves the good residue (RFC 1662 §C.2, §C.3). */
    public boolean check(byte[] frameWithFcs, int offset, int length) {
        int residue = this == FCS_16
                ? Fcs16.update(Fcs16.INITIAL, frameWithFcs, offset, length)
                : Fcs32.update(Fcs32.INITIAL, frameWithFcs, offset, length);
        return residue == good;
    }
}
