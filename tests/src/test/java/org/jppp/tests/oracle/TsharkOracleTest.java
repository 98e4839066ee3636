package org.jppp.tests.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.auth.ChapMd5;
import org.jppp.protocol.auth.MsChapV2;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.CodedPacket;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppFrame;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.auth.ChapAlgorithm;
import org.jppp.protocol.wire.auth.ChapPacket;
import org.jppp.protocol.wire.auth.EapPacket;
import org.jppp.protocol.wire.auth.EapTypeData;
import org.jppp.protocol.wire.auth.MsChapV2Response;
import org.jppp.protocol.wire.auth.PapPacket;
import org.jppp.protocol.wire.control.LcpPacket;
import org.jppp.protocol.wire.control.NcpPacket;
import org.jppp.protocol.wire.ipcp.IpcpOption;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption;
import org.jppp.protocol.wire.lcp.LcpOption;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeCode;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeSession;
import org.jppp.protocol.pppoe.PppoeTag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real decoder as the oracle: one of every packet type jppp emits, written to a pcap through our
 * own encoders, must be decoded by Wireshark's tshark with the right protocol and field values and
 * without any malformed-packet or warning/error expert info.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TsharkOracleTest {
    private static final MacAddress CLIENT = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress AC = MacAddress.parse("a0:f3:e4:4f:e3:b0");
    private static final int SESSION = 292;
    /** Wireshark's expert severities: 0x600000 is Warning, 0x800000 Error. */
    private static final int SEVERITY_WARN = 0x600000;
    /**
     * Wireshark's "Security" expert group: a policy remark (EAP-MD5 is "vulnerable to MITM
     * attacks"), not a decoding problem; EAP-MD5 is what pppd speaks, so it is tolerated.
     */
    private static final String GROUP_SECURITY = "167772160";

    private record Expect(String description, byte[] frame, String protocol, Map<String, String> fields) {}

    private final List<Expect> expected = new ArrayList<>();
    private List<Tshark.Packet> decoded;

    @BeforeAll
    void writeAndDecode(@TempDir Path tmp) throws Exception {
        discovery();
        lcp();
        authentication();
        ncps();
        Path pcap = tmp.resolve("jppp-oracle.pcap");
        PcapWriter.write(pcap, expected.stream().map(Expect::frame).toList());
        assertTrue(Files.size(pcap) > 0);
        String keep = System.getProperty("jppp.oracle.keep");
        if (keep != null) {
            // -Djppp.oracle.keep=/tmp/oracle.pcap keeps the capture for a look with wireshark.
            Files.copy(pcap, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        decoded = Tshark.decode(pcap);
    }

    // --- frames --------------------------------------------------------------------------------

    private void discovery() {
        byte[] hostUniq = {0x12, 0x34, 0x56, 0x78};
        byte[] cookie = {(byte) 0xC0, 0x0C, 0x1E, 0x42, 0x00, 0x01, 0x02, 0x03};
        disc("PADI", MacAddress.BROADCAST, CLIENT, PppoeDiscovery.of(PppoeCode.PADI, 0,
                PppoeTag.serviceName("internet"), PppoeTag.hostUniq(hostUniq)),
                Map.of("pppoe.code", "0x09", "pppoed.tags.service_name", "internet",
                        "pppoed.tags.host_uniq", "12:34:56:78"));
        disc("PADO", CLIENT, AC, PppoeDiscovery.of(PppoeCode.PADO, 0,
                PppoeTag.acName("refpeer-ac"), PppoeTag.serviceName("internet"),
                PppoeTag.acCookie(cookie), PppoeTag.hostUniq(hostUniq),
                new PppoeTag.VendorSpecific(3561, ByteString.fromArray(new byte[] {1, 2, 3})),
                new PppoeTag.Opaque(PppoeTag.RELAY_SESSION_ID, ByteString.fromArray(new byte[] {9, 8, 7, 6}))),
                Map.of("pppoe.code", "0x07", "pppoed.tags.ac_name", "refpeer-ac",
                        "pppoed.tags.ac_cookie", "c0:0c:1e:42:00:01:02:03"));
        disc("PADR", AC, CLIENT, PppoeDiscovery.of(PppoeCode.PADR, 0,
                PppoeTag.serviceName("internet"), PppoeTag.hostUniq(hostUniq), PppoeTag.acCookie(cookie),
                new PppoeTag.PppMaxPayload(1500)),
                Map.of("pppoe.code", "0x19", "pppoed.tags.max_payload", "05:dc"));
        disc("PADS", CLIENT, AC, PppoeDiscovery.of(PppoeCode.PADS, SESSION,
                PppoeTag.serviceName("internet"), PppoeTag.hostUniq(hostUniq)),
                Map.of("pppoe.code", "0x65", "pppoe.session_id", "0x0124"));
        disc("PADS with Service-Name-Error", CLIENT, AC, PppoeDiscovery.of(PppoeCode.PADS, 0,
                PppoeTag.text(PppoeTag.SERVICE_NAME_ERROR, "no such service"), PppoeTag.hostUniq(hostUniq)),
                Map.of("pppoe.code", "0x65"));
        disc("PADT with errors", AC, CLIENT, PppoeDiscovery.of(PppoeCode.PADT, SESSION,
                PppoeTag.text(PppoeTag.GENERIC_ERROR, "session closed"),
                PppoeTag.text(PppoeTag.AC_SYSTEM_ERROR, "out of resources")),
                Map.of("pppoe.code", "0xa7", "pppoe.session_id", "0x0124"));
    }

    private void lcp() {
        List<ConfigOption> req = List.of(
                new LcpOption.Mru(1492).encode(),
                new LcpOption.Accm(0).encode(),
                LcpOption.AuthProtocol.chap(ChapAlgorithm.MD5).encode(),
                new LcpOption.MagicNumber(0x5e1f2a31).encode(),
                new LcpOption.Pfc().encode(),
                new LcpOption.Acfc().encode());
        lcp("LCP ConfReq", new NcpPacket.ConfigureRequest(1, req),
                Map.of("ppp.code", "1", "lcp.opt.mru", "1492", "lcp.opt.magic_number", "0x5e1f2a31"));
        lcp("LCP ConfAck", new NcpPacket.ConfigureAck(1, req), Map.of("ppp.code", "2"));
        lcp("LCP ConfNak", new NcpPacket.ConfigureNak(2, List.of(LcpOption.AuthProtocol.pap().encode())),
                Map.of("ppp.code", "3"));
        lcp("LCP ConfRej", new NcpPacket.ConfigureReject(3, List.of(new LcpOption.Mrru(1600).encode())),
                Map.of("ppp.code", "4", "lcp.opt.mrru", "1600"));
        lcp("LCP TermReq", new NcpPacket.TerminateRequest(4, Octets.utf8("User request")), Map.of("ppp.code", "5"));
        lcp("LCP TermAck", new NcpPacket.TerminateAck(4, Octets.EMPTY), Map.of("ppp.code", "6"));
        lcp("LCP CodeRej", new NcpPacket.CodeReject(5, Octets.ofUnsigned(0x20, 0x01, 0x00, 0x04)),
                Map.of("ppp.code", "7"));
        lcp("LCP ProtRej", new LcpPacket.ProtocolReject(6, PppProtocol.CCP, Octets.ofUnsigned(1, 1, 0, 4)),
                Map.of("ppp.code", "8", "lcp.rej_proto", "0x80fd"));
        lcp("LCP EchoReq", new LcpPacket.EchoRequest(7, 0x5e1f2a31, Octets.EMPTY),
                Map.of("ppp.code", "9", "lcp.magic_number", "0x5e1f2a31"));
        lcp("LCP EchoRep", new LcpPacket.EchoReply(7, 0x11223344, Octets.EMPTY), Map.of("ppp.code", "10"));
        lcp("LCP DiscReq", new LcpPacket.DiscardRequest(8, 0x11223344, Octets.utf8("x")), Map.of("ppp.code", "11"));
        lcp("LCP Ident", new LcpPacket.Identification(9, 0x11223344, Octets.utf8("jppp")),
                Map.of("ppp.code", "12", "lcp.message", "jppp"));
        lcp("LCP TimeRem", new LcpPacket.TimeRemaining(10, 0x11223344, 3600, Octets.utf8("bye")),
                Map.of("ppp.code", "13", "lcp.secs_remaining", "3600"));
    }

    private void authentication() throws Exception {
        byte[] challenge = Octets.ofUnsigned(0x10, 0x2D, 0xB5, 0xDF, 0x08, 0x5D, 0x30, 0x41,
                0x10, 0x2D, 0xB5, 0xDF, 0x08, 0x5D, 0x30, 0x41).toByteArray();
        Secret secret = Secret.of("s3cret");
        session("PAP AuthReq", PppProtocol.PAP,
                new PapPacket.AuthenticateRequest(1, Octets.utf8("alice"), Octets.utf8("s3cret")),
                "pap", Map.of("pap.code", "1", "pap.peer_id", "alice"));
        session("PAP AuthAck", PppProtocol.PAP, new PapPacket.AuthenticateAck(1, Octets.utf8("Login ok")),
                "pap", Map.of("pap.code", "2", "pap.message", "Login ok"));
        session("PAP AuthNak", PppProtocol.PAP, new PapPacket.AuthenticateNak(1, Octets.utf8("Login incorrect")),
                "pap", Map.of("pap.code", "3"));
        session("CHAP Challenge", PppProtocol.CHAP,
                new ChapPacket.Challenge(2, Octets.of(challenge), Octets.utf8("refpeer")),
                "chap", Map.of("chap.code", "1", "chap.name", "refpeer"));
        session("CHAP Response (MD5)", PppProtocol.CHAP,
                new ChapPacket.Response(2, Octets.of(ChapMd5.response(2, secret, challenge)), Octets.utf8("alice")),
                "chap", Map.of("chap.code", "2", "chap.name", "alice", "chap.value_size", "16"));
        MsChapV2Response v2 = new MsChapV2Response(Octets.of(challenge), Octets.of(
                MsChapV2.generateNtResponse(challenge, challenge, "alice", secret)), 0);
        session("CHAP Response (MS-CHAPv2)", PppProtocol.CHAP,
                new ChapPacket.Response(3, v2.encode(), Octets.utf8("alice")),
                "chap", Map.of("chap.code", "2", "chap.value_size", "49"));
        session("CHAP Success", PppProtocol.CHAP, new ChapPacket.Success(2, Octets.utf8("Access granted")),
                "chap", Map.of("chap.code", "3", "chap.message", "Access granted"));
        session("CHAP Failure", PppProtocol.CHAP, new ChapPacket.Failure(2, Octets.utf8("Access denied")),
                "chap", Map.of("chap.code", "4"));
        session("EAP Request Identity", PppProtocol.EAP,
                new EapPacket.Request(1, new EapTypeData.Identity(Octets.EMPTY)),
                "eap", Map.of("eap.code", "1", "eap.type", "1"));
        session("EAP Response Identity", PppProtocol.EAP,
                new EapPacket.Response(1, new EapTypeData.Identity(Octets.utf8("alice"))),
                "eap", Map.of("eap.code", "2", "eap.identity", "alice"));
        session("EAP Request MD5-Challenge", PppProtocol.EAP,
                new EapPacket.Request(2, new EapTypeData.Md5Challenge(Octets.of(challenge), Octets.utf8("refpeer"))),
                "eap", Map.of("eap.code", "1", "eap.type", "4", "eap.md5.value_size", "16"));
        session("EAP Response MD5-Challenge", PppProtocol.EAP,
                new EapPacket.Response(2, new EapTypeData.Md5Challenge(
                        Octets.of(ChapMd5.response(2, secret, challenge)), Octets.EMPTY)),
                "eap", Map.of("eap.code", "2", "eap.type", "4"));
        session("EAP Response Nak", PppProtocol.EAP,
                new EapPacket.Response(3, new EapTypeData.Nak(List.of(4))),
                "eap", Map.of("eap.code", "2", "eap.type", "3"));
        session("EAP Request Notification", PppProtocol.EAP,
                new EapPacket.Request(4, new EapTypeData.Notification(Octets.utf8("hello"))),
                "eap", Map.of("eap.code", "1", "eap.type", "2"));
        session("EAP Success", PppProtocol.EAP, new EapPacket.Success(5), "eap", Map.of("eap.code", "3"));
        session("EAP Failure", PppProtocol.EAP, new EapPacket.Failure(6), "eap", Map.of("eap.code", "4"));
    }

    private void ncps() {
        List<ConfigOption> ipcp = List.of(
                IpcpOption.IpCompressionProtocol.of(new IpcpOption.IpCompressionProtocol.VanJacobson(15, true)).encode(),
                new IpcpOption.IpAddress(Ipv4.parse("10.78.0.1")).encode(),
                new IpcpOption.PrimaryDns(Ipv4.parse("10.78.0.53")).encode(),
                new IpcpOption.SecondaryDns(Ipv4.parse("10.78.0.54")).encode());
        session("IPCP ConfReq", PppProtocol.IPCP, new NcpPacket.ConfigureRequest(1, ipcp), "ipcp",
                Map.of("ppp.code", "1", "ipcp.opt.ip_address", "10.78.0.1",
                        "ipcp.opt.pri_dns_address", "10.78.0.53", "ipcp.opt.sec_dns_address", "10.78.0.54"));
        session("IPCP ConfNak", PppProtocol.IPCP, new NcpPacket.ConfigureNak(2,
                List.of(new IpcpOption.IpAddress(Ipv4.parse("10.78.0.2")).encode(),
                        new IpcpOption.PrimaryNbns(Ipv4.parse("10.78.0.60")).encode(),
                        new IpcpOption.SecondaryNbns(Ipv4.parse("10.78.0.61")).encode())),
                "ipcp", Map.of("ppp.code", "3", "ipcp.opt.ip_address", "10.78.0.2"));
        session("IPCP TermReq", PppProtocol.IPCP, new NcpPacket.TerminateRequest(3, Octets.EMPTY), "ipcp",
                Map.of("ppp.code", "5"));
        session("IPv6CP ConfReq", PppProtocol.IPV6CP, new NcpPacket.ConfigureRequest(1,
                List.of(new Ipv6cpOption.InterfaceIdentifier(0x0211_22ff_fe33_4455L).encode())),
                "ipv6cp", Map.of("ppp.code", "1", "ipv6cp.interface_identifier", "02:11:22:ff:fe:33:44:55"));
        session("IPv6CP ConfAck", PppProtocol.IPV6CP, new NcpPacket.ConfigureAck(1,
                List.of(new Ipv6cpOption.InterfaceIdentifier(0x0211_22ff_fe33_4455L).encode())),
                "ipv6cp", Map.of("ppp.code", "2"));
    }

    // --- builders ------------------------------------------------------------------------------

    private void disc(String what, MacAddress dst, MacAddress src, PppoeDiscovery d, Map<String, String> fields) {
        ByteString frame = new EthernetHeader(dst, src, PppoeConstants.ETHERTYPE_DISCOVERY).frame(d);
        expected.add(new Expect(what, frame.toArray(), "pppoed", fields));
    }

    private void lcp(String what, LcpPacket p, Map<String, String> fields) {
        session(what, PppProtocol.LCP, p, "lcp", fields);
    }

    private void session(String what, PppProtocol protocol, CodedPacket p, String proto, Map<String, String> fields) {
        PppFrame ppp = new PppFrame(protocol, Octets.of(p.toBytes()));
        ByteBuffer payload = ByteBuffer.allocate(ppp.encodedLength(true, false) );
        ppp.emitProtocolAndInformation(payload, false);
        payload.flip();
        PppoeSession s = new PppoeSession(SESSION, ByteString.fromByteBuffer(payload));
        ByteString frame = new EthernetHeader(AC, CLIENT, PppoeConstants.ETHERTYPE_SESSION).frame(s);
        expected.add(new Expect(what, frame.toArray(), proto, fields));
    }

    // --- the checks ----------------------------------------------------------------------------

    @Test
    void everyFrame_isDecoded() {
        assertEquals(expected.size(), decoded.size(), "tshark decoded a different number of frames");
    }

    @Test
    void everyFrame_hasTheRightProtocolAndFields() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Expect e = expected.get(i);
            Tshark.Packet p = decoded.get(i);
            if (!p.protocols().contains(e.protocol())) {
                problems.add(e.description() + ": protocols " + p.protocols() + " lack " + e.protocol());
            }
            if (e.protocol().equals("pppoed") == p.protocols().contains("pppoes")) {
                problems.add(e.description() + ": wrong PPPoE stage " + p.protocols());
            }
            e.fields().forEach((field, value) -> {
                if (!p.values(field).contains(value)) {
                    problems.add(e.description() + ": " + field + " = " + p.values(field) + ", expected " + value);
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void noFrame_isMalformedOrFlaggedByAnExpert() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Tshark.Packet p = decoded.get(i);
            if (p.protocols().contains("_ws.malformed")) {
                problems.add(expected.get(i).description() + ": malformed");
            }
            List<String> severities = p.values("_ws.expert.severity");
            List<String> groups = p.values("_ws.expert.group");
            for (int k = 0; k < severities.size(); k++) {
                if (Integer.parseInt(severities.get(k)) >= SEVERITY_WARN && !GROUP_SECURITY.equals(groups.get(k))) {
                    problems.add(expected.get(i).description() + ": expert " + p.values("_ws.expert.message"));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void papRequest_carriesPeerIdAndPasswordFields() {
        // The oracle sees the fields we put there (PAP sends the password in clear, RFC 1334 §2.2).
        Tshark.Packet pap = decoded.get(indexOf("PAP AuthReq"));
        assertFalse(pap.values("pap.password").isEmpty());
    }

    private int indexOf(String description) {
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).description().equals(description)) {
                return i;
            }
        }
        throw new IllegalArgumentException(description);
    }
}
