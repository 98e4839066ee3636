package org.jppp.supervisor.pppoe;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jppp.protocol.wire.Ipv4;

/**
 * The remote addresses an access concentrator hands out, one per session, lowest free first (as
 * pppoe-server gives the first free slot the first address): either {@code -R first} and the
 * following {@code -N - 1} addresses, or the addresses of a {@code -p} pool file.
 */
final class AddressPool {
    private final List<Integer> all;
    private final TreeSet<Integer> free = new TreeSet<>();

    private AddressPool(List<Integer> all) {
        this.all = List.copyOf(all);
        for (int i = 0; i < this.all.size(); i++) {
            free.add(i);
        }
    }

    /** {@code count} consecutive addresses from {@code first}. */
    static AddressPool range(Inet4Address first, int count) {
        List<Integer> addresses = new ArrayList<>();
        int start = toInt(first);
        for (int i = 0; i < count; i++) {
            addresses.add(start + i);
        }
        return new AddressPool(addresses);
    }

    /**
     * A pool file: one entry a line, an address ({@code 10.0.0.5}) or a range of the last octet
     * ({@code 10.0.0.10-20}) or of whole addresses ({@code 10.0.0.10-10.0.0.20}); blank lines and
     * {@code #} comments are skipped. Duplicates count once.
     *
     * @throws IllegalArgumentException naming the bad line
     */
    static AddressPool file(Path file) throws IOException {
        LinkedHashSet<Integer> addresses = new LinkedHashSet<>();
        int number = 0;
        for (String raw : Files.readAllLines(file)) {
            number++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                addEntry(line, addresses);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage());
            }
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException(file + ": no addresses");
        }
        return new AddressPool(new ArrayList<>(addresses));
    }

    private static void addEntry(String line, LinkedHashSet<Integer> addresses) {
        int dash = line.indexOf('-');
        if (dash < 0) {
            addresses.add(toInt(parse(line)));
            return;
        }
        int first = toInt(parse(line.substring(0, dash).strip()));
        String end = line.substring(dash + 1).strip();
        int last = end.contains(".") ? toInt(parse(end)) : (first & 0xFFFFFF00) | octet(end);
        if (Integer.compareUnsigned(last, first) < 0) {
            throw new IllegalArgumentException("range ends before it starts: " + line);
        }
        for (long a = Integer.toUnsignedLong(first); a <= Integer.toUnsignedLong(last); a++) {
            addresses.add((int) a);
        }
    }

    private static int octet(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("bad last octet: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad last octet: " + text);
        }
    }

    /** A dotted quad only: no host names, so a pool file never causes a DNS look-up. */
    static Inet4Address parse(String text) {
        try {
            return Ipv4.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + text, e);
        }
    }

    int size() {
        return all.size();
    }

    /** The lowest free address, taken. */
    Optional<Inet4Address> allocate() {
        Integer index = free.pollFirst();
        return index == null ? Optional.empty() : Optional.of(toAddress(all.get(index)));
    }

    void release(Inet4Address address) {
        int index = all.indexOf(toInt(address));
        if (index >= 0) {
            free.add(index);
        }
    }

    private static int toInt(Inet4Address address) {
        return ByteBuffer.wrap(address.getAddress()).getInt();
    }

    private static Inet4Address toAddress(int value) {
        return Ipv4.fromBytes(ByteBuffer.allocate(4).putInt(value).array());
    }
}
