package org.jppp.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.Phase;
import org.jppp.protocol.authn.AuthNames;
import org.jppp.protocol.authn.AuthTimers;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.config.SecretsFile;
import org.jppp.protocol.cp.AuthMethod;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.PppProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Authentication phase between two whole sessions (RFC 1661 §3.4): the server "gw" requires
 * one method, the client "alice" proves herself with the {@code password} option. Right
 * password: Network phase, and the server learns the peer's name; wrong one: the client exits
 * 19, the server 11, as pppd does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogCapturingExtension.class)
class AuthSessionTest {
    /** Requests sent again after 200 ms, given up after 50 (10 s): a stalled CI machine is not a silent peer. */
    private static final AuthTimers FAST = new AuthTimers(Duration.ofMillis(200), 50, Duration.ofSeconds(30),
            Duration.ofMillis(200), 50, Duration.ZERO, Duration.ofMillis(200), 50, Duration.ofSeconds(20), 20);
    private static final Secrets GW_SECRETS = secrets("""
            alice  gw  s3cret  *
            """);
    private static final Secrets NONE = secrets("");

    private final ActorTestKit kit = ActorTestKit.create();

    @AfterAll
    void shutdown() {
        kit.shutdownTestKit();
    }

    private static Secrets secrets(String text) {
        try {
            return SecretsFile.parse(text, "secrets");
        } catch (OptionException e) {
            throw new AssertionError(e);
        }
    }

    private static SessionSettings server(AuthMethod method) {
        return server(method, GW_SECRETS);
    }

    private static SessionSettings server(AuthMethod method, Secrets secrets) {
        return PeerSessionTest.SERVER.withIpv6cp(Optional.empty()).withAuth(new AuthConfig(Set.of(method),
                EnumSet.allOf(AuthMethod.class), new AuthNames("gw", "gw", Optional.empty()), FAST, secrets,
                secrets, Optional.empty()));
    }

    private static SessionSettings client(String password) {
        return PeerSessionTest.CLIENT.withIpv6cp(Optional.empty()).withAuth(new AuthConfig(Set.of(),
                EnumSet.allOf(AuthMethod.class), new AuthNames("alice", "alice", Optional.empty()), FAST, NONE, NONE,
                Optional.of(password)));
    }

    private End[] connect(AuthMethod method, String password) {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), method.ordinal());
        return new End[] {new End(kit, client(password), line.endA()), new End(kit, server(method), line.endB())};
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PAP", "CHAP_MD5", "CHAP_MS_V2", "EAP"})
    void rightPassword_authenticatePhaseThenNetwork(AuthMethod method) {
        End[] ends = connect(method, "s3cret");
        End client = ends[0];
        End server = ends[1];
        server.await(PeerSession.PhaseChanged.class, p -> p.phase() == Phase.AUTHENTICATE);
        UpDetails atServer = server.up(PppProtocol.IPCP);
        assertEquals(Optional.of("alice"), atServer.peerName());
        assertEquals(Optional.of(Ipv4.parse("10.78.0.2")), client.up(PppProtocol.IPCP).local());
        client.passesTo(server, 4);
        client.closeByUser(server);
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PAP", "CHAP_MD5", "CHAP_MS_V2", "EAP"})
    void wrongPassword_clientExit19_serverExit11(AuthMethod method) {
        End[] ends = connect(method, "wrong");
        assertEquals(ExitStatus.EXIT_AUTH_TOPEER_FAILED, ends[0].finished().exitStatus());
        assertEquals(ExitStatus.EXIT_PEER_AUTH_FAILED, ends[1].finished().exitStatus());
    }

    /** auth.c set_allowed_addrs: the entry's only address replaces the configured 10.78.0.2. */
    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PAP", "CHAP_MD5"})
    void entryWithOneAddress_isTheAddressAssigned(AuthMethod method) {
        InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), method.ordinal());
        End client = new End(kit, client("s3cret"), line.endA());
        End server = new End(kit, server(method, secrets("alice gw s3cret 10.78.0.9\n")), line.endB());
        assertEquals("alice", server.await(PeerSession.PeerAuthenticated.class, p -> true).peerName());
        assertEquals(Optional.of(Ipv4.parse("10.78.0.9")), server.up(PppProtocol.IPCP).remote());
        assertEquals(Optional.of(Ipv4.parse("10.78.0.9")), client.up(PppProtocol.IPCP).local());
        client.closeByUser(server);
    }

    /**
     * ipcp_up's auth_ip_addr: 10.78.0.2 is refused by alice's entry, which offers no single
     * address instead: pppd's error, IPCP and then LCP closed, exit status 10 (nothing came up).
     */
    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"CHAP_MD5"})
    void addressRefusedByEntry_linkEndsWithoutUp(AuthMethod method) {
        LoggingTestKit.error("Peer is not authorized to use remote address 10.78.0.2").expect(kit.system(), () -> {
            InMemoryLine line = new InMemoryLine(kit.system(), Set.of(), Set.of(), method.ordinal());
            End client = new End(kit, client("s3cret"), line.endA());
            End server = new End(kit, server(method, secrets("alice gw s3cret !10.78.0.2 10.78.0.0/24\n")),
                    line.endB());
            assertEquals(ExitStatus.EXIT_NEGOTIATION_FAILED, server.finished().exitStatus());
            assertTrue(server.backlog.stream().noneMatch(PeerSession.Up.class::isInstance), server.backlog.toString());
            assertTrue(server.backlog.stream().anyMatch(PeerSession.LinkDown.class::isInstance), server.backlog.toString());
            return client;
        });
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"CHAP_MD5"})
    void chapSuccess_loggedAsPppdDoes(AuthMethod method) {
        // pppd's two lines: "CHAP authentication succeeded: <message>" (info) and the bare notice.
        LoggingTestKit.info("CHAP authentication succeeded").withOccurrences(2).expect(kit.system(), () -> {
            End[] ends = connect(method, "s3cret");
            return ends[0].up(PppProtocol.IPCP);
        });
    }
}
