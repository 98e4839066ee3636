package org.jppp.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 2759 §9.2, "Hash Example", and the two sides of the exchange built on it. */
class MsChapV2Test {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String USER = "User";
    private static final Secret PASSWORD = Secret.of("clientPass");
    private static final byte[] AUTH_CHALLENGE = HEX.parseHex("5B5D7C7D7B3F2F3E3C2C602132262628");
    private static final byte[] PEER_CHALLENGE = HEX.parseHex("21402324255E262A28295F2B3A337C7E");
    private static final String NT_RESPONSE = "82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF";
    private static final String AUTH_RESPONSE = "S=407A5589115FD0D6209F510FE9C04566932CDA56";

    @Test
    void challengeHash_rfc2759Vector() {
        assertEquals("D02E4386BCE91226", HEX.formatHex(MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, USER)));
    }

    @Test
    void challengeHash_ignoresDomainPrefix() {
        assertArrayEquals(MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, USER),
                MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, "CORP\\User"));
    }

    @Test
    void passwordHash_and_passwordHashHash_rfc2759Vector() {
        byte[] passwordHash = MsChap.ntPasswordHash(PASSWORD);
        assertEquals("44EBBA8D5312B8D611474411F56989AE", HEX.formatHex(passwordHash));
        assertEquals("41C00C584BD2D91C4017A2A12FA59F3F", HEX.formatHex(MsChap.hashNtPasswordHash(passwordHash)));
    }

    @Test
    void generateNtResponse_rfc2759Vector() {
        assertEquals(NT_RESPONSE,
                HEX.formatHex(MsChapV2.generateNtResponse(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD)));
    }

    @Test
    void generateAuthenticatorResponse_rfc2759Vector() {
        assertEquals(AUTH_RESPONSE, MsChapV2.generateAuthenticatorResponse(PASSWORD, HEX.parseHex(NT_RESPONSE),
                PEER_CHALLENGE, AUTH_CHALLENGE, USER));
    }

    @Test
    void responseValue_layout() {
        byte[] expected = HEX.parseHex(""
                + "21402324255E262A28295F2B3A337C7E"                   // Peer-Challenge
                + "0000000000000000"                                   // Reserved
                + NT_RESPONSE                                          // NT-Response
                + "00");                                               // Flags
        assertArrayEquals(expected, MsChapV2.responseValue(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD));
    }

    @Test
    void verify_rightPassword_givesAuthenticatorResponse() {
        byte[] response = MsChapV2.responseValue(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD);
        assertEquals(Optional.of(AUTH_RESPONSE), MsChapV2.verify(AUTH_CHALLENGE, USER, PASSWORD, response));
    }

    @Test
    void verify_wrongPassword_fails() {
        byte[] response = MsChapV2.responseValue(AUTH_CHALLENGE, PEER_CHALLENGE, USER, Secret.of("clientpass"));
        assertEquals(Optional.empty(), MsChapV2.verify(AUTH_CHALLENGE, USER, PASSWORD, response));
    }

    @Test
    void verify_otherUserName_fails() {
        byte[] response = MsChapV2.responseValue(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD);
        assertEquals(Optional.empty(), MsChapV2.verify(AUTH_CHALLENGE, "Other", PASSWORD, response));
    }

    @Test
    void verify_tamperedPeerChallenge_fails() {
        byte[] response = MsChapV2.responseValue(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD);
        response[0] ^= 1;
        assertEquals(Optional.empty(), MsChapV2.verify(AUTH_CHALLENGE, USER, PASSWORD, response));
    }

    @Test
    void verify_wrongLength_fails() {
        byte[] response = MsChapV2.responseValue(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD);
        assertEquals(Optional.empty(), MsChapV2.verify(AUTH_CHALLENGE, USER, PASSWORD, Arrays.copyOf(response, 48)));
    }

    @Test
    void checkAuthenticatorResponse_acceptsRightAndRejectsWrong() {
        byte[] nt = HEX.parseHex(NT_RESPONSE);
        assertTrue(MsChapV2.checkAuthenticatorResponse(PASSWORD, nt, PEER_CHALLENGE, AUTH_CHALLENGE, USER,
                AUTH_RESPONSE));
        assertTrue(MsChapV2.checkAuthenticatorResponse(PASSWORD, nt, PEER_CHALLENGE, AUTH_CHALLENGE, USER,
                "S=407a5589115fd0d6209f510fe9c04566932cda56"));
        assertFalse(MsChapV2.checkAuthenticatorResponse(PASSWORD, nt, PEER_CHALLENGE, AUTH_CHALLENGE, USER,
                "S=407A5589115FD0D6209F510FE9C04566932CDA57"));
        assertFalse(MsChapV2.checkAuthenticatorResponse(Secret.of("wrong"), nt, PEER_CHALLENGE, AUTH_CHALLENGE,
                USER, AUTH_RESPONSE));
        assertFalse(MsChapV2.checkAuthenticatorResponse(PASSWORD, nt, PEER_CHALLENGE, AUTH_CHALLENGE, USER,
                AUTH_RESPONSE.substring(0, 41)));
        assertFalse(MsChapV2.checkAuthenticatorResponse(PASSWORD, nt, PEER_CHALLENGE, AUTH_CHALLENGE, USER,
                "s" + AUTH_RESPONSE.substring(1)));
    }

    @Test
    void authenticatorResponseOf_successMessageForms() {
        assertEquals(Optional.of(AUTH_RESPONSE), MsChapV2.authenticatorResponseOf(AUTH_RESPONSE + " M=Access granted"));
        assertEquals(Optional.of(AUTH_RESPONSE), MsChapV2.authenticatorResponseOf(AUTH_RESPONSE + "M=hello"));
        assertEquals(Optional.of(AUTH_RESPONSE), MsChapV2.authenticatorResponseOf(AUTH_RESPONSE));
        assertEquals(Optional.empty(), MsChapV2.authenticatorResponseOf(AUTH_RESPONSE + " X=1"));
        assertEquals(Optional.empty(), MsChapV2.authenticatorResponseOf("T=" + AUTH_RESPONSE.substring(2)));
        assertEquals(Optional.empty(), MsChapV2.authenticatorResponseOf("S=407A"));
    }

    @Test
    void successMessage_pppdWording() {
        byte[] response = MsChapV2.responseValue(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD);
        assertEquals(AUTH_RESPONSE + " M=Access granted", MsChapV2.successMessage(AUTH_RESPONSE, response));
        response[48] = 0x04; // Windows 98 sets Flags and cannot parse M=
        assertEquals(AUTH_RESPONSE, MsChapV2.successMessage(AUTH_RESPONSE, response));
    }
}
