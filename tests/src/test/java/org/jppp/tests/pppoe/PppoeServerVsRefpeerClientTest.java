package org.jppp.tests.pppoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.RefPeer;
import org.jppp.tests.serial.Repo;
import org.jppp.tests.serial.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * jppp's {@code bin/pppoe-server} as the access concentrator of a real client: Debian's pppd with
 * the rp-pppoe plugin in the refpeer guest ({@code start-client.sh}, which keeps sending PADIs
 * until an AC answers, with user alice, accepting only AC-Name jppp-ac). Our server runs in a
 * namespace of the test's own on the veth bridged to the guest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PppoeServerVsRefpeerClientTest {
    private static final String GUEST_MAC = "52:54:00:77:00:02";

    private NetNamespace ns;
    private RefPeer client;
    private Path root;

    @BeforeAll
    void boot() throws Exception {
        root = Files.createTempDirectory("jppp-pppoe-ac");
        ns = NetNamespace.create();
        client = RefPeer.startWith("start-client.sh", "REFPEER-CLIENT-READY", "jppp-pe-cl", "--peer-ns", ns.name(),
                "--peer-if", "veth0", "--service", "internet", "--ac-name", "jppp-ac");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
            TempDirs.delete(root);
        }
    }

    @Test
    void realPppdClientGetsAnAuthenticatedSessionAndTerminationAtShutdown() throws Exception {
        Path etc = PppoeEtc.server(root, "ac", List.of("auth", "require-chap", "name jppp-ac", "ms-dns 10.77.0.53",
                "lcp-echo-interval 5", "lcp-echo-failure 3"));
        long mark = client.consoleLength();
        List<String> command = ns.prefix(List.of(Repo.pppoeServer().toString(), "-F", "-I", "veth0",
                "-L", "10.77.0.1", "-R", "10.77.0.10", "-N", "8", "-C", "jppp-ac", "-S", "internet"));
        try (PppdProcess server = PppdProcess.start(command, etc, etc)) {
            client.awaitConsole(mark, Pattern.compile("REFPEER-EVENT ip-up ifname=ppp0 local=10\\.77\\.0\\.10 "
                    + "remote=10\\.77\\.0\\.1 .*ipparam=refpeer-client dns1=10\\.77\\.0\\.53"), Duration.ofSeconds(60));
            server.awaitLog("remote IP address 10.77.0.10", Duration.ofSeconds(30));
            String log = server.log();
            assertTrue(Pattern.compile("Session \\d+ created for client " + GUEST_MAC + " using Service-Name 'internet'")
                    .matcher(log).find(), log);
            assertTrue(log.contains("Using interface ppp0"), log);
            assertTrue(log.contains("Connect: ppp0 <--> veth0"), log);
            assertTrue(log.contains("CHAP peer authentication succeeded for alice"), log);
            assertTrue(log.contains("peer from calling number " + GUEST_MAC.toUpperCase() + " authorized"), log);
            assertTrue(log.contains("local  IP address 10.77.0.1"), log);
            assertEquals(3, ns.ping("10.77.0.10", 3));

            long beforeTerm = client.consoleLength();
            server.terminate();
            assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), server.log());
            // The PADT goes out with this line (DiscoveryServer.terminate).
            assertTrue(Pattern.compile("Session \\d+ closed for client " + GUEST_MAC + ": Shutting Down")
                    .matcher(server.log()).find(), server.log());
            client.awaitConsole(beforeTerm, Pattern.compile("LCP terminated by peer \\(Shutting Down\\)"),
                    Duration.ofSeconds(10));
            client.awaitConsole(beforeTerm, Pattern.compile("REFPEER-EVENT ip-down ifname=ppp0 local=10\\.77\\.0\\.10"),
                    Duration.ofSeconds(20));
        }
    }
}
