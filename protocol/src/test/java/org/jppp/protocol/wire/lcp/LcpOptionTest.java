package org.jppp.protocol.wire.lcp;

import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.assertOption;
import static org.jppp.protocol.wire.Golden.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.auth.ChapAlgorithm;
import org.jppp.protocol.wire.lcp.LcpOption.Accm;
import org.jppp.protocol.wire.lcp.LcpOption.Acfc;
import org.jppp.protocol.wire.lcp.LcpOption.AuthProtocol;
import org.jppp.protocol.wire.lcp.LcpOption.EndpointDiscriminator;
import org.jppp.protocol.wire.lcp.LcpOption.MagicNumber;
import org.jppp.protocol.wire.lcp.LcpOption.Mrru;
import org.jppp.protocol.wire.lcp.LcpOption.Mru;
import org.jppp.protocol.wire.lcp.LcpOption.Pfc;
import org.jppp.protocol.wire.lcp.LcpOption.QualityProtocol;
import org.jppp.protocol.wire.lcp.LcpOption.ShortSequence;
import org.jppp.protocol.wire.lcp.LcpOption.Unknown;
import org.junit.jupiter.api.Test;

/** LCP options against golden bytes (RFC 1661 §6, RFC 1662 §7.1, RFC 1990 §5.1). */
class LcpOptionTest {

    @Test
    void mru() throws Exception {
        byte[] golden = {
            0x01,                 // type = Maximum-Receive-Unit
            0x04,                 // length = 4
            0x05, (byte) 0xDC,    // MRU = 1500
        };
        assertOption(golden, LcpOption.DECODER, new Mru(1500), "<mru 1500>");
    }

    @Test
    void accm() throws Exception {
        byte[] golden = {
            0x02,                 // type = Async-Control-Character-Map
            0x06,                 // length = 6
            0x00, 0x00, 0x00, 0x00, // map = 0: escape nothing
        };
        assertOption(golden, LcpOption.DECODER, new Accm(0), "<asyncmap 0x0>");
    }

    @Test
    void accmHighBitsPrintUnsigned() throws Exception {
        byte[] golden = {
            0x02,                 // type = Async-Control-Character-Map
            0x06,                 // length = 6
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, // map = all 32 controls escaped
        };
        assertOption(golden, LcpOption.DECODER, new Accm(0xFFFFFFFF), "<asyncmap 0xffffffff>");
    }

    @Test
    void authPap() throws Exception {
        byte[] golden = {
            0x03,                 // type = Authentication-Protocol
            0x04,                 // length = 4
            (byte) 0xC0, 0x23,    // protocol = PAP
        };
        assertOption(golden, LcpOption.DECODER, AuthProtocol.pap(), "<auth pap>");
        assertEquals(Optional.empty(), AuthProtocol.pap().chapAlgorithm());
    }

    @Test
    void authChapMd5() throws Exception {
        byte[] golden = {
            0x03,                 // type = Authentication-Protocol
            0x05,                 // length = 5
            (byte) 0xC2, 0x23,    // protocol = CHAP
            0x05,                 // algorithm = MD5
        };
        assertOption(golden, LcpOption.DECODER, AuthProtocol.chap(ChapAlgorithm.MD5), "<auth chap MD5>");
        assertEquals(Optional.of(ChapAlgorithm.MD5), AuthProtocol.chap(ChapAlgorithm.MD5).chapAlgorithm());
    }

    @Test
    void authChapMsV1() throws Exception {
        byte[] golden = {
            0x03,                 // type = Authentication-Protocol
            0x05,                 // length = 5
            (byte) 0xC2, 0x23,    // protocol = CHAP
            (byte) 0x80,          // algorithm = MS-CHAP (RFC 2433)
        };
        assertOption(golden, LcpOption.DECODER, AuthProtocol.chap(ChapAlgorithm.MS_CHAP), "<auth chap MS>");
    }

    @Test
    void authChapMsV2() throws Exception {
        byte[] golden = {
            0x03,                 // type = Authentication-Protocol
            0x05,                 // length = 5
            (byte) 0xC2, 0x23,    // protocol = CHAP
            (byte) 0x81,          // algorithm = MS-CHAP-V2 (RFC 2759)
        };
        assertOption(golden, LcpOption.DECODER, AuthProtocol.chap(ChapAlgorithm.MS_CHAP_V2), "<auth chap MS-v2>");
    }

    @Test
    void authChapUnknownAlgorithmIsKept() throws Exception {
        byte[] golden = {
            0x03,                 // type = Authentication-Protocol
            0x05,                 // length = 5
            (byte) 0xC2, 0x23,    // protocol = CHAP
            0x06,                 // algorithm = 6, unassigned
        };
        AuthProtocol expected = AuthProtocol.chap(new ChapAlgorithm(6));
        assertOption(golden, LcpOption.DECODER, expected, "<auth chap 06>");
        assertEquals(Optional.of(new ChapAlgorithm(6)), expected.chapAlgorithm());
    }

    @Test
    void authEap() throws Exception {
        byte[] golden = {
            0x03,                 // type = Authentication-Protocol
            0x04,                 // length = 4
            (byte) 0xC2, 0x27,    // protocol = EAP
        };
        assertOption(golden, LcpOption.DECODER, AuthProtocol.eap(), "<auth eap>");
    }

    @Test
    void authUnknownProtocolKeepsData() throws Exception {
        byte[] golden = {
            0x03,                 // type = Authentication-Protocol
            0x06,                 // length = 6
            (byte) 0xC4, (byte) 0x81, // protocol = 0xC481, not one we know
            0x01, 0x02,           // protocol-specific data
        };
        assertOption(golden, LcpOption.DECODER,
                new AuthProtocol(new PppProtocol(0xC481), Octets.ofUnsigned(1, 2)), "<auth 0xc481 01 02>");
    }

    @Test
    void qualityLqr() throws Exception {
        byte[] golden = {
            0x04,                 // type = Quality-Protocol
            0x08,                 // length = 8
            (byte) 0xC0, 0x25,    // protocol = Link-Quality-Report
            0x00, 0x00, 0x03, (byte) 0xE8, // reporting period = 1000 (10 s in 1/100 s)
        };
        assertOption(golden, LcpOption.DECODER,
                new QualityProtocol(PppProtocol.LQR, Octets.ofUnsigned(0, 0, 3, 0xE8)), "<quality lqr 00 00 03 e8>");
    }

    @Test
    void qualityOtherProtocol() throws Exception {
        byte[] golden = {
            0x04,                 // type = Quality-Protocol
            0x04,                 // length = 4
            (byte) 0xC0, 0x27,    // protocol = 0xC027, not LQR
        };
        assertOption(golden, LcpOption.DECODER,
                new QualityProtocol(new PppProtocol(0xC027), Octets.EMPTY), "<quality 0xc027>");
    }

    @Test
    void magicNumber() throws Exception {
        byte[] golden = {
            0x05,                 // type = Magic-Number
            0x06,                 // length = 6
            0x5E, 0x1F, 0x2A, 0x31, // magic = 0x5e1f2a31
        };
        assertOption(golden, LcpOption.DECODER, new MagicNumber(0x5E1F2A31), "<magic 0x5e1f2a31>");
    }

    @Test
    void magicNumberHighBitPrintsUnsigned() throws Exception {
        byte[] golden = {
            0x05,                 // type = Magic-Number
            0x06,                 // length = 6
            (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, // magic = 0xdeadbeef
        };
        assertOption(golden, LcpOption.DECODER, new MagicNumber(0xDEADBEEF), "<magic 0xdeadbeef>");
    }

    @Test
    void pfc() throws Exception {
        byte[] golden = {
            0x07,                 // type = Protocol-Field-Compression
            0x02,                 // length = 2
        };
        assertOption(golden, LcpOption.DECODER, new Pfc(), "<pcomp>");
    }

    @Test
    void acfc() throws Exception {
        byte[] golden = {
            0x08,                 // type = Address-and-Control-Field-Compression
            0x02,                 // length = 2
        };
        assertOption(golden, LcpOption.DECODER, new Acfc(), "<accomp>");
    }

    @Test
    void mrru() throws Exception {
        byte[] golden = {
            0x11,                 // type = 17, Multilink MRRU
            0x04,                 // length = 4
            0x05, (byte) 0xEA,    // MRRU = 1514
        };
        assertOption(golden, LcpOption.DECODER, new Mrru(1514), "<mrru 1514>");
    }

    @Test
    void shortSequence() throws Exception {
        byte[] golden = {
            0x12,                 // type = 18, Short-Sequence-Number-Header-Format
            0x02,                 // length = 2
        };
        assertOption(golden, LcpOption.DECODER, new ShortSequence(), "<ssnhf>");
    }

    @Test
    void endpointDiscriminatorMac() throws Exception {
        byte[] golden = {
            0x13,                 // type = 19, Endpoint-Discriminator
            0x09,                 // length = 9
            0x03,                 // class = IEEE 802.1 MAC address
            0x02, 0x00, 0x5E, 0x10, 0x20, 0x30, // address = 02:00:5e:10:20:30
        };
        assertOption(golden, LcpOption.DECODER,
                new EndpointDiscriminator(3, Octets.ofUnsigned(0x02, 0x00, 0x5E, 0x10, 0x20, 0x30)),
                "<endpoint [MAC:02:00:5e:10:20:30]>");
    }

    @Test
    void endpointDiscriminatorIp() throws Exception {
        byte[] golden = {
            0x13,                 // type = 19, Endpoint-Discriminator
            0x07,                 // length = 7
            0x02,                 // class = IP address
            0x0A, 0x00, 0x00, 0x01, // address = 10.0.0.1
        };
        assertOption(golden, LcpOption.DECODER,
                new EndpointDiscriminator(2, Octets.ofUnsigned(10, 0, 0, 1)), "<endpoint [IP:10.0.0.1]>");
    }

    @Test
    void endpointDiscriminatorMagicBlockAndLocal() throws Exception {
        byte[] magic = {
            0x13,                 // type = 19, Endpoint-Discriminator
            0x0B,                 // length = 11
            0x04,                 // class = PPP magic-number block
            0x01, 0x02, 0x03, 0x04, // first magic number
            0x05, 0x06, 0x07, 0x08, // second magic number
        };
        assertOption(magic, LcpOption.DECODER,
                new EndpointDiscriminator(4, Octets.ofUnsigned(1, 2, 3, 4, 5, 6, 7, 8)),
                "<endpoint [magic:01020304.05060708]>");
        byte[] local = {
            0x13,                 // type = 19, Endpoint-Discriminator
            0x05,                 // length = 5
            0x01,                 // class = locally assigned
            (byte) 0xAB, (byte) 0xCD, // address
        };
        assertOption(local, LcpOption.DECODER,
                new EndpointDiscriminator(1, Octets.ofUnsigned(0xAB, 0xCD)), "<endpoint [local:ab.cd]>");
    }

    @Test
    void endpointDiscriminatorNullClass() throws Exception {
        byte[] golden = {
            0x13,                 // type = 19, Endpoint-Discriminator
            0x03,                 // length = 3
            0x00,                 // class = null, no address
        };
        assertOption(golden, LcpOption.DECODER, new EndpointDiscriminator(0, Octets.EMPTY), "<endpoint [null]>");
    }

    @Test
    void unknownTypeIsKeptRaw() throws Exception {
        byte[] golden = {
            0x0D,                 // type = 13, Callback: not decoded by jppp
            0x03,                 // length = 3
            0x06,                 // operation = 6
        };
        assertOption(golden, LcpOption.DECODER, new Unknown(13, Octets.ofUnsigned(6)), "< 0d 03 06>");
    }

    @Test
    void decodeAllKeepsOrder() throws Exception {
        List<LcpOption> decoded = LcpOption.decodeAll(List.of(new Mru(1492).encode(), new MagicNumber(7).encode()));
        assertEquals(List.of(new Mru(1492), new MagicNumber(7)), decoded);
    }

    @Test
    void wrongLengthsAreMalformed() {
        assertMalformed("LCP option MRU: length 3 (expected 4)",
                () -> LcpOption.decode(option(new byte[] {0x01, 0x03, 0x05})));
        assertMalformed("LCP option ACCM: length 4 (expected 6)",
                () -> LcpOption.decode(option(new byte[] {0x02, 0x04, 0x00, 0x00})));
        assertMalformed("LCP option Authentication-Protocol: length 3 (expected at least 4)",
                () -> LcpOption.decode(option(new byte[] {0x03, 0x03, (byte) 0xC0})));
        assertMalformed("LCP option Authentication-Protocol CHAP: length 4 (expected 5)",
                () -> LcpOption.decode(option(new byte[] {0x03, 0x04, (byte) 0xC2, 0x23})));
        assertMalformed("LCP option Authentication-Protocol PAP: length 5 (expected 4)",
                () -> LcpOption.decode(option(new byte[] {0x03, 0x05, (byte) 0xC0, 0x23, 0x00})));
        assertMalformed("LCP option Authentication-Protocol EAP: length 5 (expected 4)",
                () -> LcpOption.decode(option(new byte[] {0x03, 0x05, (byte) 0xC2, 0x27, 0x00})));
        assertMalformed("LCP option Quality-Protocol: length 2 (expected at least 4)",
                () -> LcpOption.decode(option(new byte[] {0x04, 0x02})));
        assertMalformed("LCP option Magic-Number: length 5 (expected 6)",
                () -> LcpOption.decode(option(new byte[] {0x05, 0x05, 1, 2, 3})));
        assertMalformed("LCP option Protocol-Field-Compression: length 3 (expected 2)",
                () -> LcpOption.decode(option(new byte[] {0x07, 0x03, 0})));
        assertMalformed("LCP option Address-and-Control-Field-Compression: length 3 (expected 2)",
                () -> LcpOption.decode(option(new byte[] {0x08, 0x03, 0})));
        assertMalformed("LCP option MRRU: length 2 (expected 4)",
                () -> LcpOption.decode(option(new byte[] {0x11, 0x02})));
        assertMalformed("LCP option Short-Sequence-Number-Header-Format: length 4 (expected 2)",
                () -> LcpOption.decode(option(new byte[] {0x12, 0x04, 0, 0})));
        assertMalformed("LCP option Endpoint-Discriminator: length 2 (expected at least 3)",
                () -> LcpOption.decode(option(new byte[] {0x13, 0x02})));
    }

    @Test
    void malformedOptionTracesAsRawHex() {
        ConfigOption shortMru = option(new byte[] {0x01, 0x03, 0x05});
        assertEquals("< 01 03 05>", LcpOption.DECODER.trace(shortMru));
    }

    @Test
    void recordDecoderRejectsAnotherType() {
        assertThrows(IllegalArgumentException.class, () -> Mru.decode(new MagicNumber(1).encode()));
    }

    @Test
    void everyKnownTypeDecodesToItsRecord() throws MalformedPacketException {
        assertInstanceOf(Mru.class, LcpOption.decode(new Mru(1).encode()));
        assertInstanceOf(Unknown.class, LcpOption.decode(new ConfigOption(6, new byte[0])));
        assertTrue(LcpOption.decode(new Pfc().encode()) instanceof LcpOption.Flag);
    }

    @Test
    void constructorsCheckRanges() {
        assertThrows(IllegalArgumentException.class, () -> new Mru(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new Mrru(-1));
        assertThrows(IllegalArgumentException.class, () -> new EndpointDiscriminator(256, Octets.EMPTY));
    }
}
