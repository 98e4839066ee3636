package org.jppp.supervisor.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jppp.protocol.config.AuthProtocol;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.FlowControl;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.supervisor.options.OptionSpec.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each option's argument form and validation, through the command line. */
class OptionParsingTest extends EtcTestBase {

    private PppdSettings settings(String... args) throws OptionException {
        return SettingsFactory.build(etc.load(args));
    }

    private String error(String... args) {
        return assertThrows(OptionException.class, () -> etc.load(args)).getMessage();
    }

    /** The dryrun line of each option, which shows what was stored. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mru 1492              | mru 1492",
        "mru 0x200             | mru 512",
        "mru 0400              | mru 256",
        "mtu 16384             | mtu 16384",
        "holdoff 0             | holdoff 0",
        "lcp-echo-interval 30  | lcp-echo-interval 30",
        "lcp-restart 1         | lcp-restart 1",
        "ipcp-max-failure 7    | ipcp-max-failure 7",
        "ipv6cp-max-terminate 4| ipv6cp-max-terminate 4",
        "chap-interval 60      | chap-interval 60",
        "pap-timeout 0         | pap-timeout 0",
        "connect-delay 500     | connect-delay 500",
        "defaultroute-metric 9 | defaultroute-metric 9",
        "unit 3                | unit 3",
        "asyncmap 0            | asyncmap 0",
        "asyncmap 0xa0000      | asyncmap a0000",
        "asyncmap 200a0000     | asyncmap 200a0000",
        "name host1            | name host1",
        "remotename isp        | remotename isp",
        "linkname dsl          | linkname dsl",
        "ifname ppp7           | ifname ppp7",
        "netmask 255.255.255.0 | netmask 255.255.255.0",
        "ms-dns 10.0.0.53      | ms-dns 10.0.0.53",
        "ms-wins 10.0.0.54     | ms-wins 10.0.0.54",
        "ipv6 ::1,::2          | ipv6 ::1,::2",
        "ttyS0                 | /dev/ttyS0",
        "/dev/ttyACM0          | /dev/ttyACM0",
        "115200                | 115200",
        "10.0.0.1:10.0.0.2     | 10.0.0.1:10.0.0.2",
        "10.0.0.1:             | 10.0.0.1:",
        ":10.0.0.2             | :10.0.0.2",
        "debug                 | debug",
        "noipx                 | noipx",
        "nodefaultroute6       | nodefaultroute6",
    })
    void validWordsAreStoredAndPrinted(String words, String printed) throws OptionException {
        String out = DryRun.format(etc.load(words.split(" ")));
        assertEquals("pppd options in effect:\n" + printed + "\t\t# (from command line)\n", out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mru abc            | invalid numeric parameter 'abc' for mru option (expected an integer 128..16384)",
        "mru 12abc          | invalid numeric parameter '12abc' for mru option (expected an integer 128..16384)",
        "mru -1             | invalid numeric parameter '-1' for mru option (expected an integer 128..16384)",
        "mru 127            | mru value must be between 128 and 16384",
        "mtu 16385          | mtu value must be between 128 and 16384",
        "mru 99999999999    | mru value must be between 128 and 16384",
        "holdoff x          | invalid numeric parameter 'x' for holdoff option (expected an integer >= 0)",
        "lcp-restart 0      | lcp-restart value must be between 1 and 3600",
        "lcp-max-configure 0| lcp-max-configure value must be between 1 and 10000",
        "asyncmap 0xg       | invalid numeric parameter '0xg' for asyncmap option (expected a 32-bit hex number such as 0 or 0xa0000)",
        "asyncmap 1ffffffff | invalid numeric parameter '1ffffffff' for asyncmap option (expected a 32-bit hex number such as 0 or 0xa0000)",
        "ms-dns 10.0.0      | invalid address parameter '10.0.0' for ms-dns option (expected a dotted-quad IPv4 address)",
        "ms-wins 1.2.3.256  | invalid address parameter '1.2.3.256' for ms-wins option (expected a dotted-quad IPv4 address)",
        "netmask 255.0.255.0| invalid netmask value '255.0.255.0' (expected a dotted-quad mask such as 255.255.255.0)",
        "10.0.0.1:host      | invalid remote IP address: host (expected a dotted-quad IPv4 address; jppp does not look up host names)",
        "1.2.3:             | invalid local IP address: 1.2.3 (expected a dotted-quad IPv4 address; jppp does not look up host names)",
        "ipv6 1::1,::2      | Illegal interface identifier (local): 1::1 (expected an IPv6 form of a non-zero 64-bit identifier such as ::1:2)",
        "ipv6 ::1,zz        | Illegal interface identifier (remote): zz (expected an IPv6 form of a non-zero 64-bit identifier such as ::1:2)",
        "ipv6 ::0           | Illegal interface identifier (local): ::0 (expected an IPv6 form of a non-zero 64-bit identifier such as ::1:2)",
        "0                  | speed value must be >= 1",
        "mru                | too few parameters for option 'mru'",
        "bogus              | unrecognized option 'bogus'",
        "eth0               | unrecognized option 'eth0'",
        "rp_pppoe_service x | unrecognized option 'rp_pppoe_service'",
        "bsdcomp 15         | option 'bsdcomp' is not supported by jppp",
        "mppe               | option 'mppe' is not supported by jppp",
        "multilink          | option 'multilink' is not supported by jppp",
        "active-filter x    | option 'active-filter' is not supported by jppp: idle and demand count every IP packet (pppd's rules without a filter)",
        "holdoff-backoff 0.5| invalid numeric parameter '0.5' for holdoff-backoff option (expected a number >= 1, such as 2 or 1.5)",
        "holdoff-backoff 1e3| invalid numeric parameter '1e3' for holdoff-backoff option (expected a number >= 1, such as 2 or 1.5)",
        "plugin radius.so   | plugin 'radius.so' is not supported by jppp (only rp-pppoe.so and pppoe.so, built in)",
        "call /etc/passwd   | call option value may not contain .. or start with /",
        "call a/../../x     | call option value may not contain .. or start with /",
        "call missing       | Can't open options file PEERS/missing: No such file or directory",
    })
    void invalidWordsGivePppdsMessage(String words, String message) {
        String expected = message.replace("PEERS", tmp.resolve("peers").toString());
        assertEquals(expected, error(words.split(" ")));
    }

    @Test
    void everyRowKindIsExercised() {
        // Guards the table against a kind nobody reads: each kind has at least one row.
        for (Kind kind : Kind.values()) {
            assertTrue(OptionTable.all().stream().anyMatch(s -> s.kind() == kind), kind.name());
        }
    }

    @Test
    void flagsSetTheirSettings() throws OptionException {
        PppdSettings s = settings("auth", "persist", "demand", "defaultroute", "replacedefaultroute",
                "usepeerdns", "proxyarp", "noip", "+ipv6", "ipv6cp-accept-local", "ipv6cp-use-ipaddr",
                "ipv6cp-use-persistent", "ipcp-accept-local", "ipcp-accept-remote", "noipdefault",
                "nopcomp", "noaccomp", "nomagic", "default-asyncmap", "default-mru", "lcp-echo-adaptive",
                "usehostname", "show-password", "notty", "local", "xonxoff", "lock", "sync", "nodetach",
                "nolog", "dump");
        assertTrue(s.auth().auth());
        assertTrue(s.link().persist());
        assertTrue(s.link().demand());
        assertTrue(s.ipcp().defaultroute() && s.ipcp().replacedefaultroute() && s.ipcp().usepeerdns());
        assertTrue(s.ipcp().proxyarp() && s.ipcp().acceptLocal() && s.ipcp().acceptRemote());
        assertTrue(s.ipcp().noipdefault());
        assertFalse(s.ipcp().enabled());
        assertTrue(s.ipv6cp().enabled() && s.ipv6cp().acceptLocal() && s.ipv6cp().useIpaddr()
                && s.ipv6cp().usePersistent());
        assertFalse(s.lcp().pcomp() || s.lcp().accomp() || s.lcp().magic());
        assertTrue(s.lcp().defaultAsyncmap() && s.lcp().defaultMru() && s.lcp().echoAdaptive());
        assertTrue(s.auth().usehostname());
        assertFalse(s.auth().hidePassword());
        assertTrue(s.device().notty() && s.device().lock() && s.device().sync());
        assertFalse(s.device().modem());
        assertEquals(FlowControl.XONXOFF, s.device().flowControl());
        assertEquals(Detach.NODETACH, s.logging().detach());
        assertTrue(s.logging().nolog() && s.logging().dump());
    }

    @Test
    void negativeFlagsUndoEarlierOnes() throws OptionException {
        PppdSettings s = settings("auth", "noauth", "persist", "nopersist", "+ipv6", "noipv6",
                "proxyarp", "noproxyarp", "defaultroute", "nodefaultroute", "crtscts", "nocrtscts",
                "lock", "nolock", "local", "modem", "updetach", "detach");
        assertFalse(s.auth().auth() || s.link().persist() || s.ipv6cp().enabled() || s.ipcp().proxyarp()
                || s.ipcp().defaultroute() || s.device().lock());
        assertEquals(FlowControl.NOCRTSCTS, s.device().flowControl());
        assertTrue(s.device().modem());
        assertEquals(Detach.DETACH, s.logging().detach());
    }

    @Test
    void requireAndRefuseNameTheirProtocol() throws OptionException {
        PppdSettings s = settings("require-pap", "require-mschap-v2", "refuse-chap", "refuse-mschap",
                "refuse-eap");
        assertEquals(java.util.Set.of(AuthProtocol.PAP, AuthProtocol.MSCHAP_V2), s.auth().required());
        assertEquals(java.util.Set.of(AuthProtocol.CHAP, AuthProtocol.MSCHAP, AuthProtocol.EAP),
                s.auth().refused());
    }

    @Test
    void numbersAndStringsReachTheSettings() throws OptionException {
        PppdSettings s = settings("mru", "1400", "mtu", "1400", "lcp-echo-interval", "10", "lcp-echo-failure",
                "3", "holdoff", "7", "maxfail", "0", "idle", "600", "maxconnect", "3600", "chap-restart", "5",
                "pap-max-authreq", "4", "user", "bob", "password", "pw", "domain", "example.net",
                "ipparam", "x", "holdoff-max", "300", "holdoff-backoff", "1.5", "pty", "socat STDIO TCP:h:1", "connect",
                "chat -f s", "logfile", "/tmp/l", "logfd", "3", "kdebug", "1", "debug", "debug", "unit", "2");
        assertEquals(1400, s.lcp().mru());
        assertEquals(java.util.Optional.of(1400), s.lcp().mtu());
        assertEquals(10, s.lcp().echoInterval());
        assertEquals(3, s.lcp().echoFailure());
        assertEquals(7, s.link().holdoff());
        assertEquals(0, s.link().maxfail());
        assertEquals(600, s.link().idle());
        assertEquals(3600, s.link().maxconnect());
        assertEquals(5, s.auth().chapRestart());
        assertEquals(4, s.auth().papMaxAuthreq());
        assertEquals("bob", s.auth().user().orElseThrow());
        assertEquals("pw", s.auth().password().orElseThrow());
        assertEquals("example.net", s.auth().domain().orElseThrow());
        assertEquals(300, s.link().holdoffMax().getAsInt());
        assertEquals(1.5, s.link().holdoffBackoff());
        assertEquals("socat STDIO TCP:h:1", s.device().pty().orElseThrow());
        assertEquals("chat -f s", s.device().connect().orElseThrow());
        assertEquals(3, s.logging().logfd().getAsInt());
        assertEquals(2, s.logging().debug());
        assertEquals(1, s.logging().kdebug());
        assertEquals(2, s.identity().unit().getAsInt());
        assertFalse(s.auth().toString().contains("pw,"), "password never in toString");
    }

    @Test
    void asyncmapValuesAreOred() throws OptionException {
        assertEquals(0x000A0001, settings("asyncmap", "a0000", "asyncmap", "1").lcp().asyncmap().orElseThrow());
    }

    @Test
    void addressPairSidesCombine() throws OptionException {
        PppdSettings s = settings("10.0.0.1:", ":10.0.0.2");
        assertEquals("10.0.0.1", s.ipcp().local().orElseThrow().getHostAddress());
        assertEquals("10.0.0.2", s.ipcp().remote().orElseThrow().getHostAddress());
    }

    @Test
    void ipv6IdentifiersAreTheLow64Bits() throws OptionException {
        PppdSettings s = settings("ipv6", "::1:2,::dead:beef");
        assertEquals(0x0000_0000_0001_0002L, s.ipv6cp().localId().getAsLong());
        assertEquals(0xdead_beefL, s.ipv6cp().remoteId().getAsLong());
    }

    @Test
    void msDnsKeepsTwoAndAThirdReplacesTheSecondAsInPppd() throws OptionException {
        PppdSettings s = settings("ms-dns", "1.1.1.1", "ms-dns", "2.2.2.2", "ms-dns", "3.3.3.3");
        assertEquals(List.of("1.1.1.1", "3.3.3.3"),
                s.ipcp().msDns().stream().map(a -> a.getHostAddress()).toList());
    }

    @Test
    void pppoePluginEnablesItsOptionsAndInterfaceNames() throws OptionException {
        PppdSettings s = settings("plugin", "/usr/lib/pppd/2.4.9/rp-pppoe.so", "enp3s0", "rp_pppoe_service",
                "internet", "rp_pppoe_ac", "ac1", "rp_pppoe_sess", "17:00:11:22:33:44:55", "rp_pppoe_verbose", "1",
                "pppoe-mac", "00:11:22:33:44:55", "pppoe-host-uniq", "cafe", "pppoe-padi-timeout", "2",
                "pppoe-padi-attempts", "9");
        assertTrue(s.pppoe().enabled());
        assertEquals("enp3s0", s.pppoe().nic().orElseThrow());
        assertEquals("internet", s.pppoe().service().orElseThrow());
        assertEquals("ac1", s.pppoe().acName().orElseThrow());
        assertEquals("17:00:11:22:33:44:55", s.pppoe().session().orElseThrow());
        assertEquals(1, s.pppoe().verbose());
        assertEquals("00:11:22:33:44:55", s.pppoe().mac().orElseThrow());
        assertEquals("cafe", s.pppoe().hostUniq().orElseThrow());
        assertEquals(2, s.pppoe().padiTimeout());
        assertEquals(9, s.pppoe().padiAttempts());
        assertEquals(List.of("Plugin /usr/lib/pppd/2.4.9/rp-pppoe.so loaded."), etc.info);
    }

    @Test
    void nicPrefixNamesAnyInterfaceAndPppoeServiceIsAnAlias() throws OptionException {
        PppdSettings s = settings("plugin", "pppoe.so", "nic-wan7", "pppoe-service", "svc", "pppoe-verbose", "2");
        assertEquals("wan7", s.pppoe().nic().orElseThrow());
        assertEquals("svc", s.pppoe().service().orElseThrow());
        assertEquals(2, s.pppoe().verbose());
    }

    @Test
    void withoutThePluginNicWordsAreUnrecognized() {
        assertEquals("unrecognized option 'nic-eth0'", error("nic-eth0"));
    }
}
