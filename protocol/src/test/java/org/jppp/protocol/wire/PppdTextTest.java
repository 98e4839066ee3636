package org.jppp.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The pieces of pppd's trace format. */
class PppdTextTest {

    @Test
    void hexHasNoLeadingZerosAndIsUnsigned() {
        assertEquals("0x0", PppdText.hex(0));
        assertEquals("0x5e1f2a31", PppdText.hex(0x5E1F2A31));
        assertEquals("0xffffffff", PppdText.hex(-1));
    }

    @Test
    void spacedHexPrefixesEveryOctet() {
        assertEquals(" 0f 01 ff", PppdText.spacedHex(Octets.ofUnsigned(0x0F, 0x01, 0xFF)));
        assertEquals("", PppdText.spacedHex(Octets.EMPTY));
    }

    @Test
    void quotedEscapesLikePrintString() {
        assertEquals("\"User request\"", PppdText.quoted(Octets.utf8("User request")));
        assertEquals("\"a\\\"b\\\\c\"", PppdText.quoted(Octets.utf8("a\"b\\c")));
        assertEquals("\"\\n\\r\\t\\000\\377\"", PppdText.quoted(Octets.ofUnsigned('\n', '\r', '\t', 0, 0xFF)));
    }

    @Test
    void rawOptionIncludesTypeAndLength() {
        assertEquals("< 0d 03 06>", PppdText.rawOption(new ConfigOption(13, new byte[] {6})));
        assertEquals("< 07 02>", PppdText.rawOption(new ConfigOption(7, new byte[0])));
    }

    @Test
    void codeAndId() {
        assertEquals(" AuthReq id=0x1", PppdText.codeAndId("AuthReq", 1, 1));
        assertEquals(" code=0x9 id=0xff", PppdText.codeAndId(null, 9, 255));
    }
}
