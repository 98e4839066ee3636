package org.jppp.protocol.config;

import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jppp.protocol.auth.Secret;

/**
 * One line of a pap-secrets or chap-secrets file (pppd(8) "AUTHENTICATION"):
 * {@code client server secret [address ...] [-- option ...]}.
 *
 * <p>The secret is a {@link Secret}, so this record's {@code toString} shows it as hidden.
 *
 * @param client       the client name, or {@code *} for any
 * @param server       the server name, or {@code *} for any
 * @param secret       the secret, already read from its file for the {@code @/path} form
 * @param addresses    the address words as written, up to {@code --}
 * @param addressRules the usable address rules, in order, up to the first {@code *} or {@code -}
 *                     (a {@code *} becomes {@link #anyAddress}); unusable words are left out
 * @param anyAddress   the list reached a {@code *} before any {@code -}
 * @param options      the words after {@code --}, to be applied as pppd options for this peer
 * @param file         the secrets file's name, for messages
 * @param line         the 1-based line the entry starts on
 */
public record SecretsEntry(String client, String server, Secret secret, List<String> addresses,
        List<SecretsAddressRule> addressRules, boolean anyAddress, List<String> options, String file, int line) {
    /** The client or server word that matches any name (auth.c ISWILD: exactly one {@code *}). */
    public static final String WILDCARD = "*";

    public SecretsEntry {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(secret, "secret");
        addresses = List.copyOf(addresses);
        addressRules = List.copyOf(addressRules);
        options = List.copyOf(options);
        Objects.requireNonNull(file, "file");
    }

    /**
     * Whether the peer may use {@code address} on ppp unit {@code ifUnit} under this entry
     * (auth.c auth_ip_addr and ip_addr_check): never a loopback, multicast or class E address;
     * otherwise the first rule whose subnet contains the address decides, {@code *} allows
     * whatever no earlier rule refused, and an address no rule mentions is refused. An empty
     * list or one starting with {@code -} thus refuses every address, as pppd(8) says.
     */
    public boolean allowsAddress(Inet4Address address, int ifUnit) {
        if (isReserved(address)) {
            return false;
        }
        for (SecretsAddressRule rule : addressRules) {
            if (rule.matches(address, ifUnit)) {
                return rule.permit();
            }
        }
        return anyAddress;
    }

    /**
     * {@link #allowsAddress(Inet4Address, int)} when the ppp unit is not known: per-unit
     * ({@code a.b.c.d/n+}) rules then match nothing.
     */
    public boolean allowsAddress(Inet4Address address) {
        return allowsAddress(address, -1);
    }

    /**
     * Whether the list grants any address at all (auth.c some_ip_ok): a word before the first
     * {@code -} that does not start with {@code !}. pppd refuses to authenticate a peer whose
     * entry grants none when the peer will need an IP address.
     */
    public boolean allowsSomeAddress() {
        for (String word : addresses) {
            if (word.startsWith("-")) {
                return false;
            }
            if (!word.startsWith("!")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first single address the list grants on unit {@code ifUnit}, which pppd proposes as the
     * peer's address when none is configured or the configured one is not allowed.
     */
    public Optional<Inet4Address> suggestedAddress(int ifUnit) {
        return addressRules.stream().flatMap(r -> r.singleAddress(ifUnit).stream()).findFirst();
    }

    /** Whether the client word is the wildcard. */
    public boolean wildClient() {
        return WILDCARD.equals(client);
    }

    /** Whether the server word is the wildcard. */
    public boolean wildServer() {
        return WILDCARD.equals(server);
    }

    /** pppd's ppp_bad_ip_addr: the loopback net 127/8, multicast 224/4 and class E 240/4. */
    private static boolean isReserved(Inet4Address address) {
        int first = address.getAddress()[0] & 0xFF;
        return first == 127 || first >= 224;
    }
}
