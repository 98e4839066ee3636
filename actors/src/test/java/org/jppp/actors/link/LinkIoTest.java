package org.jppp.actors.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.actors.Phase;
import org.jppp.actors.PppdLog;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.PppProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** LinkIo's routing by protocol and phase (RFC 1661 §3.2-3.5), Protocol-Reject (§5.7) and the IP gates. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogCapturingExtension.class)
class LinkIoTest {
    private static final Duration QUIET = Duration.ofMillis(200);

    private final ActorTestKit kit = ActorTestKit.create();

    /** The peer's end of the lower link: frames we push in, frames LinkIo sent. */
    private BoundedSourceQueue<ByteString> peer;
    private TestProbe<ByteString> sentToPeer;
    /** The IP side: packets the host sends, packets delivered to it. */
    private BoundedSourceQueue<ByteString> host;
    private TestProbe<ByteString> deliveredToHost;
    private TestProbe<LinkIo.Event> owner;
    private LinkCounters counters;
    private ActorRef<LinkIo.Command> link;
    private TestProbe<LinkIo.Inbound> lcp;

    @AfterAll
    void shutdown() {
        kit.shutdownTestKit();
    }

    @BeforeEach
    void start() {
        Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> fromPeer =
                Source.<ByteString>queue(4096).preMaterialize(kit.system());
        Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> fromHost =
                Source.<ByteString>queue(4096).preMaterialize(kit.system());
        peer = fromPeer.first();
        host = fromHost.first();
        sentToPeer = kit.createTestProbe();
        deliveredToHost = kit.createTestProbe();
        owner = kit.createTestProbe();
        counters = new LinkCounters();
        Flow<ByteString, ByteString, NotUsed> lower =
                Flow.fromSinkAndSource(Sink.foreach(sentToPeer.getRef()::tell), fromPeer.second());
        Flow<ByteString, ByteString, NotUsed> ip =
                Flow.fromSinkAndSource(Sink.foreach(deliveredToHost.getRef()::tell), fromHost.second());
        link = kit.spawn(LinkIo.create(LowerLink.of(lower), ip, Set.of(PppProtocol.LCP, PppProtocol.IPV6CP),
                counters, owner.getRef()));
        lcp = register(PppProtocol.LCP);
    }

    @AfterEach
    void stop() {
        kit.stop(link);
    }

    private TestProbe<LinkIo.Inbound> register(PppProtocol protocol) {
        TestProbe<LinkIo.Inbound> probe = kit.createTestProbe();
        link.tell(new LinkIo.Register(protocol, probe.getRef()));
        return probe;
    }

    private static ByteString frame(int protocol, int... information) {
        byte[] b = new byte[2 + information.length];
        b[0] = (byte) (protocol >> 8);
        b[1] = (byte) protocol;
        for (int i = 0; i < information.length; i++) {
            b[2 + i] = (byte) information[i];
        }
        return ByteString.fromArray(b);
    }

    /** An Echo-Request: code 9, id 1, length 8, magic 0. */
    private static ByteString lcpEcho() {
        return frame(0xC021, 0x09, 0x01, 0x00, 0x08, 0, 0, 0, 0);
    }

    /** A Configure-Request with no options: code 1, id 7, length 4. */
    private static ByteString confReq(int protocol) {
        return frame(protocol, 0x01, 0x07, 0x00, 0x04);
    }

    /** Messages to LinkIo and frames through the stream are ordered by having LCP see a frame. */
    private void settle() {
        peer.offer(lcpEcho());
        lcp.expectMessageClass(LinkIo.Inbound.class);
    }

    private void enter(Phase phase) {
        link.tell(new LinkIo.SetPhase(phase));
        settle();
    }

    @Test
    void establish_lcpDelivered_ncpDiscardedAndCounted() {
        TestProbe<LinkIo.Inbound> ipcp = register(PppProtocol.IPCP);
        peer.offer(confReq(0xC021));
        peer.offer(confReq(0x8021));
        LinkIo.Inbound in = lcp.expectMessageClass(LinkIo.Inbound.class);
        assertEquals(new ControlPacket(ControlCode.CONFIGURE_REQUEST, 7, new byte[0]), in.packet());
        settle();
        ipcp.expectNoMessage(QUIET);
        assertEquals(1, counters.get(LinkCounter.CONTROL_DISCARDED));
    }

    @Test
    void authenticate_authDelivered_ncpDiscarded() {
        TestProbe<LinkIo.Inbound> pap = register(PppProtocol.PAP);
        TestProbe<LinkIo.Inbound> ipcp = register(PppProtocol.IPCP);
        peer.offer(frame(0xC023, 0x01, 0x01, 0x00, 0x06, 0x00, 0x00));
        settle();
        pap.expectNoMessage(QUIET);
        enter(Phase.AUTHENTICATE);
        peer.offer(frame(0xC023, 0x01, 0x02, 0x00, 0x06, 0x00, 0x00));
        peer.offer(confReq(0x8021));
        assertEquals(2, pap.expectMessageClass(LinkIo.Inbound.class).packet().identifier());
        settle();
        ipcp.expectNoMessage(QUIET);
        assertEquals(2, counters.get(LinkCounter.CONTROL_DISCARDED));
    }

    @Test
    void network_ncpDelivered() {
        TestProbe<LinkIo.Inbound> ipcp = register(PppProtocol.IPCP);
        enter(Phase.NETWORK);
        peer.offer(confReq(0x8021));
        assertEquals(PppProtocol.IPCP, ipcp.expectMessageClass(LinkIo.Inbound.class).protocol());
    }

    @Test
    void network_unknownProtocol_protocolReject() {
        enter(Phase.NETWORK);
        peer.offer(frame(0x80FD, 0x01, 0x01, 0x00, 0x04));
        ByteString expected = ByteString.fromArray(new byte[] {
            (byte) 0xC0, 0x21,       // protocol = LCP
            0x08,                    // code = Protocol-Reject
            0x01,                    // identifier
            0x00, 0x0A,              // length = 10
            (byte) 0x80, (byte) 0xFD, // rejected protocol = CCP
            0x01, 0x01, 0x00, 0x04,  // rejected information: CCP Configure-Request
        });
        assertEquals(expected, sentToPeer.receiveMessage());
        assertEquals(1, counters.get(LinkCounter.PROTOCOL_REJECTS));
    }

    @Test
    void establish_unknownProtocol_noRejectBeforeLcpOpened() {
        peer.offer(frame(0x80FD, 0x01, 0x01, 0x00, 0x04));
        settle();
        sentToPeer.expectNoMessage(QUIET);
        assertEquals(0, counters.get(LinkCounter.PROTOCOL_REJECTS));
        assertEquals(1, counters.get(LinkCounter.CONTROL_DISCARDED));
    }

    @Test
    void network_malformedControlPacket_countedNotDelivered() {
        TestProbe<LinkIo.Inbound> ipcp = register(PppProtocol.IPCP);
        enter(Phase.NETWORK);
        peer.offer(frame(0x8021, 0x01, 0x07, 0x00, 0x09)); // length 9, only 4 octets present
        settle();
        ipcp.expectNoMessage(QUIET);
        assertEquals(1, counters.get(LinkCounter.MALFORMED));
    }

    @Test
    void transmit_prependsProtocolField_tracedAsPppd() {
        LoggingTestKit.debug("sent [IPCP TermAck id=0x3]").withLoggerName(PppdLog.NAME).expect(kit.system(), () -> {
            link.tell(new LinkIo.Transmit(PppProtocol.IPCP, new ControlPacket(ControlCode.TERMINATE_ACK, 3, new byte[0])));
            return null;
        });
        assertEquals(frame(0x8021, 0x06, 0x03, 0x00, 0x04), sentToPeer.receiveMessage());
    }

    @Test
    void received_tracedAsPppd() {
        LoggingTestKit.debug("rcvd [LCP EchoReq id=0x1 magic=0x0]").withLoggerName(PppdLog.NAME)
                .expect(kit.system(), () -> {
                    settle();
                    return null;
                });
    }

    @Test
    void ipv4_gatedUntilIpcpOpened_bothDirections() {
        enter(Phase.NETWORK);
        ByteString datagram = ByteString.fromArray(new byte[] {0x45, 0, 0, 20});
        peer.offer(frame(0x0021, 0x45, 0, 0, 20));
        host.offer(datagram);
        settle();
        deliveredToHost.expectNoMessage(QUIET);
        sentToPeer.expectNoMessage(QUIET);
        assertEquals(2, counters.get(LinkCounter.IP_DROPPED));

        link.tell(new LinkIo.SetGate(PppProtocol.IPV4, true));
        settle();
        peer.offer(frame(0x0021, 0x45, 0, 0, 20));
        host.offer(datagram);
        assertEquals(datagram, deliveredToHost.receiveMessage());
        assertEquals(frame(0x0021, 0x45, 0, 0, 20), sentToPeer.receiveMessage());
        // IPv6 has its own gate, still closed.
        host.offer(ByteString.fromArray(new byte[] {0x60, 0, 0, 0}));
        sentToPeer.expectNoMessage(QUIET);
    }

    @Test
    void ipData_neverAnActorMessage() {
        List<TestProbe<LinkIo.Inbound>> control = List.of(lcp, register(PppProtocol.IPCP), register(PppProtocol.IPV6CP));
        enter(Phase.NETWORK);
        link.tell(new LinkIo.SetGate(PppProtocol.IPV4, true));
        link.tell(new LinkIo.SetGate(PppProtocol.IPV6, true));
        settle();
        for (int i = 0; i < 1000; i++) {
            peer.offer(i % 2 == 0 ? frame(0x0021, 0x45, i & 0xFF) : frame(0x0057, 0x60, i & 0xFF));
        }
        List<ByteString> delivered = deliveredToHost.receiveSeveralMessages(1000, Duration.ofSeconds(10));
        assertEquals(ByteString.fromArray(new byte[] {0x60, (byte) 999}), delivered.get(999));
        control.forEach(p -> p.expectNoMessage(QUIET));
        assertEquals(1000, counters.get(LinkCounter.IP_IN));
    }

    @Test
    void expectedNcp_overtakesPhaseChange_heldThenDelivered() {
        peer.offer(confReq(0x8057)); // the peer opened LCP a moment before our session knew
        settle();
        enter(Phase.NETWORK);
        TestProbe<LinkIo.Inbound> ipv6cp = register(PppProtocol.IPV6CP);
        assertEquals(PppProtocol.IPV6CP, ipv6cp.expectMessageClass(LinkIo.Inbound.class).protocol());
        assertEquals(0, counters.get(LinkCounter.CONTROL_DISCARDED));
        assertEquals(0, counters.get(LinkCounter.PROTOCOL_REJECTS));
    }

    /**
     * The authenticator's Success and its first NCP Configure-Request come back to back, before
     * our session moved to the Network phase and started the NCP: pppd reads them in order; here
     * the NCP's packet is held and handed over once the phase and the NCP's receiver are there.
     */
    @Test
    void chapSuccessThenNcpConfReq_backToBack_ncpDeliveredOnceNetworkStarts() {
        enter(Phase.AUTHENTICATE);
        TestProbe<LinkIo.Inbound> chap = register(PppProtocol.CHAP);
        peer.offer(frame(0xC223, 0x03, 0x01, 0x00, 0x04)); // CHAP Success, id 1, length 4
        peer.offer(confReq(0x8057));
        assertEquals(PppProtocol.CHAP, chap.expectMessageClass(LinkIo.Inbound.class).protocol());
        settle();
        link.tell(new LinkIo.SetPhase(Phase.NETWORK));
        TestProbe<LinkIo.Inbound> ipv6cp = register(PppProtocol.IPV6CP);
        LinkIo.Inbound in = ipv6cp.expectMessageClass(LinkIo.Inbound.class);
        assertEquals(new ControlPacket(ControlCode.CONFIGURE_REQUEST, 7, new byte[0]), in.packet());
        assertEquals(0, counters.get(LinkCounter.CONTROL_DISCARDED));
    }

    /**
     * LCP went down during authentication and comes up again: the old authentication actor may
     * still be handling what it had received, but CHAP packets that arrive after the fall-back
     * are for the next one (pppd's single loop hands them to the restarted CHAP). The old
     * receiver is dropped at the fall-back; its late Unregister does not touch the new one.
     */
    @Test
    void lcpFallsBack_oldAuthReceiverDropped_laterPacketsGoToTheNextOne() {
        enter(Phase.AUTHENTICATE);
        TestProbe<LinkIo.Inbound> oldChap = register(PppProtocol.CHAP);
        peer.offer(frame(0xC223, 0x01, 0x01, 0x00, 0x04)); // CHAP Challenge, id 1, length 4
        assertEquals(1, oldChap.expectMessageClass(LinkIo.Inbound.class).packet().identifier());
        enter(Phase.ESTABLISH);
        enter(Phase.AUTHENTICATE);
        TestProbe<LinkIo.Inbound> newChap = register(PppProtocol.CHAP);
        link.tell(new LinkIo.Unregister(PppProtocol.CHAP, oldChap.getRef()));
        peer.offer(frame(0xC223, 0x01, 0x02, 0x00, 0x04));
        assertEquals(2, newChap.expectMessageClass(LinkIo.Inbound.class).packet().identifier());
        oldChap.expectNoMessage(QUIET);
    }

    @Test
    void expectedNcp_heldThenPhaseFallsBack_discarded() {
        peer.offer(confReq(0x8057));
        settle();
        enter(Phase.TERMINATE);
        TestProbe<LinkIo.Inbound> ipv6cp = register(PppProtocol.IPV6CP);
        settle();
        ipv6cp.expectNoMessage(QUIET);
        assertEquals(1, counters.get(LinkCounter.CONTROL_DISCARDED));
    }

    @Test
    void lowerLinkCompletes_ownerTold() {
        peer.complete();
        assertEquals(new LinkIo.LowerLinkEnded(Optional.empty()), owner.receiveMessage());
    }

    @Test
    void applyParameters_boundsProtocolRejectByPeerMru() {
        enter(Phase.NETWORK);
        link.tell(new LinkIo.ApplyParameters(new LinkParameters(0, 0, 8, 1500, false, false)));
        settle();
        peer.offer(frame(0x80FD, 0x01, 0x01, 0x00, 0x04));
        // MRU 8: 4 header octets and 4 of the rejected protocol and information.
        assertEquals(frame(0xC021, 0x08, 0x01, 0x00, 0x08, 0x80, 0xFD, 0x01, 0x01), sentToPeer.receiveMessage());
    }
}
