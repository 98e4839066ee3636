package org.jppp.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jppp.protocol.config.SecretsEntry;
import org.jppp.protocol.config.SecretsFile;
import org.jppp.protocol.cp.IpcpSettings;
import org.jppp.protocol.wire.Ipv4;
import org.junit.jupiter.api.Test;

/** pppd auth.c auth_ip_addr and set_allowed_addrs against one chap-secrets line each. */
class PeerAddressesTest {

    private static Optional<SecretsEntry> entry(String addresses) throws Exception {
        return Optional.of(SecretsFile.parse("alice * s3cret " + addresses + "\n", "chap-secrets").entries().get(0));
    }

    @Test
    void listedAddress_isAllowed() throws Exception {
        assertTrue(PeerAddresses.allowed(entry("10.79.0.2"), Ipv4.parse("10.79.0.2")));
        assertTrue(PeerAddresses.allowed(entry("10.79.0.0/24"), Ipv4.parse("10.79.0.77")));
    }

    @Test
    void unlistedAddress_isRefused() throws Exception {
        assertFalse(PeerAddresses.allowed(entry("10.79.0.2"), Ipv4.parse("10.79.0.3")));
        assertFalse(PeerAddresses.allowed(entry("!10.79.0.3 *"), Ipv4.parse("10.79.0.3")));
    }

    /** pppd(8): a list starting with "-" allows no address at all, nor does an empty list. */
    @Test
    void dashEntry_refusesEveryAddress() throws Exception {
        assertFalse(PeerAddresses.allowed(entry("-"), Ipv4.parse("10.79.0.2")));
        assertFalse(PeerAddresses.allowed(entry(""), Ipv4.parse("10.79.0.2")));
    }

    /** "*" allows anything but what bad_ip_adrs refuses (loopback, multicast, class E). */
    @Test
    void starEntry_allowsAnyUsableAddress() throws Exception {
        assertTrue(PeerAddresses.allowed(entry("*"), Ipv4.parse("192.0.2.9")));
        assertFalse(PeerAddresses.allowed(entry("*"), Ipv4.parse("127.0.0.2")));
        assertFalse(PeerAddresses.allowed(entry("*"), Ipv4.parse("224.0.0.1")));
    }

    @Test
    void noEntry_allowsAnyUsableAddress() {
        assertTrue(PeerAddresses.allowed(Optional.empty(), Ipv4.parse("10.79.0.2")));
        assertFalse(PeerAddresses.allowed(Optional.empty(), Ipv4.parse("127.0.0.1")));
    }

    /** set_allowed_addrs: no ":remote" given, the entry's first address is what we assign. */
    @Test
    void noRemoteConfigured_entrysFirstAddressIsAssigned() throws Exception {
        IpcpSettings configured = IpcpSettings.server(Ipv4.parse("10.79.0.1"), Ipv4.ANY, List.of());
        IpcpSettings s = PeerAddresses.withSuggestion(configured, entry("10.79.0.9"));
        assertEquals(Ipv4.parse("10.79.0.9"), s.remote());
        assertFalse(s.acceptRemote());
        assertTrue(PeerAddresses.withSuggestion(configured, entry("10.79.0.9 10.79.0.10")).acceptRemote());
    }

    @Test
    void configuredRemoteNotAllowed_isReplacedBySuggestion() throws Exception {
        IpcpSettings configured = IpcpSettings.server(Ipv4.parse("10.79.0.1"), Ipv4.parse("10.79.0.2"), List.of());
        assertEquals(Ipv4.parse("10.79.0.9"), PeerAddresses.withSuggestion(configured, entry("10.79.0.9")).remote());
        assertSame(configured, PeerAddresses.withSuggestion(configured, entry("10.79.0.2 10.79.0.9")));
        assertSame(configured, PeerAddresses.withSuggestion(configured, entry("*")));
        assertSame(configured, PeerAddresses.withSuggestion(configured, Optional.empty()));
    }
}
