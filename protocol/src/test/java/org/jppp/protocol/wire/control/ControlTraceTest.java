package org.jppp.protocol.wire.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.auth.ChapAlgorithm;
import org.jppp.protocol.wire.ipcp.IpcpOption;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption;
import org.jppp.protocol.wire.lcp.LcpOption;
import org.junit.jupiter.api.Test;

/** Control packet traces in pppd's format (lcp_printpkt, ipcp_printpkt, ipv6cp_printpkt). */
class ControlTraceTest {

    private static String lcp(LcpPacket p) {
        return ControlTrace.trace(PppProtocol.LCP, p.toControlPacket());
    }

    @Test
    void lcpConfigureRequest() {
        LcpPacket p = new NcpPacket.ConfigureRequest(1, List.of(new LcpOption.Mru(1500).encode(),
                new LcpOption.MagicNumber(0x5E1F2A31).encode()));
        assertEquals("[LCP ConfReq id=0x1 <mru 1500> <magic 0x5e1f2a31>]", lcp(p));
    }

    @Test
    void lcpConfigureRequestOfAServer() {
        LcpPacket p = new NcpPacket.ConfigureRequest(1, List.of(new LcpOption.Accm(0).encode(),
                LcpOption.AuthProtocol.chap(ChapAlgorithm.MD5).encode(), new LcpOption.MagicNumber(0x11).encode(),
                new LcpOption.Pfc().encode(), new LcpOption.Acfc().encode()));
        assertEquals("[LCP ConfReq id=0x1 <asyncmap 0x0> <auth chap MD5> <magic 0x11> <pcomp> <accomp>]", lcp(p));
    }

    @Test
    void lcpConfigureRejectOfUnknownAndMalformedOptions() {
        LcpPacket p = new NcpPacket.ConfigureReject(2, List.of(new ConfigOption(13, new byte[] {6}),
                new ConfigOption(1, new byte[] {5})));
        assertEquals("[LCP ConfRej id=0x2 < 0d 03 06> < 01 03 05>]", lcp(p));
    }

    @Test
    void optionListStopsAtABadLengthAndDumpsTheRest() {
        ControlPacket p = new ControlPacket(ControlCode.CONFIGURE_REQUEST, 1,
                new byte[] {0x07, 0x02, 0x01, 0x09, 0x05});
        assertEquals("[LCP ConfReq id=0x1 <pcomp> 01 09 05]", ControlTrace.trace(PppProtocol.LCP, p));
    }

    @Test
    void echoRequest() {
        assertEquals("[LCP EchoReq id=0x0 magic=0x5e1f2a31]",
                lcp(new LcpPacket.EchoRequest(0, 0x5E1F2A31, Octets.EMPTY)));
        assertEquals("[LCP EchoRep id=0x3 magic=0xdeadbeef 01 02]",
                lcp(new LcpPacket.EchoReply(3, 0xDEADBEEF, Octets.ofUnsigned(1, 2))));
    }

    @Test
    void terminateRequestQuotesItsReason() {
        assertEquals("[LCP TermReq id=0x2 \"User request\"]",
                lcp(new NcpPacket.TerminateRequest(2, Octets.utf8("User request"))));
        assertEquals("[LCP TermAck id=0x2]", lcp(new NcpPacket.TerminateAck(2, Octets.EMPTY)));
    }

    @Test
    void terminateDataThatIsNotTextIsDumped() {
        assertEquals("[LCP TermReq id=0x2 00 41]", lcp(new NcpPacket.TerminateRequest(2, Octets.ofUnsigned(0, 0x41))));
    }

    @Test
    void identificationAndTimeRemaining() {
        assertEquals("[LCP Ident id=0x1 magic=0x1020304 \"jppp\"]",
                lcp(new LcpPacket.Identification(1, 0x01020304, Octets.utf8("jppp"))));
        assertEquals("[LCP TimeRem id=0x1 magic=0x0 seconds=4294967295 \"ok\"]",
                lcp(new LcpPacket.TimeRemaining(1, 0, 0xFFFFFFFFL, Octets.utf8("ok"))));
    }

    @Test
    void protocolRejectAndLongDumpsAreCutAt32Octets() {
        assertEquals("[LCP ProtRej id=0x5 80 57 01]",
                lcp(new LcpPacket.ProtocolReject(5, PppProtocol.IPV6CP, Octets.ofUnsigned(1))));
        String longDump = lcp(new NcpPacket.CodeReject(1, Octets.of(new byte[40])));
        assertEquals("[LCP CodeRej id=0x1" + " 00".repeat(32) + " ...]", longDump);
    }

    @Test
    void ipcpConfigureNak() {
        ControlPacket p = new NcpPacket.ConfigureNak(1,
                List.of(new IpcpOption.IpAddress(Ipv4.parse("10.78.0.2")).encode())).toControlPacket();
        assertEquals("[IPCP ConfNak id=0x1 <addr 10.78.0.2>]", ControlTrace.trace(PppProtocol.IPCP, p));
    }

    @Test
    void ipcpDoesNotNameLcpCodesAndDumpsEverything() {
        ControlPacket p = new ControlPacket(ControlCode.ECHO_REQUEST, 1, new byte[40]);
        assertEquals("[IPCP code=0x9 id=0x1" + " 00".repeat(40) + "]", ControlTrace.trace(PppProtocol.IPCP, p));
    }

    @Test
    void ipcpRequestWithDns() {
        ControlPacket p = new NcpPacket.ConfigureRequest(1, List.of(
                new IpcpOption.IpAddress(Ipv4.ANY).encode(),
                new IpcpOption.PrimaryDns(Ipv4.ANY).encode(),
                new IpcpOption.SecondaryDns(Ipv4.ANY).encode())).toControlPacket();
        assertEquals("[IPCP ConfReq id=0x1 <addr 0.0.0.0> <ms-dns1 0.0.0.0> <ms-dns2 0.0.0.0>]",
                ControlTrace.trace(PppProtocol.IPCP, p));
    }

    @Test
    void ipv6cpConfigureRequest() {
        ControlPacket p = new NcpPacket.ConfigureRequest(1,
                List.of(new Ipv6cpOption.InterfaceIdentifier(0x02005EFFFE102030L).encode())).toControlPacket();
        assertEquals("[IPV6CP ConfReq id=0x1 <addr fe80::200:5eff:fe10:2030>]",
                ControlTrace.trace(PppProtocol.IPV6CP, p));
    }

    @Test
    void otherNcpOptionsAreRaw() {
        ControlPacket p = new NcpPacket.ConfigureRequest(1,
                List.of(new ConfigOption(18, new byte[] {0, 0, 0, 1}))).toControlPacket();
        assertEquals("[CCP ConfReq id=0x1 < 12 06 00 00 00 01>]", ControlTrace.trace(PppProtocol.CCP, p));
    }
}
