package org.jppp.protocol.cp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.jppp.protocol.fsm.Fsm;
import org.jppp.protocol.fsm.FsmAction;
import org.jppp.protocol.fsm.FsmConfig;
import org.jppp.protocol.fsm.FsmResult;
import org.jppp.protocol.fsm.FsmState;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.junit.jupiter.api.Test;

/** Two negotiating peers joined back to back reach Opened and agree on what they negotiated. */
class EndToEndTest {
    static final FsmAction TLU = new FsmAction.ThisLayerUp();

    /** Both Opened, each having signalled This-Layer-Up exactly once. */
    private static void assertBothOpened(BackToBack link) {
        assertEquals(FsmState.OPENED, link.a.fsm.state(), "side a");
        assertEquals(FsmState.OPENED, link.b.fsm.state(), "side b");
        assertEquals(1, link.a.count(TLU), "side a This-Layer-Up");
        assertEquals(1, link.b.count(TLU), "side b This-Layer-Up");
    }

    @Test
    void lcp_clientAndAuthenticatingServer_open() {
        LcpHandler client = new LcpHandler(LcpSettings.DEFAULT.forPppoe()
                .withAuth(Set.of(), EnumSet.of(AuthMethod.PAP, AuthMethod.CHAP_MD5)), new Random(1));
        LcpHandler server = new LcpHandler(LcpSettings.DEFAULT.forPppoe()
                .withAuth(EnumSet.of(AuthMethod.EAP, AuthMethod.CHAP_MD5), Set.of()), new Random(2));
        BackToBack link = new BackToBack(client, server, n -> false).openBoth();
        assertBothOpened(link);
        assertEquals(List.of(AuthMethod.CHAP_MD5), server.ours().auth(), "EAP Naked, CHAP MD5 agreed");
        assertEquals(List.of(AuthMethod.CHAP_MD5), client.his().auth());
        assertEquals(OptionalInt.of(1492), client.his().mru());
        assertEquals(server.ours().magic(), client.his().magic());
        assertNotEquals(client.ours().magic(), server.ours().magic());

        // Opened: an Echo-Request is answered with the server's magic (ser/9).
        ControlPacket echo = new ControlPacket(ControlCode.ECHO_REQUEST, 0x21, new byte[] {
            0x01, 0x02, 0x03, 0x04, // client's magic (not checked)
        });
        ControlPacket reply = link.b.fsm.receive(echo).sent().get(0);
        assertEquals(ControlCode.ECHO_REPLY, reply.code());
        assertEquals(0x21, reply.identifier());
        assertEquals(server.ours().magic().getAsInt(), reply.dataBuffer().getInt());
    }

    @Test
    void ipcp_clientGetsAddressAndDnsFromServer() {
        IpcpHandler client = new IpcpHandler(IpcpSettings.CLIENT);
        IpcpHandler server = new IpcpHandler(IpcpSettings.server(IpcpHandlerTest.SERVER, IpcpHandlerTest.CLIENT,
                List.of(IpcpHandlerTest.DNS1, IpcpHandlerTest.DNS2)));
        BackToBack link = new BackToBack(client, server, n -> false).openBoth();
        assertBothOpened(link);
        assertEquals(Optional.of(IpcpHandlerTest.CLIENT), client.localAddress());
        assertEquals(Optional.of(IpcpHandlerTest.SERVER), client.remoteAddress());
        assertEquals(List.of(IpcpHandlerTest.DNS1, IpcpHandlerTest.DNS2), client.peerDns());
        assertEquals(Optional.of(IpcpHandlerTest.SERVER), server.localAddress());
        assertEquals(Optional.of(IpcpHandlerTest.CLIENT), server.remoteAddress());
    }

    @Test
    void ipv6cp_collidingIdentifiers_areResolved() {
        Ipv6cpSettings same = new Ipv6cpSettings(0x0123456789ABCDEFL, 0);
        Ipv6cpHandler a = new Ipv6cpHandler(same, new Random(3));
        Ipv6cpHandler b = new Ipv6cpHandler(same, new Random(4));
        BackToBack link = new BackToBack(a, b, n -> false).openBoth();
        assertBothOpened(link);
        assertNotEquals(a.ours(), b.ours());
        assertEquals(a.ours(), b.his());
        assertEquals(b.ours(), a.his());
    }

    @Test
    void lcp_lostPackets_areRecoveredByRetransmission() {
        LcpHandler a = new LcpHandler(LcpSettings.DEFAULT, new Random(5));
        LcpHandler b = new LcpHandler(LcpSettings.DEFAULT, new Random(6));
        // Both first requests vanish, then the Ack of a's retransmitted one.
        BackToBack link = new BackToBack(a, b, n -> n == 1 || n == 2 || n == 4).openBoth();
        // b opens on a's Ack; a's own retransmission, which b's lost Ack would have stopped, then
        // reaches b in Opened (RCR+ in Opened: tld,scr,sca/8): b goes down and opens again.
        assertEquals(FsmState.OPENED, link.a.fsm.state());
        assertEquals(FsmState.OPENED, link.b.fsm.state());
        assertEquals(1, link.a.count(TLU));
        assertEquals(2, link.b.count(TLU));
        assertEquals(3, link.a.timeouts + link.b.timeouts, "timers drove the retransmissions");
        assertEquals(1, link.b.count(new FsmAction.ThisLayerDown()));
        assertEquals(b.ours().magic(), a.his().magic());
    }

    @Test
    void ipcp_deadPeer_givesUpAfterMaxConfigure() {
        BackToBack link = new BackToBack(new IpcpHandler(IpcpSettings.CLIENT),
                new IpcpHandler(IpcpSettings.CLIENT), n -> true).openBoth();
        assertEquals(FsmState.STOPPED, link.a.fsm.state());
        assertEquals(10, link.a.timeouts, "9 retransmissions and the final TO-");
        assertEquals(1, link.a.count(new FsmAction.ThisLayerFinished()));
    }

    @Test
    void lcp_loopedBackLine_isDetected() {
        Fsm fsm = new Fsm(new LcpHandler(LcpSettings.DEFAULT, new Random(7)), FsmConfig.DEFAULT.withMaxFailure(100));
        Deque<ControlPacket> loop = new ArrayDeque<>();
        Optional<org.jppp.protocol.fsm.HandlerEvent> detected = Optional.empty();
        fsm.open();
        loop.addAll(fsm.up().sent());
        for (int i = 0; i < 100 && detected.isEmpty() && !loop.isEmpty(); i++) {
            FsmResult r = fsm.receive(loop.poll());
            loop.addAll(r.sent());
            detected = r.notifications().stream().findFirst();
        }
        assertEquals(Optional.of(new LcpEvent.LoopbackDetected(10)), detected);
    }
}
