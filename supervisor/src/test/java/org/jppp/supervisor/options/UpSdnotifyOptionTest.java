package org.jppp.supervisor.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.LoggingSettings;
import org.junit.jupiter.api.Test;

/** pppd's {@code up_sdnotify}: off by default, and when on it implies {@code nodetach}. */
class UpSdnotifyOptionTest extends EtcTestBase {
    private LoggingSettings logging(String... args) throws Exception {
        return SettingsFactory.build(etc.load(args)).logging();
    }

    @Test
    void offByDefault() throws Exception {
        LoggingSettings l = logging();
        assertFalse(l.upSdnotify());
        assertEquals(Detach.DETACH, l.detach());
    }

    @Test
    void impliesNodetach() throws Exception {
        LoggingSettings l = logging("up_sdnotify");
        assertTrue(l.upSdnotify());
        assertEquals(Detach.NODETACH, l.detach());
        assertEquals(Detach.NODETACH, logging("updetach", "up_sdnotify").detach());
    }

    @Test
    void dryrunShowsIt() throws Exception {
        assertTrue(DryRun.format(etc.load("up_sdnotify", "dryrun")).contains("up_sdnotify\t\t# (from command line)"));
    }
}
