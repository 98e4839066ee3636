package org.jppp.tests.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jppp against jppp over a pty, each in its own network namespace: A runs
 * {@code bin/pppd pty "ip netns exec B bin/pppd notty ..."} as the authenticator handing out
 * addresses, B is the client; the link comes up and pings go both ways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OursVsOursTest {
    private static final Duration UP = Duration.ofSeconds(40);

    @RegisterExtension
    static final PtyLab LAB = new PtyLab("ovo");

    /**
     * {@code require} is the authenticator's pppd option ({@code noauth}: nobody authenticates),
     * the client answers with alice's password.
     */
    @ParameterizedTest
    @ValueSource(strings = {"noauth", "require-pap", "require-chap", "require-mschap-v2", "require-eap"})
    void linkUpAndPingBothWays(String require) throws Exception {
        Path etcA = LAB.etc("a-" + require);
        Path etcB = LAB.etc("b-" + require);
        try (PppdProcess pppd = start(etcA, etcB, require, "s3cret", List.of("unit", "3", "logfile",
                etcA.resolve("file.log").toString()), List.of("usepeerdns", "ifname", "jppp-b"))) {
            pppd.awaitLog("remote IP address 10.79.0.2", UP);
            pppd.awaitLog("remote IP address 10.79.0.1", UP);
            assertTrue(pppd.log().contains(successLine(require)), pppd.log());
            assertTrue(LAB.a().awaitAddress("ppp3", "inet 10.79.0.1 peer 10.79.0.2/32", Duration.ofSeconds(20))
                    .contains("inet 10.79.0.1 peer 10.79.0.2/32"));
            assertTrue(LAB.b().awaitAddress("jppp-b", "inet 10.79.0.2 peer 10.79.0.1/32", Duration.ofSeconds(20))
                    .contains("inet 10.79.0.2 peer 10.79.0.1/32"));
            assertTrue(Files.readString(etcA.resolve("file.log")).contains("Connect: ppp3 <--> /dev/pts/"));
            // Both ends logged their addresses, which each does once its interface is configured
            // and datagrams pass (pppd's ipcp_up): every ping is answered, the first too.
            assertEquals(3, LAB.a().ping("10.79.0.2", 3), pppd.log());
            assertEquals(3, LAB.b().ping("10.79.0.1", 3), pppd.log());
            assertEquals("nameserver 10.79.0.53\n",
                    TempDirs.awaitContent(etcB.resolve("resolv.conf"), "10.79.0.53", Duration.ofSeconds(20)));
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
            assertTrue(pppd.log().contains("Terminating on signal 15"), pppd.log());
        }
    }

    /**
     * How the authenticator's log shows that alice authenticated: pppd's notice for PAP and CHAP;
     * pppd logs none for EAP, so there the Success packet in the debug trace.
     */
    private static String successLine(String require) {
        return switch (require) {
            case "noauth" -> "Connect: ";
            case "require-pap" -> "PAP peer authentication succeeded for alice";
            case "require-eap" -> "sent [EAP Success";
            default -> "CHAP peer authentication succeeded for alice";
        };
    }

    /** The client's secret is wrong: the authenticator ends the link with pppd's exit status 11. */
    @ParameterizedTest
    @ValueSource(strings = {"require-chap", "require-mschap-v2"})
    void wrongSecretFailsPeerAuthentication(String require) throws Exception {
        Path etcA = LAB.etc("a-wrong-" + require);
        Path etcB = LAB.etc("b-wrong-" + require);
        try (PppdProcess pppd = start(etcA, etcB, require, "wrong", List.of(), List.of())) {
            assertEquals(11, pppd.awaitExit(UP), pppd.log());
            assertTrue(pppd.log().contains("peer authentication failed for alice")
                    || pppd.log().contains("Peer alice failed CHAP authentication"), pppd.log());
        }
    }

    /**
     * A (authenticator, 10.79.0.1:10.79.0.2, ms-dns 10.79.0.53, alice's secret s3cret in its
     * secrets files) with B (client, alice with {@code password}) on its pty.
     */
    private PppdProcess start(Path etcA, Path etcB, String require, String password, List<String> extraA,
            List<String> extraB) throws IOException {
        TempDirs.secrets(etcA, "alice", "*", "s3cret");
        List<String> client = Args.concat(List.of(Repo.pppd().toString(), "notty", "nodetach", "user", "alice",
                "password", password, "noauth", "noipdefault", "debug"), extraB);
        String pty = LAB.ptyInB(etcB, client);
        List<String> server = Args.concat(List.of("pty", pty, "nodetach", "debug", "10.79.0.1:10.79.0.2", "ms-dns",
                "10.79.0.53"), require.equals("noauth") ? List.of("noauth") : List.of("auth", require), extraA);
        return PppdProcess.start(LAB.a(), etcA, etcA, server);
    }
}
