package org.jppp.io.hooks;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every pppd script is told about the link: the interface name, the device (tty path, or the
 * Ethernet interface for PPPoE), its speed, and the {@code ipparam} string. Builds the positional
 * arguments of pppd 2.4.9's {@code ipcp_script}, {@code ipv6cp_script} and {@code auth_script}.
 */
public record LinkParameters(String ifname, String device, int speed, Optional<String> ipparam) {

    public LinkParameters {
        Objects.requireNonNull(ifname, "ifname");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(ipparam, "ipparam");
    }

    /**
     * ip-pre-up, ip-up, ip-down: {@code interface-name tty-device speed local-IP remote-IP ipparam}.
     * pppd prints an unknown remote address as 0.0.0.0 and leaves out ipparam when it is not set
     * (its argv ends at the NULL), so a script then sees five arguments.
     */
    public List<String> ipArguments(Inet4Address local, Optional<Inet4Address> remote) {
        return withIpparam(ifname, device, Integer.toString(speed), local.getHostAddress(),
                remote.map(Inet4Address::getHostAddress).orElse("0.0.0.0"));
    }

    /** ipv6-up, ipv6-down: like ip-up with the link-local addresses (RFC 5072 §5) instead. */
    public List<String> ipv6Arguments(long localInterfaceId, long remoteInterfaceId) {
        return withIpparam(ifname, device, Integer.toString(speed), linkLocal(localInterfaceId),
                linkLocal(remoteInterfaceId));
    }

    /**
     * auth-up, auth-down: {@code interface-name peer-name user-name tty-device speed}, where
     * user-name is the account jppp runs as. pppd 2.4.9 passes no ipparam here (2.5 appends it).
     */
    public List<String> authArguments(String peerName, String userName) {
        return List.of(ifname, peerName, userName, device, Integer.toString(speed));
    }

    /**
     * The link-local address built from a 64-bit interface identifier (RFC 5072 §5), written as
     * pppd's {@code llv6_ntoa} writes it: every group as four hex digits, e.g.
     * {@code fe80::0200:5eff:fe00:5301}. Scripts that match on the text depend on that form.
     */
    public static String linkLocal(long interfaceId) {
        return String.format("fe80::%04x:%04x:%04x:%04x", (interfaceId >>> 48) & 0xFFFF,
                (interfaceId >>> 32) & 0xFFFF, (interfaceId >>> 16) & 0xFFFF, interfaceId & 0xFFFF);
    }

    private List<String> withIpparam(String... first) {
        List<String> args = new ArrayList<>(List.of(first));
        ipparam.ifPresent(args::add);
        return List.copyOf(args);
    }
}
