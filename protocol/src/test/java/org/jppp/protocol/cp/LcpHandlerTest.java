package org.jppp.protocol.cp;

import static org.jppp.protocol.cp.Fixtures.ints;
import static org.jppp.protocol.cp.Fixtures.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jppp.protocol.fsm.ExtraCode;
import org.jppp.protocol.fsm.FsmEvent;
import org.jppp.protocol.fsm.ReplyOutcome;
import org.jppp.protocol.fsm.Verdict;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.PppProtocol;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LcpHandlerTest {
    static final int MAGIC = 0x11223344;
    static final int MAGIC2 = 0x55667788;

    private static LcpHandler handler(LcpSettings settings) {
        LcpHandler h = new LcpHandler(settings, ints(MAGIC, MAGIC2, 0x0A0B0C0D));
        h.resetOptions();
        return h;
    }

    @Nested
    class OurRequest {
        @Test
        void defaults_askForAsyncmapMagicAndCompression() {
            assertEquals(options(
                    0x02, 0x06, 0x00, 0x00, 0x00, 0x00, // asyncmap 0x0
                    0x05, 0x06, 0x11, 0x22, 0x33, 0x44, // magic 0x11223344
                    0x07, 0x02, // pcomp
                    0x08, 0x02), // accomp
                    handler(LcpSettings.DEFAULT).buildRequest());
        }

        @Test
        void pppoe_asksForMruAndMagicOnly() {
            assertEquals(options(
                    0x01, 0x04, 0x05, 0xD4, // mru 1492
                    0x05, 0x06, 0x11, 0x22, 0x33, 0x44), // magic
                    handler(LcpSettings.DEFAULT.forPppoe()).buildRequest());
        }

        @Test
        void authenticator_asksForMostPreferredRequiredMethod() {
            LcpHandler h = handler(LcpSettings.DEFAULT.forPppoe().withMagic(false)
                    .withAuth(EnumSet.of(AuthMethod.PAP, AuthMethod.CHAP_MD5, AuthMethod.CHAP_MS_V2), Set.of()));
            assertEquals(options(
                    0x01, 0x04, 0x05, 0xD4, // mru 1492
                    0x03, 0x05, 0xC2, 0x23, 0x81), // auth chap MS-v2
                    h.buildRequest());
        }

        @Test
        void authNakedWithRemainingMethod_switchesToIt() {
            LcpHandler h = pppoeAuthenticator(EnumSet.of(AuthMethod.PAP, AuthMethod.CHAP_MD5, AuthMethod.EAP));
            assertTrue(h.nakReceived(options(
                    0x03, 0x04, 0xC0, 0x23)) // auth pap
                    .valid());
            assertEquals(List.of(AuthMethod.PAP, AuthMethod.CHAP_MD5), h.ours().auth());
        }

        @Test
        void authNakedWithUnknownMethod_fallsBackToNextPreference() {
            LcpHandler h = pppoeAuthenticator(EnumSet.of(AuthMethod.PAP, AuthMethod.CHAP_MD5));
            h.nakReceived(options(
                    0x03, 0x04, 0x12, 0x34)); // auth 0x1234
            assertEquals(List.of(AuthMethod.PAP), h.ours().auth());
        }

        @Test
        void authNakedWithTheSameMethod_isInvalid() {
            LcpHandler h = pppoeAuthenticator(EnumSet.of(AuthMethod.PAP));
            assertFalse(h.nakReceived(options(
                    0x03, 0x04, 0xC0, 0x23)) // auth pap: what we asked
                    .valid());
        }

        @Test
        void eapRejected_fallsBackToChap_chapRejected_stopsAsking() {
            LcpHandler h = pppoeAuthenticator(EnumSet.of(AuthMethod.EAP, AuthMethod.CHAP_MD5));
            h.rejectReceived(options(
                    0x03, 0x04, 0xC2, 0x27)); // auth eap
            assertEquals(List.of(AuthMethod.CHAP_MD5), h.ours().auth());
            h.rejectReceived(options(
                    0x03, 0x05, 0xC2, 0x23, 0x05)); // auth chap MD5
            assertEquals(List.of(), h.ours().auth());
        }

        @Test
        void mruNaked_adoptsSmallerNotLarger() {
            LcpHandler h = handler(LcpSettings.DEFAULT.forPppoe());
            h.nakReceived(options(
                    0x01, 0x04, 0x05, 0xC8)); // mru 1480
            assertEquals(OptionalInt.of(1480), h.ours().mru());
            h.nakReceived(options(
                    0x01, 0x04, 0x20, 0x00)); // mru 8192: above 1500, ignored
            assertEquals(OptionalInt.of(1480), h.ours().mru());
        }

        @Test
        void rejected_compressionAndMagic_areNoLongerAsked() {
            LcpHandler h = handler(LcpSettings.DEFAULT);
            h.rejectReceived(options(
                    0x05, 0x06, 0x11, 0x22, 0x33, 0x44, // magic
                    0x07, 0x02)); // pcomp
            assertEquals(options(
                    0x02, 0x06, 0x00, 0x00, 0x00, 0x00, // asyncmap 0x0
                    0x08, 0x02), // accomp
                    h.buildRequest());
        }

        private LcpHandler pppoeAuthenticator(Set<AuthMethod> require) {
            return handler(LcpSettings.DEFAULT.forPppoe().withMagic(false).withAuth(require, Set.of()));
        }
    }

    @Nested
    class PeerRequest {
        @Test
        void typicalPppoeRequest_isAcked() {
            LcpHandler h = handler(LcpSettings.DEFAULT.forPppoe());
            assertEquals(Verdict.ack(), h.judgeRequest(options(
                    0x01, 0x04, 0x05, 0xD4, // mru 1492
                    0x03, 0x04, 0xC0, 0x23, // auth pap
                    0x05, 0x06, 0xDE, 0xAD, 0xBE, 0xEF))); // magic
        }

        @Test
        void mruBelowMinimum_isNakedWithMinimum() {
            assertEquals(Verdict.nak(options(
                    0x01, 0x04, 0x00, 0x80)), // mru 128
                    handler(LcpSettings.DEFAULT).judgeRequest(options(
                    0x01, 0x04, 0x00, 0x40))); // mru 64
        }

        @Test
        void asyncmapMissingOurCharacters_isNakedWithTheUnion() {
            LcpSettings s = new LcpSettings(1500, OptionalInt.of(0x000A0000), true, true, Set.of(),
                    EnumSet.allOf(AuthMethod.class), true, 10);
            assertEquals(Verdict.nak(options(
                    0x02, 0x06, 0x00, 0x0A, 0x00, 0x01)), // asyncmap 0x000a0001
                    handler(s).judgeRequest(options(
                    0x02, 0x06, 0x00, 0x00, 0x00, 0x01))); // asyncmap 0x1
        }

        @Test
        void pppoe_rejectsAsyncmapAndCompression() {
            assertEquals(Verdict.reject(options(
                    0x02, 0x06, 0x00, 0x00, 0x00, 0x00, // asyncmap
                    0x07, 0x02, // pcomp
                    0x08, 0x02)), // accomp
                    handler(LcpSettings.DEFAULT.forPppoe()).judgeRequest(options(
                    0x02, 0x06, 0x00, 0x00, 0x00, 0x00,
                    0x07, 0x02,
                    0x08, 0x02)));
        }

        @Test
        void multilinkQualityAndUnknownOptions_areRejectedVerbatim() {
            List<org.jppp.protocol.wire.ConfigOption> asked = options(
                    0x04, 0x08, 0xC0, 0x25, 0x00, 0x00, 0x01, 0xF4, // quality lqr 500
                    0x11, 0x04, 0x05, 0xDC, // mrru 1500
                    0x12, 0x02, // short sequence
                    0x13, 0x03, 0x00, // endpoint discriminator, null class
                    0x0D, 0x03, 0x06); // callback: unknown to us
            assertEquals(Verdict.reject(asked), handler(LcpSettings.DEFAULT).judgeRequest(asked));
        }

        @Test
        void malformedOption_isRejectedNotThrown() {
            assertEquals(Verdict.reject(options(
                    0x01, 0x03, 0x05)), // mru with length 3
                    handler(LcpSettings.DEFAULT).judgeRequest(options(
                    0x01, 0x03, 0x05,
                    0x07, 0x02)));
        }

        @Test
        void authWeDoNotAllow_isNakedWithOurBestAllowed() {
            LcpHandler h = handler(LcpSettings.DEFAULT.withAuth(Set.of(),
                    EnumSet.of(AuthMethod.CHAP_MD5, AuthMethod.CHAP_MS_V2, AuthMethod.PAP)));
            assertEquals(Verdict.nak(options(
                    0x03, 0x05, 0xC2, 0x23, 0x81)), // auth chap MS-v2
                    h.judgeRequest(options(
                    0x03, 0x04, 0xC2, 0x27))); // auth eap
        }

        @Test
        void chapWithDigestWeDoNotAllow_isNakedWithOurBestChapBeforeEap() {
            LcpHandler h = handler(LcpSettings.DEFAULT.withAuth(Set.of(),
                    EnumSet.of(AuthMethod.EAP, AuthMethod.CHAP_MD5)));
            assertEquals(Verdict.nak(options(
                    0x03, 0x05, 0xC2, 0x23, 0x05)), // auth chap MD5
                    h.judgeRequest(options(
                    0x03, 0x05, 0xC2, 0x23, 0x80))); // auth chap MS
        }

        @Test
        void authWhenWeAllowNone_isRejected() {
            LcpHandler h = handler(LcpSettings.DEFAULT.withAuth(Set.of(), Set.of()));
            List<org.jppp.protocol.wire.ConfigOption> asked = options(
                    0x03, 0x04, 0xC0, 0x23); // auth pap
            assertEquals(Verdict.reject(asked), h.judgeRequest(asked));
        }

        @Test
        void magicEqualToOurs_isNakedWithANewOne() {
            assertEquals(Verdict.nak(options(
                    0x05, 0x06, 0x55, 0x66, 0x77, 0x88)), // magic 0x55667788, the next random
                    handler(LcpSettings.DEFAULT).judgeRequest(options(
                    0x05, 0x06, 0x11, 0x22, 0x33, 0x44))); // our own magic
        }

        @Test
        void ackSent_recordsThePeersValues() {
            LcpHandler h = handler(LcpSettings.DEFAULT.forPppoe());
            h.ackSent(options(
                    0x01, 0x04, 0x05, 0xD4, // mru 1492
                    0x03, 0x04, 0xC0, 0x23, // auth pap
                    0x05, 0x06, 0xDE, 0xAD, 0xBE, 0xEF)); // magic
            assertEquals(new LcpValues(OptionalInt.of(1492), OptionalInt.empty(), List.of(AuthMethod.PAP),
                    OptionalInt.of(0xDEADBEEF), false, false), h.his());
            assertEquals(1492, h.peerMru());
        }
    }

    @Nested
    class Loopback {
        @Test
        void tenConsecutiveMagicNaks_reportLoopback() {
            LcpHandler h = new LcpHandler(LcpSettings.DEFAULT, ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
            h.resetOptions();
            ReplyOutcome outcome = null;
            for (int i = 0; i < 10; i++) {
                assertEquals(List.of(), outcome == null ? List.of() : outcome.events(), "not yet at " + i);
                outcome = h.nakReceived(options(
                        0x05, 0x06, 0x00, 0x00, 0x00, 0x01)); // magic Naked
            }
            assertEquals(List.of(new LcpEvent.LoopbackDetected(10)), outcome.events());
            assertEquals(OptionalInt.of(11), h.ours().magic(), "a new magic each time");
        }

        @Test
        void nakWithoutMagic_resetsTheCount() {
            LcpHandler h = handler(LcpSettings.DEFAULT.withMru(1500));
            for (int i = 0; i < 9; i++) {
                h.nakReceived(options(
                        0x05, 0x06, 0x00, 0x00, 0x00, 0x01)); // magic Naked
            }
            h.nakReceived(options(
                    0x01, 0x04, 0x05, 0xC8)); // mru 1480, no magic
            assertEquals(List.of(), h.nakReceived(options(
                    0x05, 0x06, 0x00, 0x00, 0x00, 0x01)).events());
        }
    }

    @Nested
    class ExtraCodes {
        @Test
        void echoRequest_isAnsweredWithOurMagic() {
            ExtraCode e = handler(LcpSettings.DEFAULT).receiveExtra(new ControlPacket(ControlCode.ECHO_REQUEST, 7,
                    new byte[] {
                        0x0A, 0x0B, 0x0C, 0x0D, // peer's magic
                        0x68, 0x69, // data "hi"
                    }));
            assertEquals(FsmEvent.RXR, e.event());
            assertEquals(Optional.of(new ControlPacket(ControlCode.ECHO_REPLY, 7, new byte[] {
                0x11, 0x22, 0x33, 0x44, // our magic
                0x68, 0x69, // data echoed
            })), e.reply());
        }

        @Test
        void echoReply_reportsPeerAlive_butNotOurOwn() {
            LcpHandler h = handler(LcpSettings.DEFAULT);
            assertEquals(List.of(new LcpEvent.EchoReplyReceived(3, 0x0A0B0C0D)), h.receiveExtra(
                    new ControlPacket(ControlCode.ECHO_REPLY, 3, new byte[] {0x0A, 0x0B, 0x0C, 0x0D})).events());
            assertEquals(List.of(), h.receiveExtra(
                    new ControlPacket(ControlCode.ECHO_REPLY, 4, new byte[] {0x11, 0x22, 0x33, 0x44})).events());
        }

        @Test
        void protocolRejectOfIpcp_isPermitted_ofLcp_isCatastrophic() {
            LcpHandler h = handler(LcpSettings.DEFAULT);
            ExtraCode ipcp = h.receiveExtra(new ControlPacket(ControlCode.PROTOCOL_REJECT, 1, new byte[] {
                (byte) 0x80, 0x21, // rejected protocol = IPCP
                0x01, 0x01, 0x00, 0x04, // the rejected packet
            }));
            assertEquals(FsmEvent.RXJ_PLUS, ipcp.event());
            assertEquals(List.of(new LcpEvent.ProtocolRejected(PppProtocol.IPCP)), ipcp.events());
            ExtraCode lcp = h.receiveExtra(new ControlPacket(ControlCode.PROTOCOL_REJECT, 2, new byte[] {
                (byte) 0xC0, 0x21, // rejected protocol = LCP
            }));
            assertEquals(FsmEvent.RXJ_MINUS, lcp.event());
        }

        @Test
        void identificationAndTimeRemaining_areReported() {
            LcpHandler h = handler(LcpSettings.DEFAULT);
            assertEquals(List.of(new LcpEvent.IdentificationReceived("isp")), h.receiveExtra(
                    new ControlPacket(ControlCode.IDENTIFICATION, 1, new byte[] {
                        0x0A, 0x0B, 0x0C, 0x0D, // magic
                        'i', 's', 'p', // message
                    })).events());
            assertEquals(List.of(new LcpEvent.TimeRemainingReceived(3600, "")), h.receiveExtra(
                    new ControlPacket(ControlCode.TIME_REMAINING, 1, new byte[] {
                        0x0A, 0x0B, 0x0C, 0x0D, // magic
                        0x00, 0x00, 0x0E, 0x10, // seconds remaining = 3600
                    })).events());
        }

        @Test
        void truncatedEchoRequest_isDiscarded_unknownCode_isRuc() {
            LcpHandler h = handler(LcpSettings.DEFAULT);
            ControlPacket truncated = new ControlPacket(ControlCode.ECHO_REQUEST, 1, new byte[3]);
            assertEquals(null, h.receiveExtra(truncated).event());
            ControlPacket unknown = new ControlPacket(new ControlCode(0x20), 1, new byte[0]);
            assertEquals(FsmEvent.RUC, h.receiveExtra(unknown).event());
        }
    }
}
