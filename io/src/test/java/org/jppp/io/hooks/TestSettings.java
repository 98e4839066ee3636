package org.jppp.io.hooks;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jppp.protocol.config.AuthSettings;
import org.jppp.protocol.config.ControlCounters;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.DeviceSettings;
import org.jppp.protocol.config.FlowControl;
import org.jppp.protocol.config.IdentitySettings;
import org.jppp.protocol.config.IpcpSettings;
import org.jppp.protocol.config.Ipv6cpSettings;
import org.jppp.protocol.config.LcpSettings;
import org.jppp.protocol.config.LinkControlSettings;
import org.jppp.protocol.config.LoggingSettings;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.config.PppoeSettings;

/** pppd's defaults as settings records, with the few fields the script tests vary. */
final class TestSettings {
    static final String PASSWORD = "hunter2-Secret";

    private TestSettings() {
    }

    static PppdSettings settings(boolean pppoe, Optional<String> linkname) {
        AuthSettings auth = new AuthSettings(false, Set.of(), Set.of(), Optional.of("office-client"),
                Optional.of("bob"), Optional.of(PASSWORD), Optional.of("isp-gw"), false, Optional.empty(), true,
                0, 3, 10, 3, 10, 30);
        LcpSettings lcp = new LcpSettings(1500, Optional.empty(), Optional.empty(), false, false, true, true, true,
                0, 0, false, counters("lcp"));
        IpcpSettings ipcp = new IpcpSettings(true, Optional.empty(), Optional.empty(), false, false, false, true,
                false, 0, true, List.of(), List.of(), Optional.empty(), false, counters("ipcp"));
        Ipv6cpSettings ipv6 = new Ipv6cpSettings(true, OptionalLong.empty(), OptionalLong.empty(), false, false,
                false, counters("ipv6cp"));
        LinkControlSettings link = new LinkControlSettings(false, 0, 10, false, 0, 0);
        IdentitySettings identity = new IdentitySettings(linkname, Optional.of("office"), OptionalInt.empty(),
                Optional.empty());
        LoggingSettings logging = new LoggingSettings(0, 0, Optional.empty(), OptionalInt.empty(), false,
                Detach.NODETACH, false, false);
        DeviceSettings device = new DeviceSettings(Optional.of("/dev/ttyS0"), OptionalInt.of(115200),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                1000, false, FlowControl.DEFAULT, false, false);
        PppoeSettings pppoeSettings = new PppoeSettings(pppoe ? Optional.of("rp-pppoe.so") : Optional.empty(),
                Optional.of("eth0"), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty(), 5, 3);
        return new PppdSettings(auth, lcp, ipcp, ipv6, link, identity, logging, device, pppoeSettings);
    }

    private static ControlCounters counters(String prefix) {
        return new ControlCounters(prefix, 3, 10, 2, 5);
    }
}
