package org.jppp.protocol.wire.control;

import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.assertPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.control.LcpPacket.DiscardRequest;
import org.jppp.protocol.wire.control.LcpPacket.EchoReply;
import org.jppp.protocol.wire.control.LcpPacket.EchoRequest;
import org.jppp.protocol.wire.control.LcpPacket.Identification;
import org.jppp.protocol.wire.control.LcpPacket.ProtocolReject;
import org.jppp.protocol.wire.control.LcpPacket.TimeRemaining;
import org.jppp.protocol.wire.control.NcpPacket.CodeReject;
import org.jppp.protocol.wire.control.NcpPacket.ConfigureAck;
import org.jppp.protocol.wire.control.NcpPacket.ConfigureNak;
import org.jppp.protocol.wire.control.NcpPacket.ConfigureReject;
import org.jppp.protocol.wire.control.NcpPacket.ConfigureRequest;
import org.jppp.protocol.wire.control.NcpPacket.TerminateAck;
import org.jppp.protocol.wire.control.NcpPacket.TerminateRequest;
import org.jppp.protocol.wire.control.NcpPacket.UnknownCode;
import org.jppp.protocol.wire.lcp.LcpOption;
import org.junit.jupiter.api.Test;

/** LCP packets against golden bytes (RFC 1661 §5, RFC 1570). */
class LcpPacketTest {
    private static final ConfigOption MRU_1500 = new LcpOption.Mru(1500).encode();
    private static final ConfigOption MAGIC = new LcpOption.MagicNumber(0x5E1F2A31).encode();

    private static final byte[] CONF_REQ = {
        0x01,                     // code = Configure-Request
        0x01,                     // identifier = 1
        0x00, 0x0E,               // length = 14
        0x01, 0x04,               // option MRU, length 4
        0x05, (byte) 0xDC,        //   MRU = 1500
        0x05, 0x06,               // option Magic-Number, length 6
        0x5E, 0x1F, 0x2A, 0x31,   //   magic = 0x5e1f2a31
    };

    @Test
    void configureRequest() throws Exception {
        assertPacket(CONF_REQ, LcpPacket::parse, new ConfigureRequest(1, List.of(MRU_1500, MAGIC)));
    }

    @Test
    void configureAck() throws Exception {
        byte[] golden = {
            0x02,                 // code = Configure-Ack
            0x01,                 // identifier = 1
            0x00, 0x08,           // length = 8
            0x01, 0x04,           // option MRU, length 4
            0x05, (byte) 0xDC,    //   MRU = 1500
        };
        assertPacket(golden, LcpPacket::parse, new ConfigureAck(1, List.of(MRU_1500)));
    }

    @Test
    void configureNak() throws Exception {
        byte[] golden = {
            0x03,                 // code = Configure-Nak
            0x07,                 // identifier = 7
            0x00, 0x08,           // length = 8
            0x01, 0x04,           // option MRU, length 4
            0x05, (byte) 0xD4,    //   MRU = 1492, the value we would accept
        };
        assertPacket(golden, LcpPacket::parse, new ConfigureNak(7, List.of(new LcpOption.Mru(1492).encode())));
    }

    @Test
    void configureRejectEchoesUnknownOptionsRaw() throws Exception {
        byte[] golden = {
            0x04,                 // code = Configure-Reject
            0x03,                 // identifier = 3
            0x00, 0x07,           // length = 7
            0x0D, 0x03,           // option 13 (Callback), length 3
            0x06,                 //   operation = 6
        };
        assertPacket(golden, LcpPacket::parse, new ConfigureReject(3, List.of(new ConfigOption(13, new byte[] {6}))));
    }

    @Test
    void configureRequestWithNoOptions() throws Exception {
        byte[] golden = {
            0x01,                 // code = Configure-Request
            0x00,                 // identifier = 0
            0x00, 0x04,           // length = 4, no options
        };
        assertPacket(golden, LcpPacket::parse, new ConfigureRequest(0, List.of()));
    }

    @Test
    void terminateRequest() throws Exception {
        byte[] golden = {
            0x05,                 // code = Terminate-Request
            0x02,                 // identifier = 2
            0x00, 0x10,           // length = 16
            'U', 's', 'e', 'r', ' ', 'r', 'e', 'q', 'u', 'e', 's', 't', // data = "User request"
        };
        assertPacket(golden, LcpPacket::parse, new TerminateRequest(2, Octets.utf8("User request")));
    }

    @Test
    void terminateAck() throws Exception {
        byte[] golden = {
            0x06,                 // code = Terminate-Ack
            0x02,                 // identifier = 2
            0x00, 0x04,           // length = 4, no data
        };
        assertPacket(golden, LcpPacket::parse, new TerminateAck(2, Octets.EMPTY));
    }

    @Test
    void codeReject() throws Exception {
        byte[] golden = {
            0x07,                 // code = Code-Reject
            0x04,                 // identifier = 4
            0x00, 0x08,           // length = 8
            0x2A, 0x09, 0x00, 0x04, // rejected packet: code 0x2a, id 9, length 4
        };
        CodeReject expected = new CodeReject(4, Octets.ofUnsigned(0x2A, 9, 0, 4));
        assertPacket(golden, LcpPacket::parse, expected);
        assertEquals(Optional.of(new ControlCode(0x2A)), expected.rejectedCode());
        assertEquals(Optional.empty(), new CodeReject(4, Octets.EMPTY).rejectedCode());
    }

    @Test
    void protocolReject() throws Exception {
        byte[] golden = {
            0x08,                 // code = Protocol-Reject
            0x05,                 // identifier = 5
            0x00, 0x09,           // length = 9
            (byte) 0x80, 0x57,    // rejected protocol = IPV6CP
            0x01, 0x01, 0x00,     // rejected information (truncated copy)
        };
        assertPacket(golden, LcpPacket::parse,
                new ProtocolReject(5, PppProtocol.IPV6CP, Octets.ofUnsigned(1, 1, 0)));
    }

    @Test
    void echoRequest() throws Exception {
        byte[] golden = {
            0x09,                 // code = Echo-Request
            0x00,                 // identifier = 0
            0x00, 0x08,           // length = 8
            0x5E, 0x1F, 0x2A, 0x31, // magic = 0x5e1f2a31
        };
        assertPacket(golden, LcpPacket::parse, new EchoRequest(0, 0x5E1F2A31, Octets.EMPTY));
    }

    @Test
    void echoReplyWithData() throws Exception {
        byte[] golden = {
            0x0A,                 // code = Echo-Reply
            0x00,                 // identifier = 0
            0x00, 0x0A,           // length = 10
            (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, // magic = 0xdeadbeef
            0x12, 0x34,           // data echoed back
        };
        assertPacket(golden, LcpPacket::parse, new EchoReply(0, 0xDEADBEEF, Octets.ofUnsigned(0x12, 0x34)));
    }

    @Test
    void discardRequest() throws Exception {
        byte[] golden = {
            0x0B,                 // code = Discard-Request
            0x06,                 // identifier = 6
            0x00, 0x09,           // length = 9
            0x00, 0x00, 0x00, 0x00, // magic = 0 (not negotiated)
            0x7F,                 // data
        };
        assertPacket(golden, LcpPacket::parse, new DiscardRequest(6, 0, Octets.ofUnsigned(0x7F)));
    }

    @Test
    void identification() throws Exception {
        byte[] golden = {
            0x0C,                 // code = Identification
            0x01,                 // identifier = 1
            0x00, 0x0C,           // length = 12
            0x01, 0x02, 0x03, 0x04, // magic = 0x01020304
            'j', 'p', 'p', 'p',   // message = "jppp"
        };
        assertPacket(golden, LcpPacket::parse, new Identification(1, 0x01020304, Octets.utf8("jppp")));
    }

    @Test
    void timeRemaining() throws Exception {
        byte[] golden = {
            0x0D,                 // code = Time-Remaining
            0x02,                 // identifier = 2
            0x00, 0x0E,           // length = 14
            0x01, 0x02, 0x03, 0x04, // magic = 0x01020304
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, // seconds = 4294967295, no limit
            'o', 'k',             // message
        };
        assertPacket(golden, LcpPacket::parse, new TimeRemaining(2, 0x01020304, 0xFFFFFFFFL, Octets.utf8("ok")));
    }

    @Test
    void unknownCodeIsKept() throws Exception {
        byte[] golden = {
            0x0E,                 // code = 14, not defined for LCP
            0x09,                 // identifier = 9
            0x00, 0x05,           // length = 5
            0x42,                 // data
        };
        assertPacket(golden, LcpPacket::parse, new UnknownCode(new ControlCode(14), 9, Octets.ofUnsigned(0x42)));
    }

    @Test
    void malformedPacketsGiveExactMessages() {
        assertMalformed("LCP packet: 2 octets (expected at least 4)",
                () -> LcpPacket.parse(ByteBuffer.wrap(new byte[] {0x09, 0x00})));
        assertMalformed("LCP packet: length 12 exceeds the 8 octets received",
                () -> LcpPacket.parse(ByteBuffer.wrap(new byte[] {0x09, 0x00, 0x00, 0x0C, 1, 2, 3, 4})));
        assertMalformed("LCP Echo-Request: length 7 (expected at least 8)",
                () -> LcpPacket.parse(ByteBuffer.wrap(new byte[] {0x09, 0x00, 0x00, 0x07, 1, 2, 3})));
        assertMalformed("LCP Echo-Reply: length 4 (expected at least 8)",
                () -> LcpPacket.parse(ByteBuffer.wrap(new byte[] {0x0A, 0x00, 0x00, 0x04})));
        assertMalformed("LCP Discard-Request: length 6 (expected at least 8)",
                () -> LcpPacket.parse(ByteBuffer.wrap(new byte[] {0x0B, 0x00, 0x00, 0x06, 1, 2})));
        assertMalformed("LCP Identification: length 5 (expected at least 8)",
                () -> LcpPacket.parse(ByteBuffer.wrap(new byte[] {0x0C, 0x00, 0x00, 0x05, 1})));
        assertMalformed("LCP Time-Remaining: length 8 (expected at least 12)",
                () -> LcpPacket.parse(ByteBuffer.wrap(new byte[] {0x0D, 0x00, 0x00, 0x08, 1, 2, 3, 4})));
        assertMalformed("LCP Protocol-Reject: length 5 (expected at least 6)",
                () -> LcpPacket.parse(ByteBuffer.wrap(new byte[] {0x08, 0x00, 0x00, 0x05, (byte) 0x80})));
    }

    @Test
    void badOptionLengthInConfigureIsMalformed() {
        byte[] golden = {
            0x01,                 // code = Configure-Request
            0x01,                 // identifier = 1
            0x00, 0x08,           // length = 8
            0x01, 0x05,           // option MRU, length 5: runs past the packet
            0x05, (byte) 0xDC,    //   MRU
        };
        assertMalformed("LCP option type 1: length 5 exceeds the 4 octets left",
                () -> LcpPacket.parse(ByteBuffer.wrap(golden)));
    }

    @Test
    void lengthExcludesTrailingOptionsOutsideIt() throws Exception {
        byte[] golden = {
            0x01,                 // code = Configure-Request
            0x01,                 // identifier = 1
            0x00, 0x08,           // length = 8: only the MRU option
            0x01, 0x04,           // option MRU, length 4
            0x05, (byte) 0xDC,    //   MRU = 1500
            0x07, 0x02,           // padding that happens to look like PFC: ignored
        };
        assertEquals(new ConfigureRequest(1, List.of(MRU_1500)), LcpPacket.parse(ByteBuffer.wrap(golden)));
    }

    @Test
    void recordsCheckIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigureRequest(256, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new EchoRequest(-1, 0, Octets.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new TimeRemaining(1, 0, -1, Octets.EMPTY));
    }
}
