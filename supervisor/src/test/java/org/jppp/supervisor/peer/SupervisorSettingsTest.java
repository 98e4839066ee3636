package org.jppp.supervisor.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jppp.protocol.config.LinkControlSettings;
import org.junit.jupiter.api.Test;

class SupervisorSettingsTest {

    private static LinkControlSettings link(boolean persist, int holdoff, boolean demand) {
        return new LinkControlSettings(persist, holdoff, 10, demand, 0, 0);
    }

    @Test
    void fromPppdOptions_constantHoldoffWithoutJitterOrRandomDraw() {
        SupervisorSettings s = SupervisorSettings.from(link(true, 30, false));
        assertEquals(new SupervisorSettings(30, 30, 1.0, 10, true, false, 0, 0), s);
        assertFalse(s.backsOff());
        for (int k = 0; k < 100; k++) {
            assertEquals(Duration.ofSeconds(30), s.holdoffDelay(k, ScriptedRandom.forbidden()), "holdoff " + k);
        }
    }

    @Test
    void redials_whenPersistOrDemand() {
        assertFalse(SupervisorSettings.from(link(false, 30, false)).redials());
        assertTrue(SupervisorSettings.from(link(true, 30, false)).redials());
        assertTrue(SupervisorSettings.from(link(false, 30, true)).redials());
    }

    @Test
    void backoff_everyDelayWithinTwentyPercentOfHoldoffTimesFactorPowK_cappedAtMax() {
        SupervisorSettings s = SupervisorSettings.from(link(true, 5, false), 300, 1.5);
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < 20; k++) {
            double base = Math.min(5 * Math.pow(1.5, k), 300);
            for (int draw = 0; draw < 500; draw++) {
                long ms = s.holdoffDelay(k, random).toMillis();
                assertTrue(ms >= Math.floor(base * 800) && ms <= Math.min(Math.ceil(base * 1200), 300_000),
                        "holdoff " + k + ": " + ms + " ms for a base of " + base + " s");
            }
        }
    }

    @Test
    void backoff_farIntoTheSequence_staysAtTheCap() {
        SupervisorSettings s = SupervisorSettings.from(link(true, 30, false), 600, 2.0);
        assertEquals(Duration.ofSeconds(600), s.holdoffDelay(100_000, new ScriptedRandom(0.5)));
        assertEquals(Duration.ofSeconds(480), s.holdoffDelay(100_000, new ScriptedRandom(0.0)));
    }

    @Test
    void stableAfter_isHoldoffMaxButAtLeastAMinute() {
        assertEquals(60, SupervisorSettings.from(link(true, 30, false), 45, 2.0).stableAfter());
        assertEquals(900, SupervisorSettings.from(link(true, 30, false), 900, 2.0).stableAfter());
    }

    @Test
    void invalidValues_areRejectedNamingTheOption() {
        assertEquals("holdoff-max 10 (expected >= 30)", assertThrows(IllegalArgumentException.class,
                () -> SupervisorSettings.from(link(true, 30, false), 10, 2.0)).getMessage());
        assertEquals("holdoff-backoff 0.5 (expected a number >= 1)", assertThrows(IllegalArgumentException.class,
                () -> SupervisorSettings.from(link(true, 30, false), 60, 0.5)).getMessage());
        assertEquals("holdoff-backoff NaN (expected a number >= 1)", assertThrows(IllegalArgumentException.class,
                () -> SupervisorSettings.from(link(true, 30, false), 60, Double.NaN)).getMessage());
        assertEquals("maxconnect -1 (expected >= 0)", assertThrows(IllegalArgumentException.class,
                () -> new SupervisorSettings(30, 30, 1.0, 10, true, false, 0, -1)).getMessage());
    }
}
