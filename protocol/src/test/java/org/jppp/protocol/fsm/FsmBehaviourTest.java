package org.jppp.protocol.fsm;

import static org.jppp.protocol.fsm.FsmTransitionTableTest.ACK_OF_FIRST;
import static org.jppp.protocol.fsm.FsmTransitionTableTest.GOOD_REQUEST;
import static org.jppp.protocol.fsm.FsmTransitionTableTest.NAK_OF_FIRST;
import static org.jppp.protocol.fsm.FsmTransitionTableTest.packet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The automaton's counters and identifier rules (RFC 1661 §4.6, §5), beyond single table cells. */
class FsmBehaviourTest {

    static final ControlPacket NAKABLE_REQUEST = packet(ControlCode.CONFIGURE_REQUEST, 0x30, new byte[] {
        98, 0x03, 0x07, // option 98 = 7: the scripted handler Naks it, suggesting 1
        0x05, 0x06, 0x11, 0x22, 0x33, 0x44, // magic-number: acceptable
    });

    private static Fsm reqSent(FsmConfig config) {
        Fsm f = new Fsm(new ScriptedHandler(), config);
        f.open();
        f.up();
        return f;
    }

    @Nested
    class RestartCounter {
        @Test
        void reqSent_timeouts_sendMaxConfigureRequestsThenStop() {
            Fsm f = new Fsm(new ScriptedHandler(), FsmConfig.DEFAULT);
            f.open();
            int requests = f.up().sent().size();
            FsmResult r;
            while ((r = f.timeout()).event().orElseThrow() == FsmEvent.TO_PLUS) {
                requests += r.sent().size();
            }
            assertEquals(10, requests, "Max-Configure requests, then TO-");
            assertEquals(List.of(new FsmAction.ThisLayerFinished()), r.actions());
            assertEquals(FsmState.STOPPED, f.state());
        }

        @Test
        void closing_timeouts_sendMaxTerminateRequestsThenClose() {
            Fsm f = reqSent(FsmConfig.DEFAULT.withMaxTerminate(3));
            int requests = f.close("admin").sent().size();
            FsmResult r;
            while ((r = f.timeout()).event().orElseThrow() == FsmEvent.TO_PLUS) {
                requests += r.sent().size();
            }
            assertEquals(3, requests);
            assertEquals(FsmState.CLOSED, f.state());
            assertTrue(r.has(new FsmAction.ThisLayerFinished()));
        }

        @Test
        void reqSent_toMinusWhenPassive_waitsInStoppedWithoutFinished() {
            Fsm f = reqSent(FsmConfig.DEFAULT.withMaxConfigure(1).withPassive(true));
            FsmResult r = f.timeout();
            assertEquals(Optional.of(FsmEvent.TO_MINUS), r.event());
            assertEquals(List.of(), r.actions());
            assertEquals(FsmState.STOPPED, f.state());
        }

        @Test
        void timer_usesConfiguredPeriod() {
            Fsm f = new Fsm(new ScriptedHandler(), FsmConfig.DEFAULT.withRestartTimer(Duration.ofMillis(700)));
            f.open();
            assertTrue(f.up().has(new FsmAction.StartTimer(Duration.ofMillis(700))));
        }

        @Test
        void config_rejectsNonsense() {
            assertThrows(IllegalArgumentException.class, () -> FsmConfig.DEFAULT.withMaxConfigure(0));
            assertThrows(IllegalArgumentException.class, () -> FsmConfig.DEFAULT.withRestartTimer(Duration.ZERO));
        }
    }

    @Nested
    class Identifiers {
        @Test
        void reqSent_retransmission_keepsIdentifierAndOptions() {
            Fsm f = new Fsm(new ScriptedHandler(), FsmConfig.DEFAULT);
            f.open();
            ControlPacket first = f.up().sent().get(0);
            ControlPacket again = f.timeout().sent().get(0);
            assertEquals(first, again);
        }

        @Test
        void reqSent_requestAfterNak_getsNewIdentifier() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            ControlPacket next = f.receive(NAK_OF_FIRST).sent().get(0);
            assertEquals(2, next.identifier());
        }

        @Test
        void reqSent_ackWithOtherIdentifier_isDiscardedAndCounted() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            FsmResult r = f.receive(packet(ControlCode.CONFIGURE_ACK, 7, ACK_OF_FIRST.data()));
            assertEquals(Optional.empty(), r.event());
            assertEquals(List.of(), r.actions());
            assertEquals(FsmState.REQ_SENT, f.state());
            assertEquals(1, f.discardedPackets());
        }

        @Test
        void reqSent_ackWithOtherOptions_isDiscarded() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            FsmResult r = f.receive(packet(ControlCode.CONFIGURE_ACK, 1, new byte[] {0x01, 0x04, 0x05, (byte) 0xD0}));
            assertEquals(Optional.empty(), r.event());
            assertEquals(FsmState.REQ_SENT, f.state());
        }

        @Test
        void reqSent_nakWithOtherIdentifier_isDiscarded() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            FsmResult r = f.receive(packet(ControlCode.CONFIGURE_NAK, 9, NAK_OF_FIRST.data()));
            assertEquals(Optional.empty(), r.event());
            assertEquals(9, f.restartCounter(), "no irc, no scr");
        }

        @Test
        void reqSent_rejectNamingOptionWeDidNotSend_isDiscarded() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            FsmResult r = f.receive(packet(ControlCode.CONFIGURE_REJECT, 1, new byte[] {0x07, 0x02}));
            assertEquals(Optional.empty(), r.event());
        }

        @Test
        void reqSent_rejectOfOurOption_dropsItFromTheNextRequest() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            FsmResult r = f.receive(packet(ControlCode.CONFIGURE_REJECT, 1, ACK_OF_FIRST.data()));
            assertEquals(Optional.of(FsmEvent.RCN), r.event());
            assertArrayEquals(new byte[0], r.sent().get(0).data());
        }

        @Test
        void ackRcvd_duplicateAck_isDiscardedNotACrossedConnection() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            f.receive(ACK_OF_FIRST);
            FsmResult r = f.receive(ACK_OF_FIRST);
            assertEquals(Optional.empty(), r.event());
            assertEquals(FsmState.ACK_RCVD, f.state());
        }

        @Test
        void opened_lateNak_isDiscardedNotACrossedConnection() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            f.receive(GOOD_REQUEST);
            f.receive(ACK_OF_FIRST);
            FsmResult r = f.receive(NAK_OF_FIRST);
            assertEquals(Optional.empty(), r.event());
            assertEquals(FsmState.OPENED, f.state());
        }

        @Test
        void ackRcvd_timeout_resendsWithNewIdentifierAndTheAckOfThatOneIsValid() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            f.receive(ACK_OF_FIRST);
            ControlPacket again = f.timeout().sent().get(0);
            assertEquals(2, again.identifier());
            FsmResult r = f.receive(packet(ControlCode.CONFIGURE_ACK, 2, again.data()));
            assertEquals(FsmState.ACK_RCVD, r.state());
        }

        @Test
        void rtr_termAckCopiesIdentifier_andClosingRetransmitsWithSameIdentifier() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            ControlPacket term = f.close("admin").sent().get(0);
            assertArrayEquals("admin".getBytes(), term.data());
            assertEquals(term, f.timeout().sent().get(0));
        }

        @Test
        void identifiers_wrapAfter255() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            int id = 1;
            for (int i = 0; i < 256; i++) {
                id = f.receive(packet(ControlCode.CONFIGURE_NAK, id, NAK_OF_FIRST.data())).sent().get(0).identifier();
            }
            assertEquals(1, id, "request 1 plus 256 new ones wraps back to 1 (through 0)");
        }
    }

    @Nested
    class MaxFailure {
        @Test
        void reqSent_afterMaxFailureNaks_rejectsInstead() {
            Fsm f = reqSent(FsmConfig.DEFAULT.withMaxFailure(2));
            assertEquals(ControlCode.CONFIGURE_NAK, f.receive(NAKABLE_REQUEST).sent().get(0).code());
            assertEquals(ControlCode.CONFIGURE_NAK, f.receive(NAKABLE_REQUEST).sent().get(0).code());
            ControlPacket third = f.receive(NAKABLE_REQUEST).sent().get(0);
            assertEquals(ControlCode.CONFIGURE_REJECT, third.code());
            assertArrayEquals(new byte[] {98, 0x03, 0x07}, third.data(), "the peer's option, unmodified");
        }

        @Test
        void reqSent_optionExemptFromMaxFailure_staysNaked() {
            ScriptedHandler scripted = new ScriptedHandler();
            OptionHandler exempt = new DelegatingHandler(scripted) {
                @Override
                public boolean rejectAfterMaxFailure(int optionType) {
                    return optionType != 98;
                }
            };
            Fsm f = new Fsm(exempt, FsmConfig.DEFAULT.withMaxFailure(1));
            f.open();
            f.up();
            for (int i = 0; i < 5; i++) {
                assertEquals(ControlCode.CONFIGURE_NAK, f.receive(NAKABLE_REQUEST).sent().get(0).code(),
                        "Nak " + (i + 1) + " of an exempt option (LCP's Magic-Number) is never a Reject");
            }
        }

        @Test
        void reqSent_ackResetsTheFailureCount() {
            Fsm f = reqSent(FsmConfig.DEFAULT.withMaxFailure(1));
            f.receive(NAKABLE_REQUEST);
            f.receive(GOOD_REQUEST);
            assertEquals(ControlCode.CONFIGURE_NAK, f.receive(NAKABLE_REQUEST).sent().get(0).code());
        }

        @Test
        void reqSent_nakOfUnrequestedOptionOnly_becomesAckAfterMaxFailure() {
            OptionHandler wantsSomething = new DelegatingHandler(new ScriptedHandler()) {
                @Override
                public Verdict judgeRequest(List<ConfigOption> peerOptions) {
                    return Verdict.nak(List.of(new ConfigOption(3, new byte[] {(byte) 0xC0, 0x23})));
                }
            };
            Fsm f = new Fsm(wantsSomething, FsmConfig.DEFAULT.withMaxFailure(0));
            f.open();
            f.up();
            FsmResult r = f.receive(GOOD_REQUEST);
            assertEquals(Optional.of(FsmEvent.RCR_PLUS), r.event());
            assertEquals(ControlCode.CONFIGURE_ACK, r.sent().get(0).code());
        }
    }

    @Nested
    class Robustness {
        @Test
        void reqSent_malformedRequest_isDiscarded() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            FsmResult r = f.receive(packet(ControlCode.CONFIGURE_REQUEST, 3, new byte[] {0x01, 0x09, 0x00}));
            assertEquals(Optional.empty(), r.event());
            assertEquals(List.of(), r.actions());
            assertEquals(1, f.discardedPackets());
        }

        @Test
        void reqSent_emptyCodeReject_isDiscarded() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            assertEquals(Optional.empty(), f.receive(packet(ControlCode.CODE_REJECT, 3, new byte[0])).event());
        }

        @Test
        void opened_codeReject_isTruncatedToPeerMru() {
            OptionHandler smallMru = new DelegatingHandler(new ScriptedHandler()) {
                @Override
                public int peerMru() {
                    return 10;
                }
            };
            Fsm f = new Fsm(smallMru, FsmConfig.DEFAULT);
            f.open();
            f.up();
            ControlPacket reject = f.receive(packet(new ControlCode(0x40), 5, new byte[20])).sent().get(0);
            assertEquals(ControlCode.CODE_REJECT, reject.code());
            assertEquals(6, reject.data().length, "MRU 10 minus the 4-octet header");
        }

        @Test
        void judging_doesNotCommitUntilAckSent() throws Exception {
            ScriptedHandler h = new ScriptedHandler();
            Fsm f = new Fsm(h, FsmConfig.DEFAULT);
            f.up();
            f.receive(GOOD_REQUEST); // in Closed: Terminate-Ack, nothing acked
            assertEquals(List.of(), h.weAcked);
            f.open();
            f.receive(GOOD_REQUEST);
            assertEquals(ConfigOption.parseList(GOOD_REQUEST.dataBuffer(), "TEST"), h.weAcked);
        }
    }

    @Nested
    class Logging {
        @Test
        void transition_isLoggedOnceAtDebugInPppdWording() {
            ch.qos.logback.classic.Logger logger =
                    (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Fsm.class);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                    new ch.qos.logback.core.read.ListAppender<>();
            appender.start();
            ch.qos.logback.classic.Level before = logger.getLevel();
            logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
            logger.addAppender(appender);
            try {
                Fsm f = reqSent(FsmConfig.DEFAULT);
                appender.list.clear();
                f.receive(ACK_OF_FIRST);
            } finally {
                logger.detachAppender(appender);
                logger.setLevel(before);
            }
            assertEquals(List.of("TEST: REQSENT -> ACKRCVD on RCA id=1"),
                    appender.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList());
        }
    }

    @Nested
    class RestartOption {
        @Test
        void opened_openWithRestart_renegotiates() {
            Fsm f = new Fsm(new ScriptedHandler(), FsmConfig.DEFAULT.withRestart(true));
            f.open();
            f.up();
            f.receive(GOOD_REQUEST);
            f.receive(ACK_OF_FIRST);
            FsmResult r = f.open();
            assertEquals(FsmState.REQ_SENT, r.state());
            assertEquals(new FsmAction.ThisLayerDown(), r.actions().get(0));
            assertEquals(ControlCode.CONFIGURE_REQUEST, r.sent().get(0).code());
        }

        @Test
        void closing_openWithRestart_goesThroughStoppingToReqSent() {
            Fsm f = reqSent(FsmConfig.DEFAULT.withRestart(true));
            f.close("x");
            FsmResult r = f.open();
            assertEquals(FsmState.REQ_SENT, r.state());
            assertFalse(r.sent().isEmpty());
        }

        @Test
        void opened_openWithoutRestart_staysOpened() {
            Fsm f = reqSent(FsmConfig.DEFAULT);
            f.receive(GOOD_REQUEST);
            f.receive(ACK_OF_FIRST);
            assertEquals(List.of(), f.open().actions());
        }
    }
}
