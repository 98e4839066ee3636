package org.jppp.tests.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real pppd 2.4.9 dialing (refpeer's serial client role: {@code user alice password s3cret noauth
 * usepeerdns persist}) into jppp, which hands out 10.78.0.1:10.78.0.2 and DNS 10.78.0.53.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefpeerClientTest {
    private static final Duration UP = Duration.ofSeconds(60);

    private RefPeer peer;
    private NetNamespace ns;
    private Path root;

    @BeforeAll
    void boot() throws IOException {
        root = Files.createTempDirectory("jppp-refpeer-c");
        ns = NetNamespace.create();
        peer = RefPeer.start("refpeer-jppp-c", "--role", "client");
    }

    @AfterAll
    void cleanUp() throws Exception {
        TempDirs.cleanUp(root, peer, ns);
    }

    /** {@code auth}: our options; the guest's pppd answers whatever we require as alice. */
    @ParameterizedTest
    @ValueSource(strings = {"require-chap", "require-pap", "require-mschap-v2", "noauth"})
    void guestDialsIn(String auth) throws Exception {
        Path etc = TempDirs.etc(root, auth);
        TempDirs.secrets(etc, "alice", "*", "s3cret");
        long mark = peer.consoleLength();
        try (PppdProcess pppd = PppdProcess.start(ns, etc, etc, args(auth))) {
            pppd.awaitLog("remote IP address 10.78.0.2", UP);
            String peerName = auth.equals("noauth") ? "" : "alice";
            peer.awaitConsole(mark, Pattern.compile("REFPEER-EVENT ip-up ifname=ppp0 local=10\\.78\\.0\\.2 "
                    + "remote=10\\.78\\.0\\.1 .*dns1=10\\.78\\.0\\.53"), UP);
            assertEquals(3, ns.ping("10.78.0.2", 3), pppd.log());
            assertTrue(peer.guest("ping -c 3 -W 2 10.78.0.1").contains("3 packets received"));
            if (!peerName.isEmpty()) {
                assertTrue(pppd.log().contains("peer authentication succeeded for alice"), pppd.log());
            }
            pppd.terminate();
            assertEquals(5, pppd.awaitExit(Duration.ofSeconds(20)), pppd.log());
            peer.awaitConsole(mark, Pattern.compile("REFPEER-EVENT ip-down"), UP);
        }
    }

    /** Our chap-secrets hold another secret for alice: the guest fails to authenticate, we exit 11. */
    @Test
    void wrongSecretExits11() throws Exception {
        Path etc = TempDirs.etc(root, "wrong");
        TempDirs.secrets(etc, "alice", "*", "not-her-secret");
        try (PppdProcess pppd = PppdProcess.start(ns, etc, etc, args("require-chap"))) {
            assertEquals(11, pppd.awaitExit(UP), pppd.log());
            assertTrue(pppd.log().contains("Peer alice failed CHAP authentication"), pppd.log());
        }
    }

    private List<String> args(String auth) {
        return Args.concat(List.of("pty", peer.ptyCommand(), "nodetach", "10.78.0.1:10.78.0.2", "ms-dns",
                "10.78.0.53"), auth.equals("noauth") ? List.of("noauth") : List.of("auth", auth));
    }
}
