package org.jppp.io.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** usepeerdns: the resolv.conf pppd's create_resolv writes. */
class ResolvConfTest {
    @TempDir
    Path etc;

    private static Inet4Address ip(String text) throws IOException {
        return (Inet4Address) InetAddress.getByName(text);
    }

    @Test
    void writesOneNameserverLinePerServer_mode0644_replacingTheOldFile() throws IOException {
        ResolvConf resolv = new ResolvConf(etc);
        Files.writeString(etc.resolve("resolv.conf"), "nameserver 192.0.2.99\nsearch old.example\n");

        resolv.write(List.of(ip("10.77.0.53"), ip("10.77.0.54")));

        assertEquals(etc.resolve("resolv.conf"), resolv.path());
        assertEquals("nameserver 10.77.0.53\nnameserver 10.77.0.54\n", Files.readString(resolv.path()));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(resolv.path())));
        try (var files = Files.list(etc)) {
            assertEquals(List.of(resolv.path()), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void oneServer_oneLine() throws IOException {
        ResolvConf resolv = new ResolvConf(etc);
        resolv.write(List.of(ip("10.77.0.53")));
        assertEquals("nameserver 10.77.0.53\n", Files.readString(resolv.path()));
    }

    @Test
    void aMissingDirectory_isNamedInTheError() {
        ResolvConf resolv = new ResolvConf(etc.resolve("absent"));
        IOException e = assertThrows(IOException.class, () -> resolv.write(List.of(ip("10.77.0.53"))));
        assertEquals("Failed to create " + etc.resolve("absent/resolv.conf") + ": "
                + etc.resolve("absent/.resolv.conf.jppp-tmp"), e.getMessage());
    }
}
