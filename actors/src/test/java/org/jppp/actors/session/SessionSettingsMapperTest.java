package org.jppp.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jppp.protocol.config.AuthProtocol;
import org.jppp.protocol.config.AuthSettings;
import org.jppp.protocol.config.ControlCounters;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.DeviceSettings;
import org.jppp.protocol.config.FlowControl;
import org.jppp.protocol.config.IdentitySettings;
import org.jppp.protocol.config.LinkControlSettings;
import org.jppp.protocol.config.LoggingSettings;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.config.PppoeSettings;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.cp.AuthMethod;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.cp.LcpSettings;
import org.jppp.protocol.fsm.FsmConfig;
import org.jppp.protocol.wire.Ipv4;
import org.junit.jupiter.api.Test;

/** pppd's options onto what LCP, IPCP, IPv6CP and authentication negotiate. */
class SessionSettingsMapperTest {
    private static final Secrets EMPTY = new Secrets("secrets", List.of());

    /**
     * {@code 10.78.0.1:10.78.0.2 ms-dns 10.78.0.53 require-chap refuse-pap lcp-echo-interval 5
     * lcp-echo-failure 3 lcp-restart 2 mtu 1492 +ipv6}, optionally over PPPoE.
     */
    private static PppdSettings server(boolean auth, Set<AuthProtocol> required, boolean pppoe) {
        AuthSettings a = new AuthSettings(auth, required, Set.of(AuthProtocol.PAP), Optional.of("gw"), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), false, 0, 3, 10, 3, 10, 30);
        org.jppp.protocol.config.LcpSettings lcp = new org.jppp.protocol.config.LcpSettings(1500, Optional.of(1492),
                Optional.empty(), false, true, true, true, true, 5, 3, false, new ControlCounters("lcp", 2, 10, 2, 5));
        org.jppp.protocol.config.IpcpSettings ipcp = new org.jppp.protocol.config.IpcpSettings(true,
                Optional.of(Ipv4.parse("10.78.0.1")), Optional.of(Ipv4.parse("10.78.0.2")), false, false, false,
                false, false, 0, false, List.of(Ipv4.parse("10.78.0.53")), List.of(), Optional.empty(), false,
                new ControlCounters("ipcp", 3, 10, 2, 5));
        org.jppp.protocol.config.Ipv6cpSettings ipv6 = new org.jppp.protocol.config.Ipv6cpSettings(true,
                OptionalLong.of(1), OptionalLong.empty(), false, false, false, new ControlCounters("ipv6cp", 3, 10, 2, 5));
        return new PppdSettings(a, lcp, ipcp, ipv6, new LinkControlSettings(false, 0, 10, false, 0, 0),
                new IdentitySettings(Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty()),
                new LoggingSettings(0, 0, Optional.empty(), OptionalInt.empty(), false, Detach.NODETACH, false, false),
                new DeviceSettings(Optional.empty(), OptionalInt.empty(), Optional.empty(), false, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), 1000, false, FlowControl.DEFAULT, false,
                        false),
                new PppoeSettings(pppoe ? Optional.of("rp-pppoe.so") : Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(), 5, 3));
    }

    @Test
    void serverOptions_mapToNegotiationSettings() {
        SessionSettings s = SessionSettingsMapper.map(server(true, Set.of(AuthProtocol.CHAP), false), "host", EMPTY, EMPTY);
        assertEquals(new LcpSettings(1500, OptionalInt.of(0), true, true, Set.of(AuthMethod.CHAP_MD5),
                EnumSet.complementOf(EnumSet.of(AuthMethod.PAP)), true, 10), s.lcp(),
                "asyncmap defaults to 0; require-chap is MD5; refuse-pap");
        assertEquals(FsmConfig.DEFAULT.withRestartTimer(Duration.ofSeconds(2)), s.lcpFsm());
        assertEquals(Duration.ofSeconds(5), s.echoInterval());
        assertEquals(3, s.echoFailure());
        assertEquals(Optional.of(IpcpSettings.server(Ipv4.parse("10.78.0.1"), Ipv4.parse("10.78.0.2"),
                List.of(Ipv4.parse("10.78.0.53")))), s.ipcp());
        assertEquals(1L, s.ipv6cp().orElseThrow().localIdentifier());
        assertEquals(OptionalInt.of(1492), s.mtu());
        assertEquals("gw", s.auth().names().ourName());
    }

    @Test
    void authAlone_requiresEveryMethodNotRefused() {
        SessionSettings s = SessionSettingsMapper.map(server(true, Set.of(), false), "host", EMPTY, EMPTY);
        assertEquals(EnumSet.complementOf(EnumSet.of(AuthMethod.PAP)), s.lcp().requireAuth());
        assertFalse(s.lcp().allowAuth().contains(AuthMethod.PAP));
    }

    @Test
    void noauth_requiresNothing() {
        assertTrue(SessionSettingsMapper.map(server(false, Set.of(), false), "host", EMPTY, EMPTY)
                .lcp().requireAuth().isEmpty());
    }

    @Test
    void pppoe_lcpWithoutAccmOrCompression() {
        LcpSettings lcp = SessionSettingsMapper.map(server(false, Set.of(), true), "host", EMPTY, EMPTY).lcp();
        assertEquals(OptionalInt.empty(), lcp.asyncmap());
        assertFalse(lcp.pcomp() || lcp.accomp());
    }
}
