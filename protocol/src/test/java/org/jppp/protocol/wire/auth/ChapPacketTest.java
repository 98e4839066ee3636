package org.jppp.protocol.wire.auth;

import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.assertPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.ChapPacket.Challenge;
import org.jppp.protocol.wire.auth.ChapPacket.Failure;
import org.jppp.protocol.wire.auth.ChapPacket.Response;
import org.jppp.protocol.wire.auth.ChapPacket.Success;
import org.jppp.protocol.wire.auth.ChapPacket.UnknownCode;
import org.junit.jupiter.api.Test;

/** CHAP packets against golden bytes (RFC 1994 §4). */
class ChapPacketTest {

    @Test
    void challenge() throws Exception {
        byte[] golden = {
            0x01,                 // code = Challenge
            0x2A,                 // identifier = 42
            0x00, 0x0B,           // length = 11
            0x04,                 // Value-Size = 4
            0x01, 0x02, 0x03, (byte) 0xFF, // Value
            's', 'v',             // Name = "sv"
        };
        Challenge c = new Challenge(42, Octets.ofUnsigned(1, 2, 3, 0xFF), Octets.utf8("sv"));
        assertPacket(golden, ChapPacket::parse, c);
        assertEquals("[CHAP Challenge id=0x2a <010203ff>, name = \"sv\"]", c.trace());
    }

    @Test
    void responseWithEmptyName() throws Exception {
        byte[] golden = {
            0x02,                 // code = Response
            0x2A,                 // identifier = 42
            0x00, 0x07,           // length = 7
            0x02,                 // Value-Size = 2
            (byte) 0xAB, (byte) 0xCD, // Value
        };
        Response r = new Response(42, Octets.ofUnsigned(0xAB, 0xCD), Octets.EMPTY);
        assertPacket(golden, ChapPacket::parse, r);
        assertEquals("[CHAP Response id=0x2a <abcd>, name = \"\"]", r.trace());
    }

    @Test
    void success() throws Exception {
        byte[] golden = {
            0x03,                 // code = Success
            0x2A,                 // identifier = 42
            0x00, 0x0C,           // length = 12
            'W', 'e', 'l', 'c', 'o', 'm', 'e', '!', // Message
        };
        Success s = new Success(42, Octets.utf8("Welcome!"));
        assertPacket(golden, ChapPacket::parse, s);
        assertEquals("[CHAP Success id=0x2a \"Welcome!\"]", s.trace());
    }

    @Test
    void failure() throws Exception {
        byte[] golden = {
            0x04,                 // code = Failure
            0x2A,                 // identifier = 42
            0x00, 0x04,           // length = 4, no message
        };
        Failure f = new Failure(42, Octets.EMPTY);
        assertPacket(golden, ChapPacket::parse, f);
        assertEquals("[CHAP Failure id=0x2a \"\"]", f.trace());
    }

    @Test
    void unknownCodeIsKept() throws Exception {
        byte[] golden = {
            0x05,                 // code = 5, not CHAP
            0x01,                 // identifier = 1
            0x00, 0x04,           // length = 4
        };
        assertPacket(golden, ChapPacket::parse, new UnknownCode(5, 1, Octets.EMPTY));
    }

    @Test
    void malformed() {
        assertMalformed("CHAP Challenge: Value length missing",
                () -> ChapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x04})));
        assertMalformed("CHAP Response: Value length 16 exceeds the 2 octets left",
                () -> ChapPacket.parse(ByteBuffer.wrap(new byte[] {0x02, 0x01, 0x00, 0x07, 0x10, 1, 2})));
        assertMalformed("CHAP Challenge: Value-Size 0 (expected at least 1)",
                () -> ChapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x05, 0x00})));
        assertMalformed("CHAP packet: length 2 (expected at least 4)",
                () -> ChapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x02})));
    }
}
