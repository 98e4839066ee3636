package org.jppp.supervisor.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressPoolTest {
    @TempDir
    Path dir;

    private static List<String> drain(AddressPool pool) {
        List<String> out = new ArrayList<>();
        for (var a = pool.allocate(); a.isPresent(); a = pool.allocate()) {
            out.add(a.get().getHostAddress());
        }
        return out;
    }

    @Test
    void rangeHandsOutConsecutiveAddressesAcrossAnOctetBoundary() {
        AddressPool pool = AddressPool.range(AddressPool.parse("10.0.0.254"), 4);
        assertEquals(List.of("10.0.0.254", "10.0.0.255", "10.0.1.0", "10.0.1.1"), drain(pool));
        assertTrue(pool.allocate().isEmpty());
    }

    @Test
    void releasedAddressIsTheLowestFreeAgain() {
        AddressPool pool = AddressPool.range(AddressPool.parse("10.77.0.10"), 3);
        Inet4Address first = pool.allocate().orElseThrow();
        Inet4Address second = pool.allocate().orElseThrow();
        pool.release(first);
        assertEquals(first, pool.allocate().orElseThrow());
        assertEquals("10.77.0.11", second.getHostAddress());
        assertEquals("10.77.0.12", pool.allocate().orElseThrow().getHostAddress());
    }

    @Test
    void poolFileTakesAddressesShortAndLongRangesCommentsAndDuplicatesOnce() throws Exception {
        Path file = dir.resolve("pool");
        Files.writeString(file, String.join("\n",
                "# dial-in addresses",
                "10.1.0.5",
                "",
                "10.1.0.7-9   # last-octet range",
                "10.1.0.9-10.1.0.10",
                "10.1.0.5"));
        AddressPool pool = AddressPool.file(file);
        assertEquals(5, pool.size());
        assertEquals(List.of("10.1.0.5", "10.1.0.7", "10.1.0.8", "10.1.0.9", "10.1.0.10"), drain(pool));
    }

    @Test
    void badPoolLinesAreNamed() throws Exception {
        Path file = dir.resolve("pool");
        Files.writeString(file, "10.1.0.5\nexample.com\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressPool.file(file));
        assertEquals(file + " line 2: not an IPv4 address: example.com", e.getMessage());
        Files.writeString(file, "10.1.0.9-3\n");
        e = assertThrows(IllegalArgumentException.class, () -> AddressPool.file(file));
        assertEquals(file + " line 1: range ends before it starts: 10.1.0.9-3", e.getMessage());
        Files.writeString(file, "# nothing\n");
        e = assertThrows(IllegalArgumentException.class, () -> AddressPool.file(file));
        assertEquals(file + ": no addresses", e.getMessage());
    }
}
