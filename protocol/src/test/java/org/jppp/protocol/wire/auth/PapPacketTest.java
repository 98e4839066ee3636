package org.jppp.protocol.wire.auth;

import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.assertPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.PapPacket.AuthenticateAck;
import org.jppp.protocol.wire.auth.PapPacket.AuthenticateNak;
import org.jppp.protocol.wire.auth.PapPacket.AuthenticateRequest;
import org.jppp.protocol.wire.auth.PapPacket.UnknownCode;
import org.junit.jupiter.api.Test;

/** PAP packets against golden bytes (RFC 1334 §2.2). */
class PapPacketTest {
    private static final byte[] REQUEST = {
        0x01,                     // code = Authenticate-Request
        0x01,                     // identifier = 1
        0x00, 0x0E,               // length = 14
        0x03,                     // Peer-ID length = 3
        'b', 'o', 'b',            // Peer-ID = "bob"
        0x05,                     // Passwd-Length = 5
        's', '3', 'c', 'r', 't',  // Password = "s3crt"
    };

    private static final AuthenticateRequest BOB =
            new AuthenticateRequest(1, Octets.utf8("bob"), Octets.utf8("s3crt"));

    @Test
    void authenticateRequest() throws Exception {
        assertPacket(REQUEST, PapPacket::parse, BOB);
    }

    @Test
    void traceAndToStringHideThePassword() {
        assertEquals("[PAP AuthReq id=0x1 user=\"bob\" password=<hidden>]", BOB.trace());
        assertFalse(BOB.toString().contains("s3crt"));
        assertFalse(BOB.trace().contains("s3crt"));
    }

    @Test
    void authenticateAck() throws Exception {
        byte[] golden = {
            0x02,                 // code = Authenticate-Ack
            0x01,                 // identifier = 1
            0x00, 0x07,           // length = 7
            0x02,                 // Msg-Length = 2
            'o', 'k',             // Message = "ok"
        };
        AuthenticateAck ack = new AuthenticateAck(1, Octets.utf8("ok"));
        assertPacket(golden, PapPacket::parse, ack);
        assertEquals("[PAP AuthAck id=0x1 \"ok\"]", ack.trace());
    }

    @Test
    void authenticateNak() throws Exception {
        byte[] golden = {
            0x03,                 // code = Authenticate-Nak
            0x01,                 // identifier = 1
            0x00, 0x0A,           // length = 10
            0x05,                 // Msg-Length = 5
            'd', 'e', 'n', 'y', '!', // Message = "deny!"
        };
        AuthenticateNak nak = new AuthenticateNak(1, Octets.utf8("deny!"));
        assertPacket(golden, PapPacket::parse, nak);
        assertEquals("[PAP AuthNak id=0x1 \"deny!\"]", nak.trace());
    }

    @Test
    void bareAckWithoutMsgLengthIsAnEmptyMessage() throws Exception {
        byte[] golden = {
            0x02,                 // code = Authenticate-Ack
            0x04,                 // identifier = 4
            0x00, 0x04,           // length = 4: no Msg-Length at all
        };
        assertEquals(new AuthenticateAck(4, Octets.EMPTY), PapPacket.parse(ByteBuffer.wrap(golden)));
    }

    @Test
    void unknownCodeIsKept() throws Exception {
        byte[] golden = {
            0x07,                 // code = 7, not PAP
            0x01,                 // identifier = 1
            0x00, 0x05,           // length = 5
            0x09,                 // data
        };
        UnknownCode unknown = new UnknownCode(7, 1, Octets.ofUnsigned(9));
        assertPacket(golden, PapPacket::parse, unknown);
        assertEquals("[PAP code=0x7 id=0x1 09]", unknown.trace());
    }

    @Test
    void malformedRequests() {
        assertMalformed("PAP Authenticate-Request: Peer-ID length missing",
                () -> PapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x04})));
        assertMalformed("PAP Authenticate-Request: Peer-ID length 9 exceeds the 2 octets left",
                () -> PapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x07, 0x09, 'b', 'o'})));
        assertMalformed("PAP Authenticate-Request: Password length missing",
                () -> PapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x06, 0x01, 'b'})));
        assertMalformed("PAP Authenticate-Request: Password length 4 exceeds the 1 octets left",
                () -> PapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x08, 0x01, 'b', 0x04, 'x'})));
        assertMalformed("PAP Authenticate-Nak: Message length 3 exceeds the 0 octets left",
                () -> PapPacket.parse(ByteBuffer.wrap(new byte[] {0x03, 0x01, 0x00, 0x05, 0x03})));
        assertMalformed("PAP packet: length 20 exceeds the 14 octets received",
                () -> PapPacket.parse(ByteBuffer.wrap(withLength(REQUEST, 20))));
    }

    @Test
    void fieldsLongerThan255AreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new AuthenticateRequest(1, Octets.of(new byte[256]), Octets.EMPTY));
    }

    private static byte[] withLength(byte[] packet, int length) {
        byte[] b = packet.clone();
        b[2] = (byte) (length >> 8);
        b[3] = (byte) length;
        return b;
    }
}
