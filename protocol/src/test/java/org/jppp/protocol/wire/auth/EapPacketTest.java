package org.jppp.protocol.wire.auth;

import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.assertPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.auth.EapPacket.Failure;
import org.jppp.protocol.wire.auth.EapPacket.Request;
import org.jppp.protocol.wire.auth.EapPacket.Response;
import org.jppp.protocol.wire.auth.EapPacket.Success;
import org.jppp.protocol.wire.auth.EapPacket.UnknownCode;
import org.jppp.protocol.wire.auth.EapTypeData.Identity;
import org.jppp.protocol.wire.auth.EapTypeData.Md5Challenge;
import org.jppp.protocol.wire.auth.EapTypeData.Nak;
import org.jppp.protocol.wire.auth.EapTypeData.Notification;
import org.jppp.protocol.wire.auth.EapTypeData.Other;
import org.junit.jupiter.api.Test;

/** EAP packets against golden bytes (RFC 3748 §4, §5). */
class EapPacketTest {

    @Test
    void identityRequest() throws Exception {
        byte[] golden = {
            0x01,                 // code = Request
            0x01,                 // identifier = 1
            0x00, 0x05,           // length = 5
            0x01,                 // type = Identity, no prompt
        };
        Request r = new Request(1, new Identity(Octets.EMPTY));
        assertPacket(golden, EapPacket::parse, r);
        assertEquals("[EAP Request id=0x1 Identity <No message>]", r.trace());
    }

    @Test
    void identityResponse() throws Exception {
        byte[] golden = {
            0x02,                 // code = Response
            0x01,                 // identifier = 1
            0x00, 0x08,           // length = 8
            0x01,                 // type = Identity
            'b', 'o', 'b',        // identity = "bob"
        };
        Response r = new Response(1, new Identity(Octets.utf8("bob")));
        assertPacket(golden, EapPacket::parse, r);
        assertEquals("[EAP Response id=0x1 Identity <Name \"bob\">]", r.trace());
    }

    @Test
    void notificationRequest() throws Exception {
        byte[] golden = {
            0x01,                 // code = Request
            0x02,                 // identifier = 2
            0x00, 0x07,           // length = 7
            0x02,                 // type = Notification
            'h', 'i',             // message = "hi"
        };
        Request r = new Request(2, new Notification(Octets.utf8("hi")));
        assertPacket(golden, EapPacket::parse, r);
        assertEquals("[EAP Request id=0x2 Notification <Message \"hi\">]", r.trace());
    }

    @Test
    void nakResponse() throws Exception {
        byte[] golden = {
            0x02,                 // code = Response
            0x03,                 // identifier = 3
            0x00, 0x07,           // length = 7
            0x03,                 // type = Nak
            0x04,                 // desired type = MD5-Challenge
            0x0D,                 // desired type = TLS
        };
        Response r = new Response(3, new Nak(List.of(4, 13)));
        assertPacket(golden, EapPacket::parse, r);
        assertEquals("[EAP Response id=0x3 Nak <Suggested-type 04 (MD5-Challenge)> 0d]", r.trace());
    }

    @Test
    void md5ChallengeRequest() throws Exception {
        byte[] golden = {
            0x01,                 // code = Request
            0x04,                 // identifier = 4
            0x00, 0x0C,           // length = 12
            0x04,                 // type = MD5-Challenge
            0x04,                 // Value-Size = 4
            0x0A, 0x0B, 0x0C, 0x0D, // Value
            's', 'v',             // Name = "sv"
        };
        Request r = new Request(4, new Md5Challenge(Octets.ofUnsigned(10, 11, 12, 13), Octets.utf8("sv")));
        assertPacket(golden, EapPacket::parse, r);
        assertEquals("[EAP Request id=0x4 MD5-Challenge <Value 0a 0b 0c 0d> <Name \"sv\">]", r.trace());
    }

    @Test
    void md5ChallengeResponseWithoutName() throws Exception {
        byte[] golden = {
            0x02,                 // code = Response
            0x04,                 // identifier = 4
            0x00, 0x08,           // length = 8
            0x04,                 // type = MD5-Challenge
            0x02,                 // Value-Size = 2
            0x01, 0x02,           // Value
        };
        Response r = new Response(4, new Md5Challenge(Octets.ofUnsigned(1, 2), Octets.EMPTY));
        assertPacket(golden, EapPacket::parse, r);
        assertEquals("[EAP Response id=0x4 MD5-Challenge <Value 01 02> <No name>]", r.trace());
    }

    @Test
    void otherTypeIsKeptRaw() throws Exception {
        byte[] golden = {
            0x01,                 // code = Request
            0x05,                 // identifier = 5
            0x00, 0x0F,           // length = 15
            0x0D,                 // type = TLS
            0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, // TLS flags and data
        };
        Request r = new Request(5, new Other(13, Octets.ofUnsigned(0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertPacket(golden, EapPacket::parse, r);
        assertEquals("[EAP Request id=0x5 TLS 20 00 00 00 00 00 00 00...]", r.trace());
    }

    @Test
    void successAndFailure() throws Exception {
        byte[] success = {
            0x03,                 // code = Success
            0x06,                 // identifier = 6
            0x00, 0x04,           // length = 4
        };
        byte[] failure = {
            0x04,                 // code = Failure
            0x06,                 // identifier = 6
            0x00, 0x04,           // length = 4
        };
        assertPacket(success, EapPacket::parse, new Success(6));
        assertPacket(failure, EapPacket::parse, new Failure(6));
        assertEquals("[EAP Success id=0x6]", new Success(6).trace());
        assertEquals("[EAP Failure id=0x6]", new Failure(6).trace());
    }

    @Test
    void unknownCodeIsKept() throws Exception {
        byte[] golden = {
            0x05,                 // code = 5 (Initiate, RFC 6696): not decoded by jppp
            0x01,                 // identifier = 1
            0x00, 0x05,           // length = 5
            0x01,                 // data
        };
        assertPacket(golden, EapPacket::parse, new UnknownCode(5, 1, Octets.ofUnsigned(1)));
    }

    @Test
    void malformed() {
        assertMalformed("EAP Request: length 4 (expected at least 5)",
                () -> EapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x04})));
        assertMalformed("EAP Nak: no desired type",
                () -> EapPacket.parse(ByteBuffer.wrap(new byte[] {0x02, 0x01, 0x00, 0x05, 0x03})));
        assertMalformed("EAP MD5-Challenge: Value length missing",
                () -> EapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x05, 0x04})));
        assertMalformed("EAP MD5-Challenge: Value length 16 exceeds the 1 octets left",
                () -> EapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x07, 0x04, 0x10, 0x00})));
        assertMalformed("EAP packet: length 9 exceeds the 5 octets received",
                () -> EapPacket.parse(ByteBuffer.wrap(new byte[] {0x01, 0x01, 0x00, 0x09, 0x01})));
    }

    @Test
    void nakNeedsADesiredType() {
        assertThrows(IllegalArgumentException.class, () -> new Nak(List.of()));
    }
}
