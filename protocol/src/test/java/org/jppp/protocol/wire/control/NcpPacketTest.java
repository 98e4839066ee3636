package org.jppp.protocol.wire.control;

import static org.jppp.protocol.wire.Golden.assertPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.control.NcpPacket.ConfigureNak;
import org.jppp.protocol.wire.control.NcpPacket.ConfigureRequest;
import org.jppp.protocol.wire.control.NcpPacket.UnknownCode;
import org.jppp.protocol.wire.ipcp.IpcpOption;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption;
import org.junit.jupiter.api.Test;

/** IPCP and IPv6CP use LCP's codes 1-7 only (RFC 1332 §2, RFC 5072 §3). */
class NcpPacketTest {

    @Test
    void ipcpConfigureNak() throws Exception {
        byte[] golden = {
            0x03,                 // code = Configure-Nak
            0x01,                 // identifier = 1
            0x00, 0x0A,           // length = 10
            0x03, 0x06,           // option IP-Address, length 6
            0x0A, 0x4E, 0x00, 0x02, //   address = 10.78.0.2
        };
        ConfigOption addr = new IpcpOption.IpAddress(Ipv4.parse("10.78.0.2")).encode();
        assertPacket(golden, b -> NcpPacket.parse(b, "IPCP"), new ConfigureNak(1, List.of(addr)));
    }

    @Test
    void ipv6cpConfigureRequest() throws Exception {
        byte[] golden = {
            0x01,                 // code = Configure-Request
            0x04,                 // identifier = 4
            0x00, 0x0E,           // length = 14
            0x01, 0x0A,           // option Interface-Identifier, length 10
            0x02, 0x00, 0x5E, (byte) 0xFF, // identifier, high half
            (byte) 0xFE, 0x10, 0x20, 0x30, // identifier, low half
        };
        ConfigOption id = new Ipv6cpOption.InterfaceIdentifier(0x02005EFFFE102030L).encode();
        assertPacket(golden, b -> NcpPacket.parse(b, "IPV6CP"), new ConfigureRequest(4, List.of(id)));
    }

    @Test
    void lcpOnlyCodesAreUnknownToAnNcp() throws Exception {
        byte[] golden = {
            0x09,                 // code = 9: Echo-Request in LCP, undefined in IPCP
            0x01,                 // identifier = 1
            0x00, 0x08,           // length = 8
            0x01, 0x02, 0x03, 0x04, // data
        };
        assertPacket(golden, b -> NcpPacket.parse(b, "IPCP"),
                new UnknownCode(ControlCode.ECHO_REQUEST, 1, Octets.ofUnsigned(1, 2, 3, 4)));
    }

    @Test
    void ncpPacketsAreLcpPackets() throws Exception {
        LcpPacket p = NcpPacket.parse(ByteBuffer.wrap(new byte[] {0x06, 0x01, 0x00, 0x04}), "IPCP");
        assertEquals(new NcpPacket.TerminateAck(1, Octets.EMPTY), p);
        assertEquals(ControlCode.TERMINATE_ACK, p.code());
    }
}
