package org.jppp.supervisor.options;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.OptionalLong;
import org.jppp.protocol.config.IntRange;
import org.jppp.protocol.config.OptionException;

/** Reads option arguments, with pppd's complaints extended by the expected form. */
final class Arguments {
    private Arguments() {}

    /**
     * An integer as C's strtoul with base 0 reads it (decimal, 0x hex, 0 octal), but the whole word
     * must be the number: pppd would take "12abc" as 12, jppp refuses it.
     */
    static int integer(String option, String word, IntRange range) throws OptionException {
        long v = unsigned(word, 0);
        if (v < 0) {
            throw new OptionException("invalid numeric parameter '" + word + "' for " + option
                    + " option (expected " + range.expected() + ")");
        }
        if (v > Integer.MAX_VALUE || !range.contains((int) v)) {
            throw new OptionException(range.complaint(option));
        }
        return (int) v;
    }

    /** A factor of at least 1 in plain decimal notation (2, 1.5): jppp's holdoff-backoff. */
    static double factor(String option, String word) throws OptionException {
        double v;
        try {
            v = word.matches("[0-9]+(\\.[0-9]+)?") ? Double.parseDouble(word) : Double.NaN;
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 1.0) || Double.isInfinite(v)) {
            throw new OptionException("invalid numeric parameter '" + word + "' for " + option
                    + " option (expected a number >= 1, such as 2 or 1.5)");
        }
        return v;
    }

    /** A 32-bit hex number, with or without 0x (asyncmap). */
    static int hex32(String option, String word) throws OptionException {
        long v = unsigned(word, 16);
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new OptionException("invalid numeric parameter '" + word + "' for " + option
                    + " option (expected a 32-bit hex number such as 0 or 0xa0000)");
        }
        return (int) v;
    }

    /** The value of {@code word} in {@code radix} (0: as C picks), or -1 if it is not a number. */
    private static long unsigned(String word, int radix) {
        String digits = word;
        int r = radix;
        if ((r == 0 || r == 16) && (word.startsWith("0x") || word.startsWith("0X"))) {
            digits = word.substring(2);
            r = 16;
        } else if (r == 0 && word.length() > 1 && word.startsWith("0")) {
            digits = word.substring(1);
            r = 8;
        } else if (r == 0) {
            r = 10;
        }
        if (digits.isEmpty() || digits.length() > 12) {
            return -1;
        }
        long v = 0;
        for (char c : digits.toCharArray()) {
            int d = c < 0x80 ? Character.digit(c, r) : -1;
            if (d < 0) {
                return -1;
            }
            v = v * r + d;
        }
        return v;
    }

    /** A dotted-quad IPv4 address, or empty if {@code word} is not one. */
    static Optional<Inet4Address> ipv4(String word) {
        String[] parts = word.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) v;
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    /** An IPv4 address argument of {@code option} (ms-dns, ms-wins). */
    static Inet4Address address(String option, String word) throws OptionException {
        return ipv4(word).orElseThrow(() -> new OptionException("invalid address parameter '" + word
                + "' for " + option + " option (expected a dotted-quad IPv4 address)"));
    }

    /** A netmask: an IPv4 address whose one bits are contiguous from the top. */
    static Inet4Address netmask(String word) throws OptionException {
        Optional<Inet4Address> a = ipv4(word);
        if (a.isPresent()) {
            int m = java.nio.ByteBuffer.wrap(a.get().getAddress()).getInt();
            if ((~m & (~m + 1)) == 0) {
                return a.get();
            }
        }
        throw new OptionException("invalid netmask value '" + word
                + "' (expected a dotted-quad mask such as 255.255.255.0)");
    }

    /** pppd's {@code local:remote} word; either side may be empty (not both). */
    static AddressPair addressPair(String word) throws OptionException {
        int colon = word.indexOf(':');
        String local = word.substring(0, colon);
        String remote = word.substring(colon + 1);
        return new AddressPair(side("local", local), side("remote", remote));
    }

    private static Optional<Inet4Address> side(String which, String text) throws OptionException {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Inet4Address> a = ipv4(text);
        if (a.isEmpty()) {
            throw new OptionException("invalid " + which + " IP address: " + text
                    + " (expected a dotted-quad IPv4 address; jppp does not look up host names)");
        }
        return a;
    }

    /** {@code <local_id>,<remote_id>}: IPv6 literals whose top 64 bits are zero, e.g. {@code ::1,::2}. */
    static InterfaceIds interfaceIds(String word) throws OptionException {
        int comma = word.indexOf(',');
        String local = comma < 0 ? word : word.substring(0, comma);
        String remote = comma < 0 ? "" : word.substring(comma + 1);
        return new InterfaceIds(id("local", local), id("remote", remote));
    }

    private static OptionalLong id(String which, String text) throws OptionException {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String complaint = "Illegal interface identifier (" + which + "): " + text
                + " (expected an IPv6 form of a non-zero 64-bit identifier such as ::1:2)";
        // Only a literal: InetAddress would look a name up in DNS.
        if (!text.contains(":") || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':')) {
            throw new OptionException(complaint);
        }
        try {
            InetAddress a = InetAddress.getByName(text);
            if (!(a instanceof Inet6Address)) {
                throw new OptionException(complaint);
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(a.getAddress());
            long high = b.getLong();
            long low = b.getLong();
            if (high != 0 || low == 0) {
                throw new OptionException(complaint);
            }
            return OptionalLong.of(low);
        } catch (UnknownHostException e) {
            throw new OptionException(complaint);
        }
    }

    /** pppd's %q: backslash before quote and backslash, control characters escaped. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
