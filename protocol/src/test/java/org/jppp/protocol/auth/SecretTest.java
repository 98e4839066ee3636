package org.jppp.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void toString_hidesValueAndLength() {
        Secret secret = Secret.of("hunter2");
        assertEquals("Secret[hidden]", secret.toString());
        assertEquals(Secret.of("x").toString(), Secret.of("a much longer one").toString());
    }

    @Test
    void reveal_givesValueBack() {
        assertEquals("hunter2", Secret.of("hunter2").reveal());
    }

    @Test
    void equality_byValue() {
        assertEquals(Secret.of("a"), Secret.of("a"));
        assertNotEquals(Secret.of("a"), Secret.of("b"));
        assertEquals(Secret.of("a").hashCode(), Secret.of("b").hashCode());
    }

    @Test
    void empty() {
        assertTrue(Secret.of("").isEmpty());
        assertEquals(Secret.empty(), Secret.of(""));
        assertFalse(Secret.of(" ").isEmpty());
    }
}
