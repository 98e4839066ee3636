package org.jppp.protocol.framing;

/**
 * The table-driven, least-significant-bit-first CRC that both FCS widths of RFC 1662 appendix C
 * use: HDLC sends each octet low bit first, so the polynomial is applied bit-reversed.
 */
final class ReflectedCrc {
    private ReflectedCrc() {
    }

    /** The 256-entry table for a bit-reversed polynomial. */
    static int[] table(int reversedPolynomial) {
        int[] t = new int[256];
        for (int b = 0; b < 256; b++) {
            int v = b;
            for (int i = 0; i < 8; i++) {
                v = (v & 1) != 0 ? (v >>> 1) ^ reversedPolynomial : v >>> 1;
            }
            t[b] = v;
        }
        return t;
    }

    static int update(int[] table, int crc, byte[] data, int offset, int length) {
        int c = crc;
        for (int i = offset; i < offset + length; i++) {
            c = (c >>> 8) ^ table[(c ^ data[i]) & 0xFF];
        }
        return c;
    }
}
