package org.jppp.protocol.cp;

import static org.jppp.protocol.cp.Fixtures.longs;
import static org.jppp.protocol.cp.Fixtures.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.jppp.protocol.fsm.Verdict;
import org.jppp.protocol.wire.ConfigOption;
import org.junit.jupiter.api.Test;

class Ipv6cpHandlerTest {
    static final long OURS = 0x0211223344556677L;
    static final List<ConfigOption> OUR_REQUEST = options(
            0x01, 0x0A, 0x02, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77); // addr fe80::211:2233:4455:6677

    private static Ipv6cpHandler handler(Ipv6cpSettings settings, long... random) {
        Ipv6cpHandler h = new Ipv6cpHandler(settings, longs(random));
        h.resetOptions();
        return h;
    }

    @Test
    void configuredIdentifier_isRequested() {
        assertEquals(OUR_REQUEST, handler(new Ipv6cpSettings(OURS, 0), 1).buildRequest());
    }

    @Test
    void randomIdentifier_hasTheUniversalBitCleared() {
        Ipv6cpHandler h = handler(Ipv6cpSettings.RANDOM, 0xFFFFFFFFFFFFFFFFL);
        assertEquals(OptionalLong.of(0xFDFFFFFFFFFFFFFFL), h.ours());
    }

    @Test
    void peerWithOurIdentifier_isNakedWithAFreshOne() {
        assertEquals(Verdict.nak(options(
                0x01, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09)), // addr fe80::9
                handler(new Ipv6cpSettings(OURS, 0), 9).judgeRequest(OUR_REQUEST));
    }

    @Test
    void peerWithZeroIdentifier_isNakedWithTheConfiguredSuggestion() {
        assertEquals(Verdict.nak(options(
                0x01, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x42)), // addr fe80::42
                handler(new Ipv6cpSettings(OURS, 0x42), 9).judgeRequest(options(
                0x01, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0))); // addr fe80::
    }

    @Test
    void compressionAndUnknown_areRejected() {
        List<ConfigOption> asked = options(
                0x02, 0x04, 0x00, 0x4F, // compress 0x4f (IPHC)
                0x09, 0x02); // unknown type 9
        assertEquals(Verdict.reject(asked), handler(new Ipv6cpSettings(OURS, 0), 1).judgeRequest(asked));
    }

    @Test
    void nak_isAdopted_andAckRecordsThePeer() {
        Ipv6cpHandler h = handler(new Ipv6cpSettings(OURS, 0), 1);
        h.nakReceived(options(
                0x01, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07)); // addr fe80::7
        assertEquals(OptionalLong.of(7), h.ours());
        h.ackSent(options(
                0x01, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08)); // addr fe80::8
        assertEquals(OptionalLong.of(8), h.his());
    }
}
