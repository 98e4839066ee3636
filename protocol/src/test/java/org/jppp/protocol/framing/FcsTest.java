package org.jppp.protocol.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 1662 appendix C: the two FCS widths, their check values and good residues. */
class FcsTest {
    private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void fcs16_checkValue() {
        assertEquals(0x906E, Fcs16.compute(CHECK_INPUT));
    }

    @Test
    void fcs32_checkValue() {
        assertEquals(0xCBF43926, Fcs32.compute(CHECK_INPUT));
    }

    @Test
    void fcs16_frameWithItsFcs_leavesGoodResidue() {
        byte[] frame = withFcs(CHECK_INPUT, Fcs16.compute(CHECK_INPUT), 2);
        assertEquals(0xF0B8, Fcs16.update(Fcs16.INITIAL, frame, 0, frame.length));
        assertTrue(FcsMode.FCS_16.check(frame, 0, frame.length));
    }

    @Test
    void fcs32_frameWithItsFcs_leavesGoodResidue() {
        byte[] frame = withFcs(CHECK_INPUT, Fcs32.compute(CHECK_INPUT), 4);
        assertEquals(0xDEBB20E3, Fcs32.update(Fcs32.INITIAL, frame, 0, frame.length));
        assertTrue(FcsMode.FCS_32.check(frame, 0, frame.length));
    }

    @Test
    void oneFlippedBit_failsTheCheck_inBothWidths() {
        for (FcsMode mode : FcsMode.values()) {
            byte[] frame = withFcs(CHECK_INPUT, mode.compute(CHECK_INPUT, 0, CHECK_INPUT.length), mode.octets());
            frame[3] ^= 0x10;
            assertFalse(mode.check(frame, 0, frame.length), mode.name());
        }
    }

    @Test
    void incrementalUpdate_equalsOneShot() {
        int split = Fcs16.update(Fcs16.update(Fcs16.INITIAL, CHECK_INPUT, 0, 4), CHECK_INPUT, 4, 5);
        assertEquals(Fcs16.update(Fcs16.INITIAL, CHECK_INPUT, 0, 9), split);
    }

    /** The FCS is sent least significant octet first (RFC 1662 §C.2). */
    private static byte[] withFcs(byte[] data, int fcs, int octets) {
        byte[] frame = Arrays.copyOf(data, data.length + octets);
        for (int i = 0; i < octets; i++) {
            frame[data.length + i] = (byte) (fcs >>> (8 * i));
        }
        return frame;
    }
}
