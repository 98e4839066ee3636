package org.jppp.protocol.wire.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppFrame;
import org.jppp.protocol.wire.PppProtocol;
import org.junit.jupiter.api.Test;

/** Whole-packet traces as pppd logs them. */
class PppTraceTest {

    private static String trace(byte[] frame) throws Exception {
        return PppTrace.of(PppFrame.parse(ByteBuffer.wrap(frame)));
    }

    @Test
    void lcpFrame() throws Exception {
        byte[] frame = {
            (byte) 0xFF, 0x03,    // address, control
            (byte) 0xC0, 0x21,    // protocol = LCP
            0x09,                 // code = Echo-Request
            0x00,                 // identifier = 0
            0x00, 0x08,           // length = 8
            0x5E, 0x1F, 0x2A, 0x31, // magic
        };
        assertEquals("[LCP EchoReq id=0x0 magic=0x5e1f2a31]", trace(frame));
    }

    @Test
    void paddingAfterLengthFollowsTheBracket() throws Exception {
        byte[] frame = {
            (byte) 0xC0, 0x21,    // protocol = LCP
            0x06,                 // code = Terminate-Ack
            0x02,                 // identifier = 2
            0x00, 0x04,           // length = 4
            0x00, 0x00,           // padding
        };
        assertEquals("[LCP TermAck id=0x2] 00 00", trace(frame));
    }

    @Test
    void papNeverShowsThePassword() throws Exception {
        byte[] frame = {
            (byte) 0xC0, 0x23,    // protocol = PAP
            0x01,                 // code = Authenticate-Request
            0x01,                 // identifier = 1
            0x00, 0x09,           // length = 9
            0x01, 'b',            // Peer-ID = "b"
            0x02, 'p', 'w',       // Password = "pw"
        };
        assertEquals("[PAP AuthReq id=0x1 user=\"b\" password=<hidden>]", trace(frame));
    }

    @Test
    void chapAndEap() throws Exception {
        byte[] chap = {
            (byte) 0xC2, 0x23,    // protocol = CHAP
            0x03,                 // code = Success
            0x01,                 // identifier = 1
            0x00, 0x04,           // length = 4
        };
        byte[] eap = {
            (byte) 0xC2, 0x27,    // protocol = EAP
            0x03,                 // code = Success
            0x01,                 // identifier = 1
            0x00, 0x04,           // length = 4
        };
        assertEquals("[CHAP Success id=0x1 \"\"]", trace(chap));
        assertEquals("[EAP Success id=0x1]", trace(eap));
    }

    @Test
    void ipcpFrame() throws Exception {
        byte[] frame = {
            (byte) 0x80, 0x21,    // protocol = IPCP
            0x02,                 // code = Configure-Ack
            0x01,                 // identifier = 1
            0x00, 0x0A,           // length = 10
            0x03, 0x06,           // option IP-Address
            0x0A, 0x00, 0x00, 0x01, //   10.0.0.1
        };
        assertEquals("[IPCP ConfAck id=0x1 <addr 10.0.0.1>]", trace(frame));
    }

    @Test
    void dataProtocolsAreDumped() {
        assertEquals("[IP] 45 00", PppTrace.of(PppProtocol.IPV4, Octets.ofUnsigned(0x45, 0)));
        assertEquals("[proto=0x2b] 01", PppTrace.of(new PppProtocol(0x2B), Octets.ofUnsigned(1)));
        assertEquals("[proto=0x8029] 01 01 00 04", PppTrace.of(new PppProtocol(0x8029), Octets.ofUnsigned(1, 1, 0, 4)));
    }

    @Test
    void badHeaderIsDumped() {
        assertEquals("[LCP] 09 00", PppTrace.of(PppProtocol.LCP, Octets.ofUnsigned(9, 0)));
    }

    @Test
    void malformedAuthFieldsAreDumpedWithoutDecoding() {
        assertEquals("[PAP code=0x1 id=0x1 05 61]",
                PppTrace.of(PppProtocol.PAP, Octets.ofUnsigned(1, 1, 0, 6, 5, 'a')));
    }
}
