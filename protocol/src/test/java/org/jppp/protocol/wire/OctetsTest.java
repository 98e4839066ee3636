package org.jppp.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OctetsTest {

    @Test
    void isImmutableAndComparedByContent() {
        byte[] b = {1, 2, 3};
        Octets o = Octets.of(b);
        b[0] = 9;
        o.toByteArray()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, o.toByteArray());
        assertEquals(Octets.ofUnsigned(1, 2, 3), o);
        assertEquals(Octets.ofUnsigned(1, 2, 3).hashCode(), o.hashCode());
        assertNotEquals(Octets.ofUnsigned(1, 2), o);
        assertTrue(o.asBuffer().isReadOnly());
    }

    @Test
    void readsAndSlices() {
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
        assertEquals(Octets.ofUnsigned(1, 2), Octets.read(buf, 2));
        assertEquals(Octets.ofUnsigned(3, 4), Octets.readRemaining(buf));
        assertEquals(Octets.ofUnsigned(2, 3), Octets.ofUnsigned(1, 2, 3, 4).slice(1, 3));
        assertEquals(0xFF, Octets.ofUnsigned(0xFF).get(0));
        assertEquals("0aff", Octets.ofUnsigned(10, 255).hex());
        assertEquals("héllo", Octets.utf8("héllo").utf8());
    }

    @Test
    void rejectsOutOfRangeOctets() {
        assertThrows(IllegalArgumentException.class, () -> Octets.ofUnsigned(256));
    }

    @Test
    void ipv4ParsesDottedQuadsOnly() {
        assertArrayEquals(new byte[] {10, 0, 0, 1}, Ipv4.parse("10.0.0.1").getAddress());
        assertEquals("0.0.0.0", Ipv4.ANY.getHostAddress());
        assertThrows(IllegalArgumentException.class, () -> Ipv4.parse("example.com"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4.parse("10.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4.parse("10.0.0"));
    }
}
