package org.jppp.actors.session;

import java.net.Inet4Address;
import java.util.Optional;
import org.jppp.protocol.config.SecretsEntry;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.wire.Ipv4;

/**
 * The peer's IPv4 address against the secrets entry it authenticated with, as pppd 2.4.9's
 * auth.c does: {@code set_allowed_addrs} when authentication succeeds (the entry's first address
 * becomes the one we assign) and {@code auth_ip_addr} when IPCP comes up (an address the entry
 * does not allow closes IPCP with "Unauthorized remote IP address").
 */
public final class PeerAddresses {
    private PeerAddresses() {
    }

    /**
     * Whether the peer may use {@code remote}. With an entry, the entry's address list decides
     * ({@link SecretsEntry#allowsAddress}); without one (nobody authenticated the peer) pppd, run
     * by root, allows any address but loopback, multicast and class E (its bad_ip_adrs).
     */
    public static boolean allowed(Optional<SecretsEntry> entry, Inet4Address remote) {
        if (entry.isPresent()) {
            return entry.get().allowsAddress(remote);
        }
        int first = remote.getAddress()[0] & 0xFF;
        return first != 127 && first < 224;
    }

    /**
     * IPCP's settings once the peer authenticated with {@code entry}: when no remote address is
     * configured, or the configured one is not allowed, the entry's first single address is
     * assigned instead; the peer may still choose its own address when the entry lists more than
     * one (pppd accepts any of them then).
     */
    public static IpcpSettings withSuggestion(IpcpSettings settings, Optional<SecretsEntry> entry) {
        if (entry.isEmpty()) {
            return settings;
        }
        Optional<Inet4Address> suggested = entry.get().suggestedAddress(-1);
        boolean keep = !settings.remote().equals(Ipv4.ANY) && allowed(entry, settings.remote());
        if (suggested.isEmpty() || keep) {
            return settings;
        }
        boolean acceptRemote = settings.acceptRemote() || entry.get().addresses().size() > 1;
        return new IpcpSettings(settings.local(), suggested.get(), settings.acceptLocal(), acceptRemote,
                settings.usePeerDns(), settings.dnsServers());
    }
}
