package org.jppp.protocol.wire;

import static org.jppp.protocol.wire.Golden.assertEmits;
import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw option TLV and option lists (RFC 1661 §6). */
class ConfigOptionTest {
    private static final byte[] TWO_OPTIONS = {
        0x01,                     // type = MRU
        0x04,                     // length = 4
        0x05, (byte) 0xD4,        // MRU = 1492
        0x07,                     // type = PFC
        0x02,                     // length = 2, no value
    };

    @Test
    void parsesAList() throws Exception {
        List<ConfigOption> list = ConfigOption.parseList(ByteBuffer.wrap(TWO_OPTIONS), "LCP");
        assertEquals(List.of(new ConfigOption(1, new byte[] {0x05, (byte) 0xD4}), new ConfigOption(7, new byte[0])), list);
    }

    @Test
    void emitsAList() {
        byte[] out = ConfigOption.emitList(List.of(new ConfigOption(1, new byte[] {0x05, (byte) 0xD4}),
                new ConfigOption(7, new byte[0])));
        assertArrayEquals(TWO_OPTIONS, out);
    }

    @Test
    void emitsOneOptionIntoPrefilledBuffer() {
        ConfigOption mru = new ConfigOption(1, new byte[] {0x05, (byte) 0xD4});
        assertEquals(4, mru.encodedLength());
        assertEmits(new byte[] {0x01, 0x04, 0x05, (byte) 0xD4}, mru::emit);
    }

    @Test
    void emptyListIsEmpty() throws Exception {
        assertEquals(List.of(), ConfigOption.parseList(ByteBuffer.allocate(0), "LCP"));
        assertEquals(0, ConfigOption.emitList(List.of()).length);
    }

    @Test
    void lengthBelowTwoIsMalformed() {
        assertMalformed("LCP option type 1: length 1 (expected at least 2)",
                () -> ConfigOption.parseList(ByteBuffer.wrap(new byte[] {0x01, 0x01}), "LCP"));
    }

    @Test
    void lengthPastTheEndIsMalformed() {
        assertMalformed("IPCP option type 3: length 6 exceeds the 4 octets left",
                () -> ConfigOption.parseList(ByteBuffer.wrap(new byte[] {0x03, 0x06, 10, 0}), "IPCP"));
    }

    @Test
    void loneTrailingOctetIsMalformed() {
        assertMalformed("LCP option at offset 2: 1 octet left (expected type and length)",
                () -> ConfigOption.parseList(ByteBuffer.wrap(new byte[] {0x07, 0x02, 0x08}), "LCP"));
    }

    @Test
    void valueIsCopiedAndComparedByContent() {
        byte[] v = {1, 2};
        ConfigOption o = new ConfigOption(9, v);
        v[0] = 99;
        assertArrayEquals(new byte[] {1, 2}, o.value());
        assertEquals(new ConfigOption(9, new byte[] {1, 2}), o);
        assertEquals(new ConfigOption(9, new byte[] {1, 2}).hashCode(), o.hashCode());
        assertNotEquals(new ConfigOption(9, new byte[] {1, 3}), o);
        assertEquals(2, o.valueBuffer().remaining());
    }

    @Test
    void constructorRejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigOption(256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new ConfigOption(1, new byte[254]));
    }
}
