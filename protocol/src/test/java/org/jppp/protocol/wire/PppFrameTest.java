package org.jppp.protocol.wire;

import static org.jppp.protocol.wire.Golden.assertEmits;
import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The PPP encapsulation (RFC 1661 §2) with RFC 1662 §3 Address/Control and PFC/ACFC (RFC 1661 §6.5-6.6). */
class PppFrameTest {
    private static final PppFrame IP = new PppFrame(PppProtocol.IPV4, Octets.ofUnsigned(0x45, 0x00));
    private static final PppFrame LCP = new PppFrame(PppProtocol.LCP, Octets.ofUnsigned(0x09, 0x01, 0x00, 0x04));

    private static final byte[] IP_UNCOMPRESSED = {
        (byte) 0xFF,              // address = all-stations
        0x03,                     // control = UI
        0x00, 0x21,               // protocol = IPv4
        0x45, 0x00,               // information
    };

    private static final byte[] IP_BOTH_COMPRESSED = {
        0x21,                     // protocol = IPv4, one octet (PFC), no address/control (ACFC)
        0x45, 0x00,               // information
    };

    private static final byte[] LCP_FRAME = {
        (byte) 0xFF,              // address = all-stations: never compressed for LCP
        0x03,                     // control = UI
        (byte) 0xC0, 0x21,        // protocol = LCP, two octets always
        0x09, 0x01, 0x00, 0x04,   // information: Echo-Request header
    };

    private static PppFrame parse(byte[] b) throws MalformedPacketException {
        return PppFrame.parse(ByteBuffer.wrap(b));
    }

    @Test
    void parsesUncompressed() throws Exception {
        assertEquals(IP, parse(IP_UNCOMPRESSED));
    }

    @Test
    void parsesBothCompressions() throws Exception {
        assertEquals(IP, parse(IP_BOTH_COMPRESSED));
    }

    @Test
    void parsesOnlyAddressControlCompressed() throws Exception {
        byte[] golden = {
            0x00, 0x21,           // protocol = IPv4, two octets, no address/control
            0x45, 0x00,           // information
        };
        assertEquals(IP, parse(golden));
    }

    @Test
    void parsesOnlyProtocolCompressed() throws Exception {
        byte[] golden = {
            (byte) 0xFF,          // address
            0x03,                 // control
            0x21,                 // protocol = IPv4, one octet
            0x45, 0x00,           // information
        };
        assertEquals(IP, parse(golden));
    }

    @Test
    void parsesLcp() throws Exception {
        assertEquals(LCP, parse(LCP_FRAME));
    }

    @Test
    void parseConsumesTheBuffer() throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(IP_UNCOMPRESSED);
        PppFrame.parse(buf);
        assertEquals(0, buf.remaining());
    }

    @Test
    void emitsEachCombination() {
        assertArrayEquals(IP_UNCOMPRESSED, IP.toBytes(false, false));
        assertArrayEquals(IP_BOTH_COMPRESSED, IP.toBytes(true, true));
        assertArrayEquals(new byte[] {0x00, 0x21, 0x45, 0x00}, IP.toBytes(true, false));
        assertArrayEquals(new byte[] {(byte) 0xFF, 0x03, 0x21, 0x45, 0x00}, IP.toBytes(false, true));
        assertEquals(3, IP.encodedLength(true, true));
    }

    @Test
    void lcpIsNeverCompressed() {
        assertArrayEquals(LCP_FRAME, LCP.toBytes(true, true));
        assertEquals(LCP_FRAME.length, LCP.encodedLength(true, true));
    }

    @Test
    void protocolsAbove0xFFAreNotCompressedByPfc() {
        PppFrame ipcp = new PppFrame(PppProtocol.IPCP, Octets.EMPTY);
        assertArrayEquals(new byte[] {(byte) 0x80, 0x21}, ipcp.toBytes(true, true));
    }

    @Test
    void emitsIntoPrefilledBuffer() {
        assertEmits(IP_UNCOMPRESSED, b -> IP.emit(b, false, false));
        assertEmits(IP_BOTH_COMPRESSED, b -> IP.emit(b, true, true));
    }

    @Test
    void emitsWithoutAddressControlForPppoe() {
        assertEmits(new byte[] {0x00, 0x21, 0x45, 0x00}, b -> IP.emitProtocolAndInformation(b, false));
        assertEmits(new byte[] {(byte) 0xC0, 0x21, 0x09, 0x01, 0x00, 0x04}, b -> LCP.emitProtocolAndInformation(b, true));
    }

    @Test
    void roundTrips() throws Exception {
        for (boolean acfc : new boolean[] {false, true}) {
            for (boolean pfc : new boolean[] {false, true}) {
                assertEquals(IP, parse(IP.toBytes(acfc, pfc)));
                assertEquals(LCP, parse(LCP.toBytes(acfc, pfc)));
            }
        }
    }

    @Test
    void emptyFrameIsMalformed() {
        assertMalformed("PPP frame: no protocol field", () -> parse(new byte[0]));
        assertMalformed("PPP frame: no protocol field", () -> parse(new byte[] {(byte) 0xFF, 0x03}));
    }

    @Test
    void truncatedProtocolIsMalformed() {
        assertMalformed("PPP frame: protocol field truncated after 0xc0", () -> parse(new byte[] {(byte) 0xC0}));
    }

    @Test
    void evenLowOctetIsMalformed() {
        assertMalformed("PPP frame: protocol 0xc020 is invalid (low octet must be odd)",
                () -> parse(new byte[] {(byte) 0xC0, 0x20, 0x01}));
    }
}
