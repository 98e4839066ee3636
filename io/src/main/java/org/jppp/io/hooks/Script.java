package org.jppp.io.hooks;

/**
 * The scripts pppd(8) runs from its configuration directory ("SCRIPTS" section), by file name.
 * net-init, net-pre-up and net-down are pppd 2.5 additions and are not run by jppp, which
 * follows pppd 2.4.9.
 */
public enum Script {
    /** Before the interface is brought up for IP; pppd waits for it. */
    IP_PRE_UP("ip-pre-up"),
    /** IPCP has come up. */
    IP_UP("ip-up"),
    /** IPCP has gone down, after ip-up. */
    IP_DOWN("ip-down"),
    /** IPV6CP has come up. */
    IPV6_UP("ipv6-up"),
    /** IPV6CP has gone down, after ipv6-up. */
    IPV6_DOWN("ipv6-down"),
    /** The peer has authenticated itself. */
    AUTH_UP("auth-up"),
    /** The link went down after auth-up. */
    AUTH_DOWN("auth-down");

    private final String fileName;

    Script(String fileName) {
        this.fileName = fileName;
    }

    /** The file name under the configuration directory, e.g. {@code ip-up}. */
    public String fileName() {
        return fileName;
    }
}
