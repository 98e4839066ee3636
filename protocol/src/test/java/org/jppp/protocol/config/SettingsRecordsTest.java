package org.jppp.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The records refuse values no option word could give, with pppd's wording. */
class SettingsRecordsTest {
    private static final ControlCounters LCP = new ControlCounters("lcp", 3, 10, 2, 5);

    private static LcpSettings lcp(int mru) {
        return new LcpSettings(mru, Optional.empty(), Optional.empty(), false, false, true, true, true, 0, 0,
                false, LCP);
    }

    @Test
    void rangesDescribeThemselves() {
        assertEquals("an integer 128..16384", Limits.MRU.expected());
        assertEquals("an integer >= 0", Limits.NON_NEGATIVE.expected());
        assertEquals("mru value must be between 128 and 16384", Limits.MRU.complaint("mru"));
        assertEquals("holdoff value must be >= 0", Limits.NON_NEGATIVE.complaint("holdoff"));
        assertThrows(IllegalArgumentException.class, () -> new IntRange(2, 1));
    }

    @Test
    void lcpRefusesAnMruOutsidePppdsLimits() {
        assertEquals(128, lcp(128).mru());
        assertEquals(16384, lcp(16384).mru());
        assertEquals("mru value must be between 128 and 16384 (got 127)",
                assertThrows(IllegalArgumentException.class, () -> lcp(127)).getMessage());
    }

    @Test
    void countersNameTheirProtocol() {
        assertEquals("ipcp-max-configure value must be between 1 and 10000 (got 0)",
                assertThrows(IllegalArgumentException.class, () -> new ControlCounters("ipcp", 3, 0, 2, 5))
                        .getMessage());
        assertEquals("ipv6cp-restart value must be between 1 and 3600 (got 0)",
                assertThrows(IllegalArgumentException.class, () -> new ControlCounters("ipv6cp", 0, 10, 2, 5))
                        .getMessage());
    }

    @Test
    void linkControlRefusesNegativeTimes() {
        assertEquals("holdoff value must be >= 0 (got -1)", assertThrows(IllegalArgumentException.class,
                () -> new LinkControlSettings(false, -1, 10, false, 0, 0)).getMessage());
    }

    @Test
    void identityRefusesAnInterfaceNameLongerThanIfnamsiz() {
        assertThrows(IllegalArgumentException.class,
                () -> new IdentitySettings(Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        Optional.of("a-very-long-name-0")));
    }

    @Test
    void authToStringHidesThePassword() {
        AuthSettings a = new AuthSettings(true, Set.of(AuthProtocol.CHAP), Set.of(), Optional.empty(),
                Optional.of("bob"), Optional.of("hunter2"), Optional.empty(), false, Optional.empty(), true,
                0, 3, 10, 3, 10, 30);
        assertFalse(a.toString().contains("hunter2"));
        assertTrue(a.toString().contains("password=??????"));
    }

    @Test
    void optionExceptionLocatesItself() {
        OptionException e = new OptionException("unrecognized option 'x'");
        assertEquals("unrecognized option 'x'", e.getMessage());
        OptionException located = e.in("/etc/ppp/peers/p", 7);
        assertEquals("In file /etc/ppp/peers/p (line 7): unrecognized option 'x'", located.getMessage());
        assertEquals("/etc/ppp/peers/p", located.file());
        assertEquals(7, located.line());
        assertEquals("unrecognized option 'x'", located.detail());
    }
}
