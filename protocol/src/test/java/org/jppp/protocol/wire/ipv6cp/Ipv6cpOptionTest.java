package org.jppp.protocol.wire.ipv6cp;

import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.assertOption;
import static org.jppp.protocol.wire.Golden.option;

import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption.InterfaceIdentifier;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption.Ipv6CompressionProtocol;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption.Unknown;
import org.junit.jupiter.api.Test;

/** IPv6CP options against golden bytes (RFC 5072 §4). */
class Ipv6cpOptionTest {

    @Test
    void interfaceIdentifier() throws Exception {
        byte[] golden = {
            0x01,                 // type = Interface-Identifier
            0x0A,                 // length = 10
            0x02, 0x00, 0x5E, (byte) 0xFF, // identifier, high half
            (byte) 0xFE, 0x10, 0x20, 0x30, // identifier, low half
        };
        assertOption(golden, Ipv6cpOption.DECODER, new InterfaceIdentifier(0x02005EFFFE102030L),
                "<addr fe80::200:5eff:fe10:2030>");
    }

    @Test
    void interfaceIdentifierWithHighBitAndZeroGroups() throws Exception {
        byte[] golden = {
            0x01,                 // type = Interface-Identifier
            0x0A,                 // length = 10
            (byte) 0x80, 0x00, 0x00, 0x00, // identifier, high half
            0x00, 0x00, 0x00, 0x01, // identifier, low half
        };
        assertOption(golden, Ipv6cpOption.DECODER, new InterfaceIdentifier(0x8000000000000001L),
                "<addr fe80::8000:0:0:1>");
    }

    @Test
    void compressionProtocol() throws Exception {
        byte[] golden = {
            0x02,                 // type = IPv6-Compression-Protocol
            0x06,                 // length = 6
            0x00, 0x61,           // protocol = 0x0061 (IPHC, RFC 2509)
            0x00, 0x0F,           // protocol-specific data
        };
        assertOption(golden, Ipv6cpOption.DECODER,
                new Ipv6CompressionProtocol(new PppProtocol(0x61), Octets.ofUnsigned(0, 15)), "<compress 0x61 00 0f>");
    }

    @Test
    void unknownTypeIsKeptRaw() throws Exception {
        byte[] golden = {
            0x07,                 // type = 7, unassigned
            0x03,                 // length = 3
            0x01,                 // data
        };
        assertOption(golden, Ipv6cpOption.DECODER, new Unknown(7, Octets.ofUnsigned(1)), "< 07 03 01>");
    }

    @Test
    void wrongLengthsAreMalformed() {
        assertMalformed("IPV6CP option Interface-Identifier: length 6 (expected 10)",
                () -> Ipv6cpOption.decode(option(new byte[] {0x01, 0x06, 1, 2, 3, 4})));
        assertMalformed("IPV6CP option IPv6-Compression-Protocol: length 2 (expected at least 4)",
                () -> Ipv6cpOption.decode(option(new byte[] {0x02, 0x02})));
    }
}
