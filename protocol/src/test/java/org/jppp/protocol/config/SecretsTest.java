package org.jppp.protocol.config;

import static org.jppp.protocol.config.SecretsAddressRuleTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Best-match choice (auth.c scan_authfile) and address rules (auth.c set_allowed_addrs, auth_ip_addr). */
class SecretsTest {
    private static final String FILE = "chap-secrets";

    private static final String MATCHES = """
            *      *    any-any
            *      gw   any-gw
            alice  *    alice-any
            alice  gw   alice-gw
            bob    *    bob-any
            *      gw   any-gw-second
            alice  gw   alice-gw-second
            """;

    private static Optional<String> secretFor(String client, String server) throws OptionException {
        return SecretsFile.parse(MATCHES, FILE).lookup(client, server).map(e -> e.secret().reveal());
    }

    @Test
    void exactClientAndServer_beatsEverything() throws OptionException {
        assertEquals(Optional.of("alice-gw"), secretFor("alice", "gw"));
    }

    @Test
    void namedClient_beatsNamedServer() throws OptionException {
        assertEquals(Optional.of("bob-any"), secretFor("bob", "gw"));
        assertEquals(Optional.of("alice-any"), secretFor("alice", "elsewhere"));
    }

    @Test
    void namedServer_beatsDoubleWildcard() throws OptionException {
        assertEquals(Optional.of("any-gw"), secretFor("carol", "gw"));
    }

    @Test
    void doubleWildcard_isTheLastResort() throws OptionException {
        assertEquals(Optional.of("any-any"), secretFor("carol", "elsewhere"));
    }

    @Test
    void equalScores_firstInFileWins() throws OptionException {
        assertEquals(Optional.of("alice-gw"), secretFor("alice", "gw"));
        assertEquals(Optional.of("any-gw"), secretFor("zed", "gw"));
    }

    @Test
    void namesAreCaseSensitive() throws OptionException {
        assertEquals(Optional.of("any-gw"), secretFor("Alice", "gw"));
        assertEquals(Optional.of("alice-any"), secretFor("alice", "GW"));
    }

    @Test
    void noWildcards_noMatch_isEmpty() throws OptionException {
        Secrets secrets = SecretsFile.parse("alice gw pw\n", FILE);
        assertEquals(Optional.empty(), secrets.lookup("bob", "gw"));
        assertEquals(Optional.empty(), secrets.lookup("alice", "other"));
    }

    @Test
    void nullName_matchesAnyEntryName() throws OptionException {
        Secrets secrets = SecretsFile.parse("alice gw pw\n", FILE);
        assertEquals("pw", secrets.lookup(null, "gw").orElseThrow().secret().reveal());
        assertEquals("pw", secrets.lookup("alice", null).orElseThrow().secret().reveal());
    }

    @Test
    void quotedStarIsStillAWildcard_likePppdsIswild() throws OptionException {
        Secrets secrets = SecretsFile.parse("\"*\" gw pw\n", FILE);
        assertEquals("pw", secrets.lookup("anyone", "gw").orElseThrow().secret().reveal());
    }

    /** The two roles of pppd(8): client = the side being authenticated, server = the other. */
    @Test
    void bothRoles() throws OptionException {
        Secrets secrets = SecretsFile.parse("""
                me    isp   to-isp
                peer  me    from-peer
                """, FILE);
        assertEquals("to-isp", secrets.toAuthenticateToPeer("me", "isp").orElseThrow().secret().reveal());
        assertEquals("from-peer", secrets.toAuthenticatePeer("peer", "me").orElseThrow().secret().reveal());
        assertEquals(Optional.empty(), secrets.toAuthenticatePeer("isp", "me"));
    }

    // ---- addresses ----

    private static SecretsEntry entry(String addresses) throws OptionException {
        return SecretsFile.parse("peer me pw " + addresses + "\n", FILE).entries().get(0);
    }

    @Test
    void noAddresses_allowNone() throws OptionException {
        SecretsEntry e = entry("");
        assertFalse(e.allowsAddress(ip("10.0.0.1")));
        assertFalse(e.allowsSomeAddress());
    }

    @Test
    void dash_allowsNone() throws OptionException {
        SecretsEntry e = entry("- 10.0.0.1 *");
        assertFalse(e.allowsAddress(ip("10.0.0.1")));
        assertFalse(e.allowsSomeAddress());
    }

    @Test
    void dashAfterAnAddress_stopsTheList() throws OptionException {
        SecretsEntry e = entry("10.0.0.1 - 10.0.0.2");
        assertTrue(e.allowsAddress(ip("10.0.0.1")));
        assertFalse(e.allowsAddress(ip("10.0.0.2")));
    }

    @Test
    void star_allowsAnyButLoopbackAndMulticast() throws OptionException {
        SecretsEntry e = entry("*");
        assertTrue(e.allowsAddress(ip("203.0.113.9")));
        assertTrue(e.allowsSomeAddress());
        assertFalse(e.allowsAddress(ip("127.0.0.1")));
        assertFalse(e.allowsAddress(ip("224.0.0.5")));
        assertFalse(e.allowsAddress(ip("240.0.0.1")));
    }

    @Test
    void singleAddress() throws OptionException {
        SecretsEntry e = entry("10.0.0.2");
        assertTrue(e.allowsAddress(ip("10.0.0.2")));
        assertFalse(e.allowsAddress(ip("10.0.0.3")));
        assertEquals(Optional.of(ip("10.0.0.2")), e.suggestedAddress(0));
    }

    @Test
    void negationBeforeSubnet_excludesOneAddress() throws OptionException {
        SecretsEntry e = entry("!10.1.0.1 10.1.0.0/16");
        assertFalse(e.allowsAddress(ip("10.1.0.1")));
        assertTrue(e.allowsAddress(ip("10.1.200.7")));
        assertFalse(e.allowsAddress(ip("10.2.0.1")));
        assertEquals(Optional.empty(), e.suggestedAddress(0));
    }

    @Test
    void firstMatchingRuleDecides() throws OptionException {
        SecretsEntry e = entry("10.1.0.0/16 !10.1.0.1");
        assertTrue(e.allowsAddress(ip("10.1.0.1")));
    }

    @Test
    void negationThenStar_allowsAllOthers() throws OptionException {
        SecretsEntry e = entry("!10.0.0.1 *");
        assertFalse(e.allowsAddress(ip("10.0.0.1")));
        assertTrue(e.allowsAddress(ip("10.0.0.2")));
    }

    @Test
    void onlyNegations_allowNone() throws OptionException {
        SecretsEntry e = entry("!10.0.0.1");
        assertFalse(e.allowsSomeAddress());
        assertFalse(e.allowsAddress(ip("10.0.0.2")));
    }

    @Test
    void perUnitSubnet_needsTheUnit() throws OptionException {
        SecretsEntry e = entry("192.168.5.0/24+");
        assertTrue(e.allowsAddress(ip("192.168.5.3"), 2));
        assertFalse(e.allowsAddress(ip("192.168.5.3"), 0));
        assertFalse(e.allowsAddress(ip("192.168.5.3")));
        assertEquals(Optional.of(ip("192.168.5.3")), e.suggestedAddress(2));
    }
}
