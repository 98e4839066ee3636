package org.jppp.protocol.framing;

/**
 * The 16-bit Frame Check Sequence of RFC 1662 §C.2 (CRC-CCITT, reflected polynomial 0x8408),
 * computed with one table lookup per octet.
 *
 * <p>The sender starts from {@link #INITIAL}, runs every octet through {@link #update}, and
 * transmits the ones' complement least significant octet first. The receiver runs the frame
 * including the FCS through {@link #update} and accepts it if the result is {@link #GOOD}.
 */
public final class Fcs16 {
    public static final int INITIAL = 0xFFFF;
    /** The residue of a frame whose FCS is correct. */
    public static final int GOOD = 0xF0B8;
    private static final int[] TABLE = ReflectedCrc.table(0x8408);

    private Fcs16() {
    }

    public static int update(int fcs, byte[] data, int offset, int length) {
        return ReflectedCrc.update(TABLE, fcs, data, offset, length);
    }

    /** The FCS to transmit for {@code data}: the complemented CRC (check value 0x906E for "123456789"). */
    public static int compute(byte[] data, int offset, int length) {
        return ~update(INITIAL, data, offset, length) & 0xFFFF;
    }

    public static int compute(byte[] data) {
        return compute(data, 0, data.length);
    }
}
