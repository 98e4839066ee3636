package org.jppp.protocol.wire.ipcp;

import static org.jppp.protocol.wire.Golden.assertMalformed;
import static org.jppp.protocol.wire.Golden.assertOption;
import static org.jppp.protocol.wire.Golden.option;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.ipcp.IpcpOption.IpAddress;
import org.jppp.protocol.wire.ipcp.IpcpOption.IpAddresses;
import org.jppp.protocol.wire.ipcp.IpcpOption.IpCompressionProtocol;
import org.jppp.protocol.wire.ipcp.IpcpOption.IpCompressionProtocol.VanJacobson;
import org.jppp.protocol.wire.ipcp.IpcpOption.PrimaryDns;
import org.jppp.protocol.wire.ipcp.IpcpOption.PrimaryNbns;
import org.jppp.protocol.wire.ipcp.IpcpOption.SecondaryDns;
import org.jppp.protocol.wire.ipcp.IpcpOption.SecondaryNbns;
import org.jppp.protocol.wire.ipcp.IpcpOption.Unknown;
import org.junit.jupiter.api.Test;

/** IPCP options against golden bytes (RFC 1332 §3, RFC 1877). */
class IpcpOptionTest {

    @Test
    void ipAddresses() throws Exception {
        byte[] golden = {
            0x01,                 // type = IP-Addresses (deprecated)
            0x0A,                 // length = 10
            0x0A, 0x00, 0x00, 0x01, // source = 10.0.0.1
            0x0A, 0x00, 0x00, 0x02, // destination = 10.0.0.2
        };
        assertOption(golden, IpcpOption.DECODER,
                new IpAddresses(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2")), "<addrs 10.0.0.1 10.0.0.2>");
    }

    @Test
    void vanJacobson() throws Exception {
        byte[] golden = {
            0x02,                 // type = IP-Compression-Protocol
            0x06,                 // length = 6
            0x00, 0x2D,           // protocol = Van Jacobson compressed TCP/IP
            0x0F,                 // Max-Slot-Id = 15
            0x01,                 // Comp-Slot-Id = 1: slot id may be compressed
        };
        IpCompressionProtocol vj = IpCompressionProtocol.of(new VanJacobson(15, true));
        assertOption(golden, IpcpOption.DECODER, vj, "<compress VJ 0f 01>");
        assertEquals(Optional.of(new VanJacobson(15, true)), vj.vanJacobson());
    }

    @Test
    void otherCompressionProtocolKeepsData() throws Exception {
        byte[] golden = {
            0x02,                 // type = IP-Compression-Protocol
            0x05,                 // length = 5
            0x00, 0x61,           // protocol = 0x0061, not VJ
            0x42,                 // protocol-specific data
        };
        IpCompressionProtocol other = new IpCompressionProtocol(new PppProtocol(0x61), Octets.ofUnsigned(0x42));
        assertOption(golden, IpcpOption.DECODER, other, "<compress 0x61 42>");
        assertEquals(Optional.empty(), other.vanJacobson());
    }

    @Test
    void oldVanJacobson() throws Exception {
        byte[] golden = {
            0x02,                 // type = IP-Compression-Protocol
            0x04,                 // length = 4
            0x00, 0x37,           // protocol = 0x0037, pppd's "old-VJ"
        };
        assertOption(golden, IpcpOption.DECODER,
                new IpCompressionProtocol(new PppProtocol(0x37), Octets.EMPTY), "<compress old-VJ>");
    }

    @Test
    void ipAddress() throws Exception {
        byte[] golden = {
            0x03,                 // type = IP-Address
            0x06,                 // length = 6
            0x0A, 0x00, 0x00, 0x01, // address = 10.0.0.1
        };
        assertOption(golden, IpcpOption.DECODER, new IpAddress(Ipv4.parse("10.0.0.1")), "<addr 10.0.0.1>");
    }

    @Test
    void ipAddressZeroAsksForAnAddress() throws Exception {
        byte[] golden = {
            0x03,                 // type = IP-Address
            0x06,                 // length = 6
            0x00, 0x00, 0x00, 0x00, // address = 0.0.0.0: please assign one
        };
        assertOption(golden, IpcpOption.DECODER, new IpAddress(Ipv4.ANY), "<addr 0.0.0.0>");
    }

    @Test
    void primaryDns() throws Exception {
        byte[] golden = {
            (byte) 0x81,          // type = 129, Primary-DNS-Server-Address
            0x06,                 // length = 6
            0x0A, 0x4D, 0x00, 0x35, // address = 10.77.0.53
        };
        assertOption(golden, IpcpOption.DECODER, new PrimaryDns(Ipv4.parse("10.77.0.53")), "<ms-dns1 10.77.0.53>");
    }

    @Test
    void primaryNbns() throws Exception {
        byte[] golden = {
            (byte) 0x82,          // type = 130, Primary-NBNS-Server-Address
            0x06,                 // length = 6
            0x0A, 0x4D, 0x00, (byte) 0x89, // address = 10.77.0.137
        };
        assertOption(golden, IpcpOption.DECODER, new PrimaryNbns(Ipv4.parse("10.77.0.137")), "<ms-wins1 10.77.0.137>");
    }

    @Test
    void secondaryDns() throws Exception {
        byte[] golden = {
            (byte) 0x83,          // type = 131, Secondary-DNS-Server-Address
            0x06,                 // length = 6
            0x0A, 0x4D, 0x01, 0x35, // address = 10.77.1.53
        };
        assertOption(golden, IpcpOption.DECODER, new SecondaryDns(Ipv4.parse("10.77.1.53")), "<ms-dns2 10.77.1.53>");
    }

    @Test
    void secondaryNbns() throws Exception {
        byte[] golden = {
            (byte) 0x84,          // type = 132, Secondary-NBNS-Server-Address
            0x06,                 // length = 6
            0x0A, 0x4D, 0x01, (byte) 0x89, // address = 10.77.1.137
        };
        assertOption(golden, IpcpOption.DECODER, new SecondaryNbns(Ipv4.parse("10.77.1.137")), "<ms-wins2 10.77.1.137>");
    }

    @Test
    void unknownTypeIsKeptRaw() throws Exception {
        byte[] golden = {
            0x04,                 // type = 4, Mobile-IPv4 (RFC 2290): not decoded by jppp
            0x06,                 // length = 6
            0x0A, 0x00, 0x00, 0x09, // home address
        };
        assertOption(golden, IpcpOption.DECODER, new Unknown(4, Octets.ofUnsigned(10, 0, 0, 9)), "< 04 06 0a 00 00 09>");
    }

    @Test
    void wrongLengthsAreMalformed() {
        assertMalformed("IPCP option IP-Addresses: length 6 (expected 10)",
                () -> IpcpOption.decode(option(new byte[] {0x01, 0x06, 10, 0, 0, 1})));
        assertMalformed("IPCP option IP-Compression-Protocol: length 3 (expected at least 4)",
                () -> IpcpOption.decode(option(new byte[] {0x02, 0x03, 0})));
        assertMalformed("IPCP option IP-Compression-Protocol VJ: length 4 (expected 6)",
                () -> IpcpOption.decode(option(new byte[] {0x02, 0x04, 0x00, 0x2D})));
        assertMalformed("IPCP option IP-Address: length 5 (expected 6)",
                () -> IpcpOption.decode(option(new byte[] {0x03, 0x05, 10, 0, 0})));
        assertMalformed("IPCP option Primary-DNS-Address: length 2 (expected 6)",
                () -> IpcpOption.decode(option(new byte[] {(byte) 0x81, 0x02})));
        assertMalformed("IPCP option Primary-NBNS-Address: length 7 (expected 6)",
                () -> IpcpOption.decode(option(new byte[] {(byte) 0x82, 0x07, 1, 2, 3, 4, 5})));
        assertMalformed("IPCP option Secondary-DNS-Address: length 4 (expected 6)",
                () -> IpcpOption.decode(option(new byte[] {(byte) 0x83, 0x04, 1, 2})));
        assertMalformed("IPCP option Secondary-NBNS-Address: length 3 (expected 6)",
                () -> IpcpOption.decode(option(new byte[] {(byte) 0x84, 0x03, 1})));
    }

    @Test
    void malformedOptionTracesAsRawHex() {
        assertEquals("< 03 05 0a 00 00>", IpcpOption.DECODER.trace(option(new byte[] {0x03, 0x05, 10, 0, 0})));
    }
}
