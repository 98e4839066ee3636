package org.jppp.protocol.pppoe.discovery;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.config.PppoeSettings;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeConstants;

/**
 * What the discovery client needs, read once from the plugin options.
 *
 * @param ourMac         the Ethernet interface's address, the source of every frame we send
 * @param interfaceName  the Ethernet interface, for pppd's {@code Connected to ... via interface} line
 * @param service        {@code rp_pppoe_service}: the Service-Name to ask for; empty means any
 *                       service (an empty Service-Name tag, RFC 2516 appendix A) and accepts any
 *                       PADO; present, a PADO must list exactly this name
 * @param acName         {@code rp_pppoe_ac}: accept only a PADO with exactly this AC-Name
 * @param acMac          {@code pppoe-mac}: accept only a PADO from this MAC address
 * @param hostUniq       the Host-Uniq value; empty means none is sent and every reply is ours
 * @param maxPayload     the RFC 4638 PPP-Max-Payload to announce, present only when above 1492
 * @param timeout        {@code pppoe-padi-timeout}: the first wait for a PADO (and for a PADS);
 *                       each retransmission doubles it, as pppd does
 * @param attempts       {@code pppoe-padi-attempts}: PADIs (and then PADRs) sent before giving up
 * @param printAcNames   {@code rp_pppoe_verbose}: log the AC-Name of every PADO
 */
public record ClientConfig(
        MacAddress ourMac,
        String interfaceName,
        Optional<String> service,
        Optional<String> acName,
        Optional<MacAddress> acMac,
        ByteString hostUniq,
        OptionalInt maxPayload,
        Duration timeout,
        int attempts,
        boolean printAcNames) {

    /** pppd's PADI_TIMEOUT: 5 seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 5;
    /** pppd's MAX_PADI_ATTEMPTS: 3. */
    public static final int DEFAULT_ATTEMPTS = 3;
    /** The PPPoE and PPP headers inside an Ethernet payload (pppd's TOTAL_OVERHEAD). */
    public static final int OVERHEAD = PppoeConstants.HEADER_LENGTH + 2;

    public ClientConfig {
        Objects.requireNonNull(ourMac, "ourMac");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(acName, "acName");
        Objects.requireNonNull(acMac, "acMac");
        Objects.requireNonNull(hostUniq, "hostUniq");
        Objects.requireNonNull(maxPayload, "maxPayload");
        if (ourMac.isMulticast()) {
            throw new IllegalArgumentException("our MAC address must be unicast: " + ourMac);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("pppoe-padi-timeout must be positive: " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("pppoe-padi-attempts must be positive: " + attempts);
        }
        if (hostUniq.size() > 0xFFFF) {
            throw new IllegalArgumentException("Host-Uniq too long: " + hostUniq.size());
        }
        maxPayload.ifPresent(m -> {
            if (m <= PppoeConstants.MAX_MRU || m > 0xFFFF) {
                throw new IllegalArgumentException("PPP-Max-Payload must be 1493..65535: " + m);
            }
        });
    }

    /**
     * The configuration from the plugin's options.
     *
     * @param defaultHostUniq the Host-Uniq used when the {@code host-uniq} option is absent: pppd
     *                        uses its process id, which makes it unique per pppd; the caller
     *                        injects a value unique per session
     * @param interfaceMac    the interface's address: our source unless {@code pppoe-src-mac} names another
     * @param maxPayload      see {@link #requestedMaxPayload}
     * @throws IllegalArgumentException with pppd's wording for a bad option value
     */
    public static ClientConfig of(PppoeSettings settings, MacAddress interfaceMac, String interfaceName,
            ByteString defaultHostUniq, OptionalInt maxPayload) {
        MacAddress ourMac = settings.srcMac().map(ClientConfig::parseSourceMac).orElse(interfaceMac);
        return new ClientConfig(ourMac, interfaceName, settings.service(), settings.acName(),
                settings.mac().map(MacAddress::parse),
                settings.hostUniq().map(ClientConfig::parseHostUniq).orElse(defaultHostUniq),
                maxPayload, Duration.ofSeconds(settings.padiTimeout()), settings.padiAttempts(),
                settings.verbose() > 0);
    }

    /**
     * The PPP-Max-Payload to announce (RFC 4638 §4), as pppd computes it: the smaller of the MTU
     * and MRU LCP may use, capped by what the interface can carry; announced only when above 1492.
     */
    public static OptionalInt requestedMaxPayload(int mtu, int mru, int interfaceMtu) {
        int m = Math.min(Math.min(mtu, mru), interfaceMtu - OVERHEAD);
        return m > PppoeConstants.MAX_MRU ? OptionalInt.of(Math.min(m, 0xFFFF)) : OptionalInt.empty();
    }

    /** jppp's {@code pppoe-src-mac}: a unicast MAC address, worded as pppd words pppoe-mac's error. */
    public static MacAddress parseSourceMac(String text) {
        MacAddress mac;
        try {
            mac = MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot parse pppoe-src-mac option value", e);
        }
        if (mac.isMulticast()) {
            throw new IllegalArgumentException("pppoe-src-mac must be a unicast address: " + text);
        }
        return mac;
    }

    /**
     * The {@code host-uniq} option: an even number of hex digits; an empty string means no
     * Host-Uniq tag. A bad value is a configuration error, worded as pppd's fatal message.
     */
    public static ByteString parseHostUniq(String hex) {
        if (hex.length() % 2 != 0 || hex.length() / 2 > 0xFFFF) {
            throw new IllegalArgumentException("Illegal value for host-uniq option");
        }
        try {
            return ByteString.fromArrayUnsafe(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Illegal value for host-uniq option", e);
        }
    }
}
