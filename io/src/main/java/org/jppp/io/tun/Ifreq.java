package org.jppp.io.tun;

import com.sun.jna.Memory;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import org.jppp.io.posix.Libc;

/**
 * {@code struct ifreq}: 40 bytes, the interface name in the first 16 ({@code IFNAMSIZ}, NUL
 * terminated) and the request's union at offset 16 (a short for flags, an int for MTU, index or
 * queue length, a {@code struct sockaddr_in} for addresses).
 */
final class Ifreq {
    static final int IFNAMSIZ = 16;
    private static final int SIZE = 40;
    private static final int UNION = 16;

    final Memory memory = new Memory(SIZE);

    Ifreq(String name) {
        memory.clear();
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        checkName(name);
        memory.write(0, bytes, 0, bytes.length);
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.length() >= IFNAMSIZ || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)
                || name.contains("/") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid interface name \"" + name + "\" (1 to 15 ASCII characters)");
        }
    }

    String name() {
        byte[] bytes = memory.getByteArray(0, IFNAMSIZ);
        int length = 0;
        while (length < IFNAMSIZ && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    short getShort() {
        return memory.getShort(UNION);
    }

    void setShort(int value) {
        memory.setShort(UNION, (short) value);
    }

    int getInt() {
        return memory.getInt(UNION);
    }

    void setInt(int value) {
        memory.setInt(UNION, value);
    }

    /** {@code length} octets of the union from {@code offset} (e.g. a hardware address in a {@code struct sockaddr}). */
    byte[] getBytes(int offset, int length) {
        return memory.getByteArray(UNION + offset, length);
    }

    /** {@code struct sockaddr_in}: family in host order, port 0, address in network order. */
    void setAddress(Inet4Address address) {
        memory.share(UNION).clear(SIZE - UNION);
        memory.setShort(UNION, (short) Libc.AF_INET);
        memory.write(UNION + 4, address.getAddress(), 0, 4);
    }
}
