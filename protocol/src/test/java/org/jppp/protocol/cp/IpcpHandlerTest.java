package org.jppp.protocol.cp;

import static org.jppp.protocol.cp.Fixtures.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.fsm.Verdict;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.Ipv4;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IpcpHandlerTest {
    static final Inet4Address SERVER = Ipv4.parse("10.0.0.1");
    static final Inet4Address CLIENT = Ipv4.parse("10.0.0.2");
    static final Inet4Address DNS1 = Ipv4.parse("192.0.2.53");
    static final Inet4Address DNS2 = Ipv4.parse("192.0.2.54");

    /** The request of a {@code noipdefault usepeerdns} client. */
    static final List<ConfigOption> CLIENT_REQUEST = options(
            0x03, 0x06, 0, 0, 0, 0, // addr 0.0.0.0: assign me one
            0x81, 0x06, 0, 0, 0, 0, // ms-dns1 0.0.0.0: tell me
            0x83, 0x06, 0, 0, 0, 0); // ms-dns2 0.0.0.0: tell me

    /** The server's Nak of it. */
    static final List<ConfigOption> SERVER_NAK = options(
            0x03, 0x06, 10, 0, 0, 2, // addr 10.0.0.2
            0x81, 0x06, 192, 0, 2, 53, // ms-dns1 192.0.2.53
            0x83, 0x06, 192, 0, 2, 54); // ms-dns2 192.0.2.54

    private static IpcpHandler client() {
        IpcpHandler h = new IpcpHandler(IpcpSettings.CLIENT);
        h.resetOptions();
        return h;
    }

    private static IpcpHandler server(List<Inet4Address> dns) {
        IpcpHandler h = new IpcpHandler(IpcpSettings.server(SERVER, CLIENT, dns));
        h.resetOptions();
        return h;
    }

    @Nested
    class Client {
        @Test
        void asksForAddressAndDns() {
            assertEquals(CLIENT_REQUEST, client().buildRequest());
        }

        @Test
        void adoptsTheServersNak() {
            IpcpHandler h = client();
            h.nakReceived(SERVER_NAK);
            assertEquals(SERVER_NAK, h.buildRequest());
            assertEquals(Optional.of(CLIENT), h.localAddress());
            assertEquals(List.of(DNS1, DNS2), h.peerDns());
        }

        @Test
        void dnsRejected_stopsAskingForIt() {
            IpcpHandler h = client();
            h.rejectReceived(options(
                    0x81, 0x06, 0, 0, 0, 0, // ms-dns1
                    0x83, 0x06, 0, 0, 0, 0)); // ms-dns2
            assertEquals(options(
                    0x03, 0x06, 0, 0, 0, 0), // addr 0.0.0.0
                    h.buildRequest());
        }

        @Test
        void fixedLocalAddress_ignoresNakUnlessAcceptLocal() {
            IpcpSettings fixed = new IpcpSettings(CLIENT, Ipv4.ANY, false, false, false, List.of());
            IpcpHandler h = new IpcpHandler(fixed);
            h.resetOptions();
            h.nakReceived(options(
                    0x03, 0x06, 10, 9, 9, 9)); // addr 10.9.9.9
            assertEquals(Optional.of(CLIENT), h.localAddress());
            IpcpHandler accepting = new IpcpHandler(new IpcpSettings(CLIENT, Ipv4.ANY, true, false, false, List.of()));
            accepting.resetOptions();
            accepting.nakReceived(options(
                    0x03, 0x06, 10, 9, 9, 9)); // addr 10.9.9.9
            assertEquals(Optional.of(Ipv4.parse("10.9.9.9")), accepting.localAddress());
        }
    }

    @Nested
    class Server {
        @Test
        void naksAClientAskingForEverything() {
            assertEquals(Verdict.nak(SERVER_NAK), server(List.of(DNS1, DNS2)).judgeRequest(CLIENT_REQUEST));
        }

        @Test
        void acksTheAdoptedRequestAndRecordsIt() {
            IpcpHandler h = server(List.of(DNS1, DNS2));
            assertEquals(Verdict.ack(), h.judgeRequest(SERVER_NAK));
            h.ackSent(SERVER_NAK);
            assertEquals(Optional.of(CLIENT), h.remoteAddress());
        }

        @Test
        void withoutMsDns_rejectsDnsRequests() {
            assertEquals(Verdict.reject(options(
                    0x81, 0x06, 0, 0, 0, 0, // ms-dns1
                    0x83, 0x06, 0, 0, 0, 0)), // ms-dns2
                    server(List.of()).judgeRequest(CLIENT_REQUEST));
        }

        @Test
        void withOneMsDns_rejectsOnlyTheSecondary() {
            assertEquals(Verdict.reject(options(
                    0x83, 0x06, 0, 0, 0, 0)), // ms-dns2
                    server(List.of(DNS1)).judgeRequest(CLIENT_REQUEST));
        }

        @Test
        void vjAndIpAddressesAndWins_areRejected() {
            List<ConfigOption> asked = options(
                    0x02, 0x06, 0x00, 0x2D, 0x0F, 0x01, // compress VJ 0f 01
                    0x01, 0x0A, 10, 0, 0, 2, 10, 0, 0, 1, // addrs 10.0.0.2 10.0.0.1
                    0x82, 0x06, 0, 0, 0, 0); // ms-wins1
            assertEquals(Verdict.reject(asked), server(List.of(DNS1)).judgeRequest(asked));
        }

        @Test
        void clientWithOtherAddress_isNakedUnlessAcceptRemote() {
            List<ConfigOption> asked = options(
                    0x03, 0x06, 10, 0, 0, 77); // addr 10.0.0.77
            assertEquals(Verdict.nak(options(
                    0x03, 0x06, 10, 0, 0, 2)), // addr 10.0.0.2
                    server(List.of()).judgeRequest(asked));
            IpcpHandler accepting = new IpcpHandler(new IpcpSettings(SERVER, CLIENT, false, true, false, List.of()));
            assertEquals(Verdict.ack(), accepting.judgeRequest(asked));
        }

        @Test
        void zeroAddressWhenWeHaveNoneToGive_isRejected() {
            List<ConfigOption> asked = options(
                    0x03, 0x06, 0, 0, 0, 0); // addr 0.0.0.0
            assertEquals(Verdict.reject(asked), client().judgeRequest(asked));
        }

        @Test
        void peerOmittingItsAddress_isNakedWithTheOneWeAssign() {
            assertEquals(Verdict.nak(options(
                    0x03, 0x06, 10, 0, 0, 2)), // addr 10.0.0.2
                    server(List.of()).judgeRequest(List.of()));
        }
    }
}
