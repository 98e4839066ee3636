package org.jppp.actors.cp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.PppdLog;
import org.jppp.actors.link.LinkIo;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.protocol.fsm.FsmConfig;
import org.jppp.protocol.fsm.FsmState;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.PppProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ControlProtocol actor with the link replaced by a probe and time by {@link ManualTime}:
 * the Restart timer, Max-Configure, the Opened exchange, the echo keepalive and loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogCapturingExtension.class)
class ControlProtocolTest {
    private static final Duration RESTART = FsmConfig.DEFAULT.restartTimer();
    private static final Duration ECHO = Duration.ofSeconds(5);

    private final ActorTestKit kit =
            ActorTestKit.create(ManualTime.config().withFallback(ActorTestKit.applicationTestConfig()));
    private final ManualTime time = ManualTime.get(kit.system());
    private final AtomicLong framesIn = new AtomicLong();

    @AfterAll
    void shutdown() {
        kit.shutdownTestKit();
    }

    /** One automaton under test, its link and its parent. */
    private final class Harness {
        final TestProbe<LinkIo.Command> link = kit.createTestProbe();
        final TestProbe<ControlProtocol.Report> parent = kit.createTestProbe();
        final ActorRef<ControlProtocol.Command> actor;
        final PppProtocol protocol;
        /** Where the link delivers the peer's packets: known once the automaton registered. */
        ActorRef<LinkIo.Inbound> inbound;

        Harness(ControlProtocol.Spec spec) {
            protocol = spec.protocol();
            actor = kit.spawn(ControlProtocol.create(spec, link.getRef(), parent.getRef()));
        }

        ControlPacket sent() {
            LinkIo.Transmit t = link.expectMessageClass(LinkIo.Transmit.class);
            assertEquals(protocol, t.protocol());
            return t.packet();
        }

        void receive(ControlPacket p) {
            inbound.tell(new LinkIo.Inbound(protocol, p));
        }

        /**
         * Open and Up: the first Configure-Request goes out (Initial -> Starting -> Req-Sent), and
         * only then does the automaton ask the link for the peer's packets.
         */
        ControlPacket start() {
            actor.tell(new ControlProtocol.Open());
            actor.tell(new ControlProtocol.Up());
            ControlPacket request = sent();
            assertEquals(ControlCode.CONFIGURE_REQUEST, request.code());
            LinkIo.Register register = link.expectMessageClass(LinkIo.Register.class);
            assertEquals(protocol, register.protocol());
            inbound = register.receiver();
            return request;
        }

        /** The peer acks our request and sends an empty one we ack: Opened. */
        ControlProtocol.LayerUp open() {
            ControlPacket request = start();
            receive(new ControlPacket(ControlCode.CONFIGURE_ACK, request.identifier(), request.data()));
            receive(new ControlPacket(ControlCode.CONFIGURE_REQUEST, 0x40, new byte[0]));
            assertEquals(ControlCode.CONFIGURE_ACK, sent().code());
            return parent.expectMessageClass(ControlProtocol.LayerUp.class);
        }
    }

    private ControlProtocol.Spec lcp(FsmConfig fsm, EchoKeepalive.Settings echo) {
        return ControlProtocol.Spec.lcp(LcpSettings.DEFAULT, fsm, new SplittableRandom(1), echo);
    }

    private EchoKeepalive.Settings echo(int failures, boolean adaptive) {
        return new EchoKeepalive.Settings(ECHO, failures, adaptive, framesIn::get);
    }

    private ControlProtocol.Spec lcpWithoutEcho() {
        return lcp(FsmConfig.DEFAULT, new EchoKeepalive.Settings(Duration.ZERO, 0, false, framesIn::get));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Initial {
        /**
         * The parent's Open and Up and the peer's first packet come from different actors; if the
         * automaton registered at once, the link could hand it the peer's Configure-Request while
         * still in Initial (RCR ignored there, the peer waiting for its Restart timer). It asks for
         * the peer's packets only once Up made it send its own Configure-Request.
         */
        @Test
        void initial_noRegisterUntilUp_thenRegisteredAfterOwnConfReq() {
            Harness h = new Harness(ControlProtocol.Spec.ipcp(
                    IpcpSettings.server(Ipv4.parse("10.78.0.1"), Ipv4.ANY, List.of()), FsmConfig.DEFAULT));
            h.actor.tell(new ControlProtocol.Open());
            h.link.expectNoMessage(Duration.ofMillis(200));
            h.actor.tell(new ControlProtocol.Up());
            assertEquals(ControlCode.CONFIGURE_REQUEST, h.sent().code());
            LinkIo.Register register = h.link.expectMessageClass(LinkIo.Register.class);
            assertEquals(PppProtocol.IPCP, register.protocol());
            h.inbound = register.receiver();
            // The peer's request, delivered now, is answered in Req-Sent: RCR+ (sca/8).
            h.receive(new ControlPacket(ControlCode.CONFIGURE_REQUEST, 1, new byte[] {3, 6, 10, 78, 0, 2}));
            ControlPacket answer = h.sent();
            assertEquals(ControlCode.CONFIGURE_ACK, answer.code());
            assertEquals(1, answer.identifier());
        }

        @Test
        void initial_downAndUpAgain_registersOnce() {
            Harness h = new Harness(lcpWithoutEcho());
            h.start();
            h.actor.tell(new ControlProtocol.Down());
            h.actor.tell(new ControlProtocol.Up());
            assertEquals(ControlCode.CONFIGURE_REQUEST, h.sent().code());
            time.expectNoMessageFor(Duration.ofMillis(1), h.link);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ReqSent {
        @Test
        void reqSent_timeout_retransmitsConfReqAfterRestartTimer() {
            Harness h = new Harness(lcpWithoutEcho());
            ControlPacket first = h.start();
            time.expectNoMessageFor(RESTART.minusMillis(1), h.link);
            time.timePasses(Duration.ofMillis(1));
            ControlPacket again = h.sent();
            assertEquals(first, again, "TO+ retransmits the unanswered request unchanged");
        }

        @Test
        void reqSent_maxConfigureExhausted_tlfFinishes() {
            Harness h = new Harness(lcp(FsmConfig.DEFAULT.withMaxConfigure(3),
                    new EchoKeepalive.Settings(Duration.ZERO, 0, false, framesIn::get)));
            h.start();
            time.timePasses(RESTART);
            h.sent();
            time.timePasses(RESTART);
            h.sent();
            LoggingTestKit.warn("LCP: timeout sending Config-Requests").withLoggerName(PppdLog.NAME)
                    .expect(kit.system(), () -> {
                        time.timePasses(RESTART);
                        return null;
                    });
            assertEquals(new ControlProtocol.LayerFinished(PppProtocol.LCP), h.parent.receiveMessage());
            time.expectNoMessageFor(RESTART.multipliedBy(2), h.link);
        }

        @Test
        void reqSent_rcaThenRcrPlus_opened() {
            Harness h = new Harness(lcpWithoutEcho());
            ControlProtocol.LayerUp up = h.open();
            Negotiated.Lcp values = assertInstanceOf(Negotiated.Lcp.class, up.negotiated());
            assertEquals(OptionalInt.of(0), values.ours().asyncmap(), "our ACCM 0 was acked");
            assertTrue(values.ours().magic().isPresent());
            time.expectNoMessageFor(RESTART.multipliedBy(2), h.link);
        }

        @Test
        void ipcp_opened_reportsAddresses() {
            Harness h = new Harness(ControlProtocol.Spec.ipcp(
                    IpcpSettings.server(Ipv4.parse("10.78.0.1"), Ipv4.ANY, List.of()), FsmConfig.DEFAULT));
            Negotiated.Ipcp ip = assertInstanceOf(Negotiated.Ipcp.class, h.open().negotiated());
            assertEquals(Ipv4.parse("10.78.0.1"), ip.local().orElseThrow());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Opened {
        @Test
        void opened_rtr_terminatedByPeer_exitHangup() {
            Harness h = new Harness(lcpWithoutEcho());
            h.open();
            LoggingTestKit.info("LCP terminated by peer (bye)").withLoggerName(PppdLog.NAME)
                    .expect(kit.system(), () -> {
                        h.receive(new ControlPacket(ControlCode.TERMINATE_REQUEST, 9, "bye".getBytes()));
                        return null;
                    });
            assertEquals(new ControlPacket(ControlCode.TERMINATE_ACK, 9, new byte[0]), h.sent());
            assertEquals(new ControlProtocol.LinkFailed(PppProtocol.LCP, ExitStatus.EXIT_HANGUP,
                    "LCP terminated by peer (bye)"), h.parent.receiveMessage());
            assertEquals(new ControlProtocol.LayerDown(PppProtocol.LCP, FsmState.STOPPING), h.parent.receiveMessage());
            time.timePasses(RESTART);
            assertEquals(new ControlProtocol.LayerFinished(PppProtocol.LCP), h.parent.receiveMessage());
        }

        @Test
        void opened_echoUnanswered_peerDeadExit15() {
            Harness h = new Harness(lcp(FsmConfig.DEFAULT, echo(3, false)));
            int magic = ((Negotiated.Lcp) h.open().negotiated()).ours().magic().orElseThrow();
            for (int i = 0; i < 3; i++) {
                time.timePasses(ECHO);
                ControlPacket request = h.sent();
                assertEquals(ControlCode.ECHO_REQUEST, request.code());
                assertEquals(i, request.identifier());
                assertEquals(magic, ByteBuffer.wrap(request.data()).getInt());
            }
            LoggingTestKit.info("No response to 3 echo-requests").withLoggerName(PppdLog.NAME)
                    .expect(kit.system(), () -> {
                        time.timePasses(ECHO);
                        return null;
                    });
            assertEquals(new ControlProtocol.LinkFailed(PppProtocol.LCP, ExitStatus.EXIT_PEER_DEAD,
                    "Peer not responding"), h.parent.receiveMessage());
            ControlPacket terminate = h.sent();
            assertEquals(ControlCode.TERMINATE_REQUEST, terminate.code());
            assertEquals("Peer not responding", new String(terminate.data()));
        }

        @Test
        void opened_echoAnswered_peerAlive() {
            Harness h = new Harness(lcp(FsmConfig.DEFAULT, echo(2, false)));
            h.open();
            for (int i = 0; i < 4; i++) {
                time.timePasses(ECHO);
                ControlPacket request = h.sent();
                h.receive(new ControlPacket(ControlCode.ECHO_REPLY, request.identifier(), new byte[] {1, 2, 3, 4}));
            }
            time.timePasses(ECHO);
            assertEquals(ControlCode.ECHO_REQUEST, h.sent().code());
            h.parent.expectNoMessage(Duration.ofMillis(100));
        }

        @Test
        void opened_adaptiveEcho_sentOnlyAfterSilentInterval() {
            Harness h = new Harness(lcp(FsmConfig.DEFAULT, echo(3, true)));
            h.open();
            framesIn.incrementAndGet();
            time.timePasses(ECHO);
            time.expectNoMessageFor(Duration.ofMillis(1), h.link);
            time.timePasses(ECHO);
            assertEquals(ControlCode.ECHO_REQUEST, h.sent().code(), "no traffic in the last interval");
        }

        @Test
        void loopedLine_ownMagicKeepsComingBack_loopbackExit17() {
            // Default Max-Failure (5) is below the loopback count (10): the colliding magic must
            // still be Naked, never Rejected, for the loop to be detected (pppd lcp_reqci).
            Harness h = new Harness(lcp(FsmConfig.DEFAULT,
                    new EchoKeepalive.Settings(Duration.ZERO, 0, false, framesIn::get)));
            LoggingTestKit.info("Serial line is looped back.").withLoggerName(PppdLog.NAME)
                    .expect(kit.system(), () -> {
                        ControlPacket p = h.start();
                        for (int i = 0; i < 100 && !p.code().equals(ControlCode.TERMINATE_REQUEST); i++) {
                            h.receive(p); // the line hands every packet straight back
                            p = h.sent();
                        }
                        assertEquals("Loopback detected", new String(p.data()));
                        return null;
                    });
            assertEquals(new ControlProtocol.LinkFailed(PppProtocol.LCP, ExitStatus.EXIT_LOOPBACK,
                    "Loopback detected"), h.parent.receiveMessage());
        }
    }
}
