package org.jppp.supervisor.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {
    private static final Path ETC = Path.of("/etc/jppp");

    @Test
    void defaultsAreRpPppoes() {
        ServerOptions o = ServerOptions.parse(List.of(), ETC);
        assertEquals(List.of("eth0"), o.interfaces());
        assertEquals("10.0.0.1", o.local().getHostAddress());
        assertEquals("10.67.15.1", o.firstRemote().getHostAddress());
        assertEquals(64, o.maxSessions());
        assertEquals(Optional.empty(), o.acName());
        assertEquals(List.of(), o.services());
        assertEquals(ETC.resolve("pppoe-server-options"), o.optionsFile());
        assertEquals(0, o.perMac());
        assertEquals(Optional.empty(), o.poolFile());
        assertEquals(5, o.padiBurst());
        assertEquals(1.0, o.padiPerSecond());
        assertEquals(OptionalInt.empty(), o.unitCache(), "jppp.unit-cache decides");
    }

    @Test
    void unitCache_isJpppsFlag_zeroTurnsItOff() {
        assertEquals(OptionalInt.of(8), ServerOptions.parse(List.of("--unit-cache", "8"), ETC).unitCache());
        assertEquals(OptionalInt.of(0), ServerOptions.parse(List.of("--unit-cache", "0"), ETC).unitCache());
        assertEquals("option --unit-cache: -1 is not a number in 0..65534", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("--unit-cache", "-1"), ETC)).getMessage());
    }

    @Test
    void everyFlagIsRead() {
        ServerOptions o = ServerOptions.parse(List.of("-F", "-k", "-r", "-I", "veth0", "-I", "veth1", "-L", "10.77.0.1",
                "-R", "10.77.0.10", "-N", "100", "-C", "jppp-ac", "-S", "internet", "-S", "voip",
                "-O", "/tmp/opts", "-x", "2", "-p", "/tmp/pool", "--padi-rate", "200:50"), ETC);
        assertEquals(List.of("veth0", "veth1"), o.interfaces());
        assertEquals("10.77.0.1", o.local().getHostAddress());
        assertEquals("10.77.0.10", o.firstRemote().getHostAddress());
        assertEquals(100, o.maxSessions());
        assertEquals(Optional.of("jppp-ac"), o.acName());
        assertEquals(List.of("internet", "voip"), o.services());
        assertEquals(Path.of("/tmp/opts"), o.optionsFile());
        assertEquals(2, o.perMac());
        assertEquals(Optional.of(Path.of("/tmp/pool")), o.poolFile());
        assertEquals(200, o.padiBurst());
        assertEquals(50.0, o.padiPerSecond());
    }

    @Test
    void badCommandLinesSayWhy() {
        assertEquals("unknown option -z", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("-z"), ETC)).getMessage());
        assertEquals("option -I needs an argument", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("-I"), ETC)).getMessage());
        assertEquals("option -N: 0 is not a number in 1..65534", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("-N", "0"), ETC)).getMessage());
        assertEquals("not an IPv4 address: host.example", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("-L", "host.example"), ETC)).getMessage());
        assertEquals("", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(List.of("-h"), ETC)).getMessage());
    }
}
