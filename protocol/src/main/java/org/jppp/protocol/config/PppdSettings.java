package org.jppp.protocol.config;

/** Every setting of one pppd run, grouped; built once from defaults, files and the command line. */
public record PppdSettings(
        AuthSettings auth,
        LcpSettings lcp,
        IpcpSettings ipcp,
        Ipv6cpSettings ipv6cp,
        LinkControlSettings link,
        IdentitySettings identity,
        LoggingSettings logging,
        DeviceSettings device,
        PppoeSettings pppoe) {
}
