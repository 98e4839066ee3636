package org.jppp.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jppp.protocol.wire.PppProtocol.Kind;
import org.junit.jupiter.api.Test;

/** Protocol numbers and their classes (RFC 1661 §2). */
class PppProtocolTest {

    @Test
    void constantsHaveTheAssignedNumbers() {
        assertEquals(0xC021, PppProtocol.LCP.number());
        assertEquals(0xC023, PppProtocol.PAP.number());
        assertEquals(0xC025, PppProtocol.LQR.number());
        assertEquals(0xC223, PppProtocol.CHAP.number());
        assertEquals(0xC227, PppProtocol.EAP.number());
        assertEquals(0x8021, PppProtocol.IPCP.number());
        assertEquals(0x8057, PppProtocol.IPV6CP.number());
        assertEquals(0x80FD, PppProtocol.CCP.number());
        assertEquals(0x0021, PppProtocol.IPV4.number());
        assertEquals(0x0057, PppProtocol.IPV6.number());
    }

    @Test
    void traceNamesArePppds() {
        assertEquals("LCP", PppProtocol.LCP.traceName());
        assertEquals("PAP", PppProtocol.PAP.traceName());
        assertEquals("CHAP", PppProtocol.CHAP.traceName());
        assertEquals("EAP", PppProtocol.EAP.traceName());
        assertEquals("IPCP", PppProtocol.IPCP.traceName());
        assertEquals("IPV6CP", PppProtocol.IPV6CP.traceName());
        assertEquals("CCP", PppProtocol.CCP.traceName());
        assertEquals("IP", PppProtocol.IPV4.traceName());
        assertEquals("proto=0x2b", new PppProtocol(0x2B).traceName());
    }

    @Test
    void kindsFollowTheTopNibble() {
        assertEquals(Kind.NETWORK_LAYER, PppProtocol.IPV4.kind());
        assertEquals(Kind.NETWORK_LAYER, new PppProtocol(0x3FFF).kind());
        assertEquals(Kind.LOW_VOLUME, new PppProtocol(0x4021).kind());
        assertEquals(Kind.NETWORK_CONTROL, PppProtocol.IPCP.kind());
        assertEquals(Kind.NETWORK_CONTROL, new PppProtocol(0xBFFF).kind());
        assertEquals(Kind.LINK_CONTROL, PppProtocol.LCP.kind());
        assertEquals(Kind.LINK_CONTROL, new PppProtocol(0xFFFF).kind());
        assertTrue(PppProtocol.IPV6CP.isNetworkControl());
        assertFalse(PppProtocol.LCP.isNetworkControl());
    }

    @Test
    void validNumbersHaveOddLowAndEvenHighOctet() {
        assertTrue(PppProtocol.LCP.isValid());
        assertTrue(PppProtocol.IPV4.isValid());
        assertFalse(new PppProtocol(0x0020).isValid());
        assertFalse(new PppProtocol(0x0121).isValid());
    }

    @Test
    void networkProtocolPairsWithItsNcp() {
        assertEquals(PppProtocol.IPCP, PppProtocol.IPV4.controlProtocol());
        assertEquals(PppProtocol.IPV6CP, PppProtocol.IPV6.controlProtocol());
    }

    @Test
    void onlyNumbersBelow0x100AreCompressible() {
        assertTrue(PppProtocol.IPV4.isCompressible());
        assertTrue(new PppProtocol(0xFD).isCompressible());
        assertFalse(PppProtocol.IPCP.isCompressible());
    }

    @Test
    void rangeIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PppProtocol(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new PppProtocol(-1));
    }
}
