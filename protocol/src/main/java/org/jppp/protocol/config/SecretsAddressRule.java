package org.jppp.protocol.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One word of a secrets-file address list that grants or refuses addresses (pppd(8)
 * "AUTHENTICATION", auth.c set_allowed_addrs): {@code a.b.c.d}, {@code a.b.c.d/n} for a subnet,
 * {@code a.b.c.d/n+} for the one address of that subnet chosen by the ppp unit number, each
 * optionally preceded by {@code !} to refuse instead of grant. The list words {@code *} and
 * {@code -} are not rules; {@link SecretsEntry} handles them.
 *
 * <p>Only numeric addresses are read. pppd also looks words up as host names and network names
 * (gethostbyname, getnetbyname); jppp does not resolve names while reading a secrets file, so a
 * name is reported like an unknown host and skipped.
 *
 * @param permit       false for a {@code !} word
 * @param base         the address (for a subnet, with the host bits cleared), as a big-endian int
 * @param prefixLength 1..32
 * @param perUnit      the {@code +} form: the host part is the interface unit number plus one
 */
public record SecretsAddressRule(boolean permit, int base, int prefixLength, boolean perUnit) {

    public SecretsAddressRule {
        if (prefixLength < 1 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        base &= mask(prefixLength);
    }

    /**
     * Reads one address word.
     *
     * @throws IllegalArgumentException with pppd's warning text when the word is not usable
     *                                  (the caller logs it and skips the word, as pppd does)
     */
    public static SecretsAddressRule parse(String word) {
        boolean permit = !word.startsWith("!");
        String rest = permit ? word : word.substring(1);
        int slash = rest.indexOf('/');
        int prefix = 32;
        boolean perUnit = false;
        if (slash >= 0) {
            String length = rest.substring(slash + 1);
            int digits = 0;
            // Like strtol: leading ASCII digits (nine at most, so the int cannot overflow).
            while (digits < length.length() && digits < 9 && isAsciiDigit(length.charAt(digits))) {
                digits++;
            }
            prefix = digits == 0 ? 0 : Integer.parseInt(length.substring(0, digits));
            if (prefix < 1 || prefix > 32) {
                throw new IllegalArgumentException("invalid address length " + length + " in auth. address list");
            }
            String suffix = length.substring(digits);
            perUnit = suffix.equals("+");
            if (!perUnit && !suffix.isEmpty()) {
                throw new IllegalArgumentException("invalid address length syntax: " + length);
            }
            rest = rest.substring(0, slash);
        }
        int address = parseDottedQuad(rest);
        return new SecretsAddressRule(permit, address, prefix, perUnit);
    }

    /**
     * Whether this rule speaks about {@code address}, for a link on ppp unit {@code ifUnit}
     * (auth.c ip_addr_check's mask comparison). A per-unit rule names the single address whose
     * host part is {@code ifUnit + 1}; it names nothing when that does not fit in the subnet or
     * when the unit is unknown (negative).
     */
    public boolean matches(Inet4Address address, int ifUnit) {
        int a = toInt(address);
        if (!perUnit) {
            return (a & mask(prefixLength)) == base;
        }
        OptionalInt unitAddress = unitAddress(ifUnit);
        return unitAddress.isPresent() && unitAddress.getAsInt() == a;
    }

    /**
     * The single address this rule grants on unit {@code ifUnit}, or empty when it refuses, names
     * a whole subnet, or its per-unit address does not fit. pppd proposes such an address to the
     * peer when none is configured (auth.c set_allowed_addrs, "suggested_ip").
     */
    public Optional<Inet4Address> singleAddress(int ifUnit) {
        if (!permit || (!perUnit && prefixLength < 32)) {
            return Optional.empty();
        }
        if (!perUnit) {
            return Optional.of(fromInt(base));
        }
        OptionalInt unitAddress = unitAddress(ifUnit);
        return unitAddress.isPresent() ? Optional.of(fromInt(unitAddress.getAsInt())) : Optional.empty();
    }

    /** The per-unit address: host part = unit + 1, if that fits below the subnet's broadcast. */
    private OptionalInt unitAddress(int ifUnit) {
        long offset = ifUnit + 1L;
        boolean fits = ifUnit >= 0 && offset < (0xFFFFFFFFL >>> prefixLength);
        return fits ? OptionalInt.of((int) (base + offset)) : OptionalInt.empty();
    }

    static int toInt(Inet4Address address) {
        return ByteBuffer.wrap(address.getAddress()).getInt();
    }

    static Inet4Address fromInt(int address) {
        try {
            return (Inet4Address) InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(address).array());
        } catch (UnknownHostException e) {
            throw new AssertionError("four octets are always an IPv4 address", e);
        }
    }

    private static int mask(int prefixLength) {
        return (int) (0xFFFFFFFFL << (32 - prefixLength));
    }

    private static int parseDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw unknownHost(text);
        }
        int address = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> isAsciiDigit((char) c))
                    || Integer.parseInt(part) > 255) {
                throw unknownHost(text);
            }
            address = (address << 8) | Integer.parseInt(part);
        }
        return address;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException unknownHost(String text) {
        return new IllegalArgumentException("unknown host " + text + " in auth. address list");
    }
}
