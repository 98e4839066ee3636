package org.jppp.protocol.framing;

/**
 * The 32-bit Frame Check Sequence of RFC 1662 §C.3 (reflected polynomial 0xEDB88320, the
 * Ethernet CRC), computed with one table lookup per octet. Used when LCP negotiates it with the
 * FCS-Alternatives option (RFC 1570) or by prior agreement (RFC 1662 §3.1).
 *
 * <p>Same convention as {@link Fcs16}: start from {@link #INITIAL}, transmit the ones'
 * complement least significant octet first, accept a frame whose residue is {@link #GOOD}.
 */
public final class Fcs32 {
    public static final int INITIAL = 0xFFFFFFFF;
    /** The residue of a frame whose FCS is correct. */
    public static final int GOOD = 0xDEBB20E3;
    private static final int[] TABLE = ReflectedCrc.table(0xEDB88320);

    private Fcs32() {
    }

    public static int update(int fcs, byte[] data, int offset, int length) {
        return ReflectedCrc.update(TABLE, fcs, data, offset, length);
    }

    /** The FCS to transmit for {@code data}: the complemented CRC (check value 0xCBF43926 for "123456789"). */
    public static int compute(byte[] data, int offset, int length) {
        return ~update(INITIAL, data, offset, length);
    }

    public static int compute(byte[] data) {
        return compute(data, 0, data.length);
    }
}
