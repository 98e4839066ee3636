package org.jppp.supervisor.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jppp.protocol.config.IntRange;
import org.jppp.protocol.config.Limits;
import org.jppp.supervisor.options.OptionSpec.Kind;

/**
 * Every pppd(8) option jppp knows, in the order pppd prints them for {@code dryrun}. A word not
 * here is read by form (device path, speed, {@code local:remote}, PPPoE interface) or refused
 * with pppd's "unrecognized option".
 */
public final class OptionTable {
    /** Settings keys of the words recognised by form (pppd's "wild" options). */
    public static final String DEVICE = "device";
    public static final String SPEED = "speed";
    public static final String ADDRESSES = "addresses";
    public static final String NIC = "nic";

    private static final List<OptionSpec> SPECS = build();
    private static final Map<String, OptionSpec> BY_NAME = SPECS.stream()
            .filter(s -> s.kind() != Kind.WILD)
            .collect(Collectors.toUnmodifiableMap(OptionSpec::name, Function.identity()));

    private OptionTable() {}

    /** All rows, in print order. */
    public static List<OptionSpec> all() {
        return SPECS;
    }

    /** The row for {@code word}; plugin rows only when {@code pluginLoaded}, as pppd adds them then. */
    public static Optional<OptionSpec> find(String word, boolean pluginLoaded) {
        OptionSpec spec = BY_NAME.get(word);
        return spec == null || (spec.plugin() && !pluginLoaded) ? Optional.empty() : Optional.of(spec);
    }

    /** The settings keys in print order, each once. */
    public static List<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        SPECS.stream().filter(s -> s.key() != null).forEach(s -> keys.add(s.key()));
        return List.copyOf(keys);
    }

    /** The rows that set {@code key}. */
    public static List<OptionSpec> forKey(String key) {
        return SPECS.stream().filter(s -> key.equals(s.key())).toList();
    }

    /**
     * The keys that must have a default under {@code pppd} in application.conf: every key set by
     * a flag, a counter or an integer that has a value before any option is read.
     */
    public static Set<String> keysWithDefaults() {
        Set<String> keys = new LinkedHashSet<>();
        for (OptionSpec s : SPECS) {
            if (s.key() != null && (s.kind() == Kind.FLAG || s.kind() == Kind.INCREMENT
                    || (s.kind() == Kind.INT && !OPTIONAL_INTS.contains(s.key())))) {
                keys.add(s.key());
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    /**
     * The values a choice key (a flag row storing a word) may have: the words of its rows, and for
     * crtscts also "default", pppd's "leave the tty's flow control as it is".
     */
    public static List<Object> choices(String key) {
        List<Object> choices = new ArrayList<>();
        if (key.equals("crtscts")) {
            choices.add("default");
        }
        forKey(key).forEach(s -> choices.add(s.value()));
        return choices;
    }

    /** Integer options that have no value until given (pppd leaves them unset). */
    private static final Set<String> OPTIONAL_INTS = Set.of("mtu", "unit", "logfd", "holdoff-max");

    private static List<OptionSpec> build() {
        Builder b = new Builder();
        // General options (pppd options.c), in its print order.
        b.device(DEVICE, "serial device: an absolute path or a name under /dev");
        b.device(SPEED, "line speed: a bare number");
        b.flag("persist", "persist", true, "redial after the link ends");
        b.flag("nopersist", "persist", false, "exit after the link ends (default)");
        b.num("holdoff", Limits.NON_NEGATIVE, "seconds to wait before redialling");
        b.add(new OptionSpec("holdoff-max", Kind.INT, "holdoff-max", null, Limits.NON_NEGATIVE,
                "jppp: cap in seconds of a holdoff grown by holdoff-backoff (default: holdoff)", false));
        b.add(new OptionSpec("holdoff-backoff", Kind.DECIMAL, "holdoff-backoff", null, null,
                "jppp: multiply each further holdoff in a row by this factor, with ±20 % jitter (default 1)", false));
        b.num("maxfail", Limits.NON_NEGATIVE, "give up after this many failed attempts (0: never)");
        b.flag("demand", "demand", true, "bring the link up only when traffic needs it");
        b.num("idle", Limits.NON_NEGATIVE, "disconnect after this many idle seconds (0: never)");
        b.num("maxconnect", Limits.NON_NEGATIVE, "disconnect after this many seconds (0: never)");
        b.spec("active-filter", Kind.UNSUPPORTED, null,
                "not supported by jppp: idle and demand count every IP packet (pppd's rules without a filter)");
        b.str("linkname", "name of the link, used for the pid file ppp-NAME.pid");
        b.str("ipparam", "extra parameter passed to the ip-up/ip-down scripts");
        b.num("unit", Limits.NON_NEGATIVE, "ppp unit number (ppp<unit>)");
        b.str("ifname", "name of the network interface");
        b.counter("debug", "more debug logging (repeatable)");
        b.num("kdebug", Limits.NON_NEGATIVE, "kernel driver debug level (kept; jppp has no driver)");
        b.str("logfile", "append log messages to this file");
        b.num("logfd", Limits.NON_NEGATIVE, "send log messages to this file descriptor");
        b.flag("nolog", "nolog", true, "do not log to a file or descriptor");
        b.flag("detach", "detach", "detach", "detach from the terminal (default)");
        b.flag("nodetach", "detach", "nodetach", "stay in the foreground");
        b.flag("updetach", "detach", "updetach", "detach once the link is up");
        b.flag("up_sdnotify", "up_sdnotify", true, "tell systemd (sd_notify READY=1) once the link is up; implies nodetach");
        b.flag("dryrun", "dryrun", true, "print the options in effect and exit");
        b.flag("dump", "dump", true, "print the options in effect, then go on");
        b.special("file", Kind.FILE, "read options from a file at this point");
        b.special("call", Kind.CALL, "read options from $JPPP_ETC_DIR/peers/NAME at this point");
        b.special("plugin", Kind.PLUGIN, "load a plugin: only rp-pppoe.so / pppoe.so");
        b.flag("hide-password", "hide-password", true, "do not log password bytes (default)");
        b.flag("show-password", "hide-password", false, "log password bytes in packet dumps");
        // Tty channel (tty.c).
        b.str("pty", "run this command and use its pseudo-terminal as the link");
        b.flag("notty", "notty", true, "use standard input/output as the link");
        b.str("connect", "run this command (chat) to set up the serial line");
        b.str("disconnect", "run this command after the link ends");
        b.str("init", "run this command to initialise the serial line");
        b.str("welcome", "run this command after connect, before PPP starts");
        b.num("connect-delay", Limits.NON_NEGATIVE, "milliseconds to wait for the peer after connect");
        b.flag("modem", "modem", true, "use the modem control lines (default)");
        b.flag("local", "modem", false, "ignore the modem control lines");
        b.flag("crtscts", "crtscts", "crtscts", "hardware flow control on");
        b.flag("nocrtscts", "crtscts", "nocrtscts", "hardware flow control off");
        b.flag("xonxoff", "crtscts", "xonxoff", "software flow control");
        b.flag("lock", "lock", true, "create a UUCP lock file for the device");
        b.flag("nolock", "lock", false, "do not create a lock file (default)");
        b.flag("sync", "sync", true, "synchronous HDLC: accepted, but jppp supports only async");
        // Authentication (auth.c, upap.c, chap-new.c).
        b.flag("auth", "auth", true, "require the peer to authenticate itself");
        b.flag("noauth", "auth", false, "do not require the peer to authenticate (default)");
        for (String proto : List.of("pap", "chap", "mschap", "mschap-v2", "eap")) {
            b.flag("require-" + proto, "require-" + proto, true, "require the peer to use " + proto.toUpperCase());
            b.flag("refuse-" + proto, "refuse-" + proto, true, "refuse to authenticate with " + proto.toUpperCase());
        }
        b.str("name", "our name for authentication");
        b.str("user", "user name we authenticate with");
        b.spec("password", Kind.SECRET, "password", "password for PAP/CHAP (never printed)");
        b.str("remotename", "the peer's name for looking up secrets");
        b.flag("usehostname", "usehostname", true, "use the host name as our name");
        b.str("domain", "append this domain to the host name");
        b.num("chap-interval", Limits.NON_NEGATIVE, "rechallenge the peer every N seconds (0: never)");
        b.num("chap-restart", Limits.RESTART, "CHAP challenge retransmit timeout in seconds");
        b.num("chap-max-challenge", Limits.COUNTER, "CHAP challenges sent before giving up");
        b.num("pap-restart", Limits.RESTART, "PAP request retransmit timeout in seconds");
        b.num("pap-max-authreq", Limits.COUNTER, "PAP requests sent before giving up");
        b.num("pap-timeout", Limits.NON_NEGATIVE, "seconds to wait for the peer's PAP request (0: forever)");
        // LCP (lcp.c).
        b.num("mru", Limits.MRU, "maximum receive unit to ask for");
        b.num("mtu", Limits.MRU, "cap the interface MTU at this value");
        b.spec("asyncmap", Kind.HEX_OR, "asyncmap", "control characters the peer must escape (hex, ORed)");
        b.flag("default-asyncmap", "default-asyncmap", true, "do not negotiate the async control map");
        b.flag("default-mru", "default-mru", true, "do not negotiate the MRU");
        b.flag("nopcomp", "nopcomp", true, "no protocol field compression");
        b.flag("noaccomp", "noaccomp", true, "no address/control field compression");
        b.flag("nomagic", "nomagic", true, "no magic number negotiation");
        b.num("lcp-echo-interval", Limits.NON_NEGATIVE, "send an LCP echo request every N seconds (0: never)");
        b.num("lcp-echo-failure", Limits.NON_NEGATIVE, "link down after N unanswered echo requests (0: never)");
        b.flag("lcp-echo-adaptive", "lcp-echo-adaptive", true, "skip echo requests while traffic arrives");
        b.counters("lcp");
        // IPCP (ipcp.c).
        b.device(ADDRESSES, "local:remote IPv4 addresses, either side optional");
        b.flag("noip", "noip", true, "disable IPCP");
        b.flag("ipcp-accept-local", "ipcp-accept-local", true, "accept the peer's idea of our address");
        b.flag("ipcp-accept-remote", "ipcp-accept-remote", true, "accept the peer's idea of its address");
        b.flag("noipdefault", "noipdefault", true, "do not guess our address from the host name");
        b.flag("defaultroute", "defaultroute", true, "add a default route through the link");
        b.flag("nodefaultroute", "defaultroute", false, "do not add a default route (default)");
        b.flag("replacedefaultroute", "replacedefaultroute", true, "replace an existing default route");
        b.num("defaultroute-metric", Limits.NON_NEGATIVE, "metric of the default route");
        b.flag("usepeerdns", "usepeerdns", true, "ask the peer for DNS servers (RFC 1877)");
        b.spec("ms-dns", Kind.IPV4_LIST, "ms-dns", "DNS server to give the peer (at most 2)");
        b.spec("ms-wins", Kind.IPV4_LIST, "ms-wins", "WINS server to give the peer (at most 2)");
        b.spec("netmask", Kind.IPV4, "netmask", "netmask of the interface");
        b.flag("proxyarp", "proxyarp", true, "add a proxy ARP entry for the peer");
        b.flag("noproxyarp", "proxyarp", false, "no proxy ARP entry (default)");
        b.counters("ipcp");
        // IPV6CP (ipv6cp.c).
        b.flag("+ipv6", "+ipv6", true, "enable IPV6CP");
        b.flag("noipv6", "+ipv6", false, "disable IPV6CP (default)");
        b.spec("ipv6", Kind.IPV6_IDS, "ipv6", "<local_id>,<remote_id> interface identifiers");
        b.flag("ipv6cp-accept-local", "ipv6cp-accept-local", true, "accept the peer's idea of our identifier");
        b.flag("ipv6cp-use-ipaddr", "ipv6cp-use-ipaddr", true, "derive our identifier from our IPv4 address");
        b.flag("ipv6cp-use-persistent", "ipv6cp-use-persistent", true, "use a persistent identifier");
        b.counters("ipv6cp");
        // The rp-pppoe plugin (pppd 2.4.9 names), known only after "plugin rp-pppoe.so".
        b.device(NIC, "PPPoE Ethernet interface: nic-IFNAME or an existing interface name");
        b.pppoe("rp_pppoe_service", "pppoe-service", "PPPoE Service-Name to ask for");
        b.pppoe("pppoe-service", "pppoe-service", "PPPoE Service-Name to ask for");
        b.pppoe("rp_pppoe_ac", "rp_pppoe_ac", "PPPoE access concentrator name to accept");
        b.pppoe("rp_pppoe_sess", "rp_pppoe_sess", "attach to an existing session: SESSID:MACADDR");
        b.pppoe("pppoe-mac", "pppoe-mac", "accept only this access concentrator MAC address");
        b.pppoe("pppoe-host-uniq", "pppoe-host-uniq", "Host-Uniq tag value in hex");
        b.pppoe("pppoe-src-mac", "pppoe-src-mac", "jppp: this session's own source MAC address");
        b.add(new OptionSpec("rp_pppoe_verbose", Kind.INT, "rp_pppoe_verbose", null, Limits.NON_NEGATIVE,
                "PPPoE discovery verbosity", true));
        b.add(new OptionSpec("pppoe-padi-timeout", Kind.INT, "pppoe-padi-timeout", null, Limits.POSITIVE,
                "seconds to wait for a PADO", true));
        b.add(new OptionSpec("pppoe-padi-attempts", Kind.INT, "pppoe-padi-attempts", null, Limits.POSITIVE,
                "PADI attempts before giving up", true));
        b.add(new OptionSpec("pppoe-verbose", Kind.INT, "rp_pppoe_verbose", null, Limits.NON_NEGATIVE,
                "PPPoE discovery verbosity", true));
        // jppp's own: what iptables' TCPMSS target does for a kernel pppd.
        b.add(new OptionSpec("clamp-mss", Kind.INT, "clamp-mss", null, Limits.NON_NEGATIVE,
                "jppp: lower the MSS of TCP SYNs in both directions to N (0: off)", true));
        // Options that only turn off what jppp does not have.
        for (String off : List.of("noipx", "noccp", "nobsdcomp", "nodeflate", "novj", "novjccomp",
                "nopredictor1", "nomppe", "nomppe-40", "nomppe-128", "nomppe-stateful", "nomp",
                "nomultilink", "noktune", "nodefaultroute6")) {
            b.spec(off, Kind.IGNORED, off, "accepted and ignored: jppp has no such feature to turn off");
        }
        // pppd options jppp refuses.
        for (String no : List.of("bsdcomp", "deflate", "predictor1", "mppe", "require-mppe", "require-mppe-40",
                "require-mppe-128", "mppe-stateful", "vj-max-slots", "ipx", "+ipx", "ipx-network", "ipx-node",
                "ipx-router-name", "ipx-routing", "ipx-routing-none", "ipxcp-accept-local",
                "ipxcp-accept-remote", "ipxcp-restart", "ipxcp-max-configure", "ipxcp-max-terminate",
                "ipxcp-max-failure", "multilink", "mp", "mrru", "mpshortseq", "endpoint", "callback", "cbcp",
                "ktune", "escape", "pass-filter", "precompiled-active-filter", "precompiled-pass-filter",
                "receive-all", "silent", "passive", "defaultroute6",
                "cdtrcts", "nocdtrcts", "record", "login", "papcrypt", "allow-ip", "allow-number",
                "privgroup", "set", "unset", "child-timeout", "ip-up-script", "ip-down-script",
                "ipv6-up-script", "ipv6-down-script", "remotenumber", "noremoteip", "ipcp-no-address",
                "ipcp-no-addresses", "ms-lanman", "mo", "mo-timeout", "max-tx-octets", "srp-interval",
                "srp-pn-secret", "srp-use-pseudonym", "eap-restart", "eap-max-sreq", "eap-timeout",
                "eap-max-rreq", "eap-interval", "chapms-strip-domain", "enable-session")) {
            b.spec(no, Kind.UNSUPPORTED, null, "not supported by jppp");
        }
        return b.specs();
    }

    /** Table-building helpers, so each row is one line. */
    private static final class Builder {
        private final List<OptionSpec> specs = new ArrayList<>();

        void add(OptionSpec s) {
            specs.add(s);
        }

        void spec(String name, Kind kind, String key, String help) {
            add(new OptionSpec(name, kind, key, null, null, help, false));
        }

        void flag(String name, String key, Object value, String help) {
            add(new OptionSpec(name, Kind.FLAG, key, value, null, help, false));
        }

        void num(String name, IntRange range, String help) {
            add(new OptionSpec(name, Kind.INT, name, null, range, help, false));
        }

        void counter(String name, String help) {
            add(new OptionSpec(name, Kind.INCREMENT, name, null, null, help, false));
        }

        void str(String name, String help) {
            spec(name, Kind.STRING, name, help);
        }

        void special(String name, Kind kind, String help) {
            spec(name, kind, kind == Kind.PLUGIN ? "plugin" : null, help);
        }

        void device(String key, String help) {
            add(new OptionSpec(key + " (by form)", Kind.WILD, key, null, null, help, key.equals(NIC)));
        }

        void pppoe(String name, String key, String help) {
            add(new OptionSpec(name, Kind.STRING, key, null, null, help, true));
        }

        /** The Restart timer and counters of one RFC 1661 automaton (§4.6). */
        void counters(String prefix) {
            num(prefix + "-restart", Limits.RESTART, "seconds between " + prefix.toUpperCase() + " retransmissions");
            num(prefix + "-max-configure", Limits.COUNTER, prefix.toUpperCase() + " Configure-Requests before giving up");
            num(prefix + "-max-terminate", Limits.COUNTER, prefix.toUpperCase() + " Terminate-Requests before giving up");
            num(prefix + "-max-failure", Limits.COUNTER, prefix.toUpperCase() + " Configure-Naks before rejecting");
        }

        List<OptionSpec> specs() {
            return List.copyOf(specs);
        }
    }
}
