package org.jppp.supervisor.options;

import java.net.Inet4Address;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jppp.protocol.config.AuthProtocol;
import org.jppp.protocol.config.AuthSettings;
import org.jppp.protocol.config.ControlCounters;
import org.jppp.protocol.config.DeviceSettings;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.FlowControl;
import org.jppp.protocol.config.IdentitySettings;
import org.jppp.protocol.config.IpcpSettings;
import org.jppp.protocol.config.Ipv6cpSettings;
import org.jppp.protocol.config.LcpSettings;
import org.jppp.protocol.config.LinkControlSettings;
import org.jppp.protocol.config.LoggingSettings;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.config.PppoeSettings;

/** Turns the option values of one run into the immutable, validated settings records. */
public final class SettingsFactory {
    private SettingsFactory() {}

    public static PppdSettings build(OptionValues v) throws OptionException {
        try {
            return new PppdSettings(auth(v), lcp(v), ipcp(v), ipv6cp(v), link(v), identity(v), logging(v),
                    device(v), pppoe(v));
        } catch (IllegalArgumentException e) {
            // The table checks every word, so only a bad default can get here.
            throw new OptionException(e.getMessage());
        }
    }

    private static AuthSettings auth(OptionValues v) {
        Set<AuthProtocol> required = EnumSet.noneOf(AuthProtocol.class);
        Set<AuthProtocol> refused = EnumSet.noneOf(AuthProtocol.class);
        for (AuthProtocol p : AuthProtocol.values()) {
            if (v.bool("require-" + p.optionSuffix())) {
                required.add(p);
            }
            if (v.bool("refuse-" + p.optionSuffix())) {
                refused.add(p);
            }
        }
        return new AuthSettings(v.bool("auth"), required, refused, v.string("name"), v.string("user"),
                v.string("password"), v.string("remotename"), v.bool("usehostname"), v.string("domain"),
                v.bool("hide-password"), v.integer("chap-interval"), v.integer("chap-restart"),
                v.integer("chap-max-challenge"), v.integer("pap-restart"), v.integer("pap-max-authreq"),
                v.integer("pap-timeout"));
    }

    private static LcpSettings lcp(OptionValues v) {
        return new LcpSettings(v.integer("mru"), v.optionalInt("mtu"), v.optionalInt("asyncmap"),
                v.bool("default-asyncmap"), v.bool("default-mru"), !v.bool("nopcomp"), !v.bool("noaccomp"),
                !v.bool("nomagic"), v.integer("lcp-echo-interval"), v.integer("lcp-echo-failure"),
                v.bool("lcp-echo-adaptive"), counters(v, "lcp"));
    }

    private static ControlCounters counters(OptionValues v, String prefix) {
        return new ControlCounters(prefix, v.integer(prefix + "-restart"), v.integer(prefix + "-max-configure"),
                v.integer(prefix + "-max-terminate"), v.integer(prefix + "-max-failure"));
    }

    private static IpcpSettings ipcp(OptionValues v) {
        Optional<AddressPair> pair = v.get(OptionTable.ADDRESSES).map(AddressPair.class::cast);
        return new IpcpSettings(!v.bool("noip"), pair.flatMap(AddressPair::local),
                pair.flatMap(AddressPair::remote), v.bool("ipcp-accept-local"), v.bool("ipcp-accept-remote"),
                v.bool("noipdefault"), v.bool("defaultroute"), v.bool("replacedefaultroute"),
                v.integer("defaultroute-metric"), v.bool("usepeerdns"), addresses(v, "ms-dns"),
                addresses(v, "ms-wins"), v.get("netmask").map(Inet4Address.class::cast), v.bool("proxyarp"),
                counters(v, "ipcp"));
    }

    private static List<Inet4Address> addresses(OptionValues v, String key) {
        return v.list(key).stream().map(Inet4Address.class::cast).toList();
    }

    private static Ipv6cpSettings ipv6cp(OptionValues v) {
        Optional<InterfaceIds> ids = v.get("ipv6").map(InterfaceIds.class::cast);
        return new Ipv6cpSettings(v.bool("+ipv6"),
                ids.map(InterfaceIds::local).orElse(OptionalLong.empty()),
                ids.map(InterfaceIds::remote).orElse(OptionalLong.empty()),
                v.bool("ipv6cp-accept-local"), v.bool("ipv6cp-use-ipaddr"), v.bool("ipv6cp-use-persistent"),
                counters(v, "ipv6cp"));
    }

    private static LinkControlSettings link(OptionValues v) {
        return new LinkControlSettings(v.bool("persist"), v.integer("holdoff"), v.integer("maxfail"),
                v.bool("demand"), v.integer("idle"), v.integer("maxconnect"), optionalInt(v, "holdoff-max"),
                v.decimal("holdoff-backoff"));
    }

    private static IdentitySettings identity(OptionValues v) {
        return new IdentitySettings(v.string("linkname"), v.string("ipparam"), optionalInt(v, "unit"),
                v.string("ifname"));
    }

    private static OptionalInt optionalInt(OptionValues v, String key) {
        return v.optionalInt(key).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static LoggingSettings logging(OptionValues v) {
        boolean sdnotify = v.bool("up_sdnotify");
        Detach detach = Detach.valueOf(v.string("detach").orElseThrow().toUpperCase());
        // pppd: up_sdnotify implies nodetach (systemd's Type=notify wants its main process to stay).
        return new LoggingSettings(v.integer("debug"), v.integer("kdebug"), v.string("logfile"),
                optionalInt(v, "logfd"), v.bool("nolog"), sdnotify ? Detach.NODETACH : detach,
                v.bool("dryrun"), v.bool("dump"), sdnotify);
    }

    private static DeviceSettings device(OptionValues v) {
        FlowControl flow = FlowControl.valueOf(v.string("crtscts").orElseThrow().toUpperCase());
        return new DeviceSettings(v.string(OptionTable.DEVICE), optionalInt(v, OptionTable.SPEED), v.string("pty"),
                v.bool("notty"), v.string("connect"), v.string("disconnect"), v.string("init"), v.string("welcome"),
                v.integer("connect-delay"), v.bool("modem"), flow, v.bool("lock"), v.bool("sync"));
    }

    private static PppoeSettings pppoe(OptionValues v) {
        List<Object> plugins = v.list("plugin");
        Optional<String> plugin = plugins.isEmpty() ? Optional.empty()
                : Optional.of((String) plugins.get(plugins.size() - 1));
        return new PppoeSettings(plugin, v.string(OptionTable.NIC), v.string("pppoe-service"),
                v.string("rp_pppoe_ac"), v.string("rp_pppoe_sess"), v.integer("rp_pppoe_verbose"),
                v.string("pppoe-mac"), v.string("pppoe-host-uniq"), v.integer("pppoe-padi-timeout"),
                v.integer("pppoe-padi-attempts"), v.integer("clamp-mss"), v.string("pppoe-src-mac"));
    }
}
