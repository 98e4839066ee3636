package org.jppp.supervisor.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jppp.actors.session.SessionSettings;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.supervisor.options.ConfigDefaults;
import org.jppp.supervisor.options.OptionsLoader;
import org.jppp.supervisor.options.SettingsFactory;
import org.jppp.supervisor.options.SystemProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 4638 for a PPPoE session: what the host asks for, and what LCP may use after discovery. */
class PppoeMtuTest {
    private static final SystemProbe PROBE = new SystemProbe() {
        @Override
        public boolean deviceExists(String name) {
            return false;
        }

        @Override
        public boolean interfaceExists(String name) {
            return name.equals("eth0");
        }
    };

    @TempDir
    Path etc;

    private PppdSettings settings(String... extra) throws OptionException {
        List<String> args = new ArrayList<>(List.of("plugin", "rp-pppoe.so", "nic-eth0"));
        args.addAll(List.of(extra));
        return SettingsFactory.build(OptionsLoader.load(etc, args, ConfigDefaults.read(ConfigFactory.load()), PROBE,
                line -> { }));
    }

    @Test
    void request_onlyWhenMtuMruAndTheInterfaceAllowMoreThan1492() throws OptionException {
        assertEquals(OptionalInt.of(1500), PppoeMtu.request(settings("mtu", "1500", "mru", "1500"), 1508));
        // pppd's defaults are 1500 each: a baby-jumbo interface alone makes the host ask.
        assertEquals(OptionalInt.of(1500), PppoeMtu.request(settings(), 1508));
        // The interface caps it (its MTU less 8 octets of PPPoE and PPP headers).
        assertEquals(OptionalInt.empty(), PppoeMtu.request(settings("mtu", "1500", "mru", "1500"), 1500));
        assertEquals(OptionalInt.of(1496), PppoeMtu.request(settings("mtu", "1500", "mru", "1500"), 1504));
        // The smaller of mtu and mru is asked for; 1492 or less is not worth a tag.
        assertEquals(OptionalInt.empty(), PppoeMtu.request(settings("mtu", "1500", "mru", "1492"), 9000));
        assertEquals(OptionalInt.of(4000), PppoeMtu.request(settings("mtu", "4000", "mru", "8000"), 9000));
    }

    @Test
    void apply_followsTheEchoedPayload_orClampsTo1492() throws OptionException {
        PppdSettings big = settings("mtu", "1500", "mru", "1500");
        SessionSettings session = SessionSettings.CLIENT.withLcp(LcpSettings.DEFAULT.forPppoe());
        SessionSettings granted = PppoeMtu.apply(session, big, OptionalInt.of(1500));
        assertEquals(1500, granted.lcp().mru());
        assertEquals(OptionalInt.of(1500), granted.mtu());
        SessionSettings notEchoed = PppoeMtu.apply(session, big, OptionalInt.empty());
        assertEquals(1492, notEchoed.lcp().mru());
        assertEquals(OptionalInt.of(1492), notEchoed.mtu());
        // A smaller configured value stays as configured, whatever was agreed.
        SessionSettings small = PppoeMtu.apply(session, settings("mtu", "1400", "mru", "1300"), OptionalInt.of(1500));
        assertEquals(1300, small.lcp().mru());
        assertEquals(OptionalInt.of(1400), small.mtu());
        // Without any option the defaults (1500) are clamped like the rest.
        assertEquals(1492, PppoeMtu.apply(session, settings(), OptionalInt.empty()).lcp().mru());
    }
}
