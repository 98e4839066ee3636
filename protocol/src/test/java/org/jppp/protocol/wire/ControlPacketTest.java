package org.jppp.protocol.wire;

import static org.jppp.protocol.wire.Golden.assertEmits;
import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The Code/Identifier/Length/Data packet shared by LCP and the NCPs (RFC 1661 §5). */
class ControlPacketTest {
    private static final byte[] TERM_REQ = {
        0x05,                     // code = Terminate-Request
        0x02,                     // identifier = 2
        0x00, 0x06,               // length = 6
        'h', 'i',                 // data
    };

    @Test
    void parses() throws Exception {
        ControlPacket p = ControlPacket.parse(ByteBuffer.wrap(TERM_REQ), "LCP");
        assertEquals(ControlCode.TERMINATE_REQUEST, p.code());
        assertEquals(2, p.identifier());
        assertArrayEquals(new byte[] {'h', 'i'}, p.data());
    }

    @Test
    void octetsPastLengthArePaddingAndConsumed() throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(concat(TERM_REQ, new byte[] {0x00, 0x00, 0x00}));
        ControlPacket p = ControlPacket.parse(buf, "LCP");
        assertArrayEquals(new byte[] {'h', 'i'}, p.data());
        assertEquals(0, buf.remaining());
    }

    @Test
    void emitsAndRoundTrips() throws Exception {
        ControlPacket p = new ControlPacket(ControlCode.TERMINATE_REQUEST, 2, new byte[] {'h', 'i'});
        assertArrayEquals(TERM_REQ, p.toBytes());
        assertEquals(6, p.encodedLength());
        assertEmits(TERM_REQ, p::emit);
        assertEquals(p, ControlPacket.parse(ByteBuffer.wrap(p.toBytes()), "LCP"));
    }

    @Test
    void parsesFromTheBufferPosition() throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(concat(new byte[] {(byte) 0xC0, 0x21}, TERM_REQ));
        buf.position(2);
        assertEquals(2, ControlPacket.parse(buf, "LCP").identifier());
    }

    @Test
    void shortHeaderIsMalformed() {
        assertMalformed("LCP packet: 3 octets (expected at least 4)",
                () -> ControlPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00}), "LCP"));
    }

    @Test
    void lengthBelowHeaderIsMalformed() {
        assertMalformed("IPCP packet: length 3 (expected at least 4)",
                () -> ControlPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x03}), "IPCP"));
    }

    @Test
    void lengthBeyondBufferIsMalformed() {
        assertMalformed("LCP packet: length 8 exceeds the 6 octets received",
                () -> ControlPacket.parse(ByteBuffer.wrap(new byte[] {0x05, 0x01, 0x00, 0x08, 'h', 'i'}), "LCP"));
    }

    @Test
    void unknownCodeIsRepresentable() throws Exception {
        ControlPacket p = ControlPacket.parse(ByteBuffer.wrap(new byte[] {0x2A, 0x01, 0x00, 0x04}), "LCP");
        assertEquals(new ControlCode(0x2A), p.code());
        assertEquals("code=0x2a", p.code().shortName());
    }

    @Test
    void constructorRejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new ControlPacket(ControlCode.ECHO_REQUEST, 256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new ControlCode(-1));
    }
}
