package org.jppp.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsAddressRuleTest {

    static Inet4Address ip(String dotted) {
        try {
            return (Inet4Address) InetAddress.getByName(dotted);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void hostAddress() {
        SecretsAddressRule rule = SecretsAddressRule.parse("10.0.0.5");
        assertEquals(new SecretsAddressRule(true, 0x0A000005, 32, false), rule);
        assertTrue(rule.matches(ip("10.0.0.5"), 0));
        assertFalse(rule.matches(ip("10.0.0.6"), 0));
    }

    @Test
    void subnet_clearsHostBits() {
        SecretsAddressRule rule = SecretsAddressRule.parse("192.168.7.77/24");
        assertEquals(new SecretsAddressRule(true, 0xC0A80700, 24, false), rule);
        assertTrue(rule.matches(ip("192.168.7.1"), 0));
        assertTrue(rule.matches(ip("192.168.7.255"), 0));
        assertFalse(rule.matches(ip("192.168.8.1"), 0));
    }

    @Test
    void negation() {
        SecretsAddressRule rule = SecretsAddressRule.parse("!10.1.0.0/16");
        assertFalse(rule.permit());
        assertTrue(rule.matches(ip("10.1.2.3"), 0));
    }

    /** pppd(8): "/n+" authorizes the one address of the subnet whose host part is unit + 1. */
    @Test
    void perUnit_hostPartIsUnitPlusOne() {
        SecretsAddressRule rule = SecretsAddressRule.parse("10.9.0.0/24+");
        assertTrue(rule.perUnit());
        assertTrue(rule.matches(ip("10.9.0.1"), 0));
        assertTrue(rule.matches(ip("10.9.0.4"), 3));
        assertFalse(rule.matches(ip("10.9.0.1"), 3));
        assertFalse(rule.matches(ip("10.9.0.1"), -1));
        assertEquals(Optional.of(ip("10.9.0.4")), rule.singleAddress(3));
        // auth.c: "interface unit too large for subnet" when unit + 1 reaches the host mask.
        assertEquals(Optional.empty(), SecretsAddressRule.parse("10.9.0.0/30+").singleAddress(2));
        assertEquals(Optional.of(ip("10.9.0.2")), SecretsAddressRule.parse("10.9.0.0/30+").singleAddress(1));
    }

    @Test
    void singleAddress_onlyForPermittingHosts() {
        assertEquals(Optional.of(ip("10.0.0.5")), SecretsAddressRule.parse("10.0.0.5").singleAddress(0));
        assertEquals(Optional.empty(), SecretsAddressRule.parse("!10.0.0.5").singleAddress(0));
        assertEquals(Optional.empty(), SecretsAddressRule.parse("10.0.0.0/8").singleAddress(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "10.0.0.0/0      | invalid address length 0 in auth. address list",
        "10.0.0.0/33     | invalid address length 33 in auth. address list",
        "10.0.0.0/       | `invalid address length  in auth. address list`",
        "10.0.0.0/24x    | invalid address length syntax: 24x",
        "gateway.example | unknown host gateway.example in auth. address list",
        "10.0.0.256      | unknown host 10.0.0.256 in auth. address list",
        "10.0.0          | unknown host 10.0.0 in auth. address list",
        "!               | `unknown host  in auth. address list`",
    })
    void badWords_givePppdWarnings(String word, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretsAddressRule.parse(word));
        assertEquals(message, e.getMessage());
    }
}
