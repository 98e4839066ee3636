package org.jppp.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code bin/pppd call NAME} without {@code nodetach} goes to the background as pppd does: the
 * command returns 0 once the link is connected ({@code updetach}: once the address is set), the
 * link stays up in a process of its own (in its own session, whose pid is in {@code ppp0.pid}),
 * SIGTERM to that pid ends the link with a PADT; a link that cannot be connected never detaches
 * and returns pppd's exit status. Against our {@code bin/pppoe-server} in another namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetachTest {
    private static final Duration RETURNS = Duration.ofSeconds(60);
    private AcLab lab;

    @BeforeAll
    void start() throws Exception {
        lab = AcLab.start("detach");
        lab.peer("provider", "rp_pppoe_service internet");
        // No AC offers this service: discovery gives up after one PADI and one second.
        lab.peer("bad", "rp_pppoe_service nosuch", "pppoe-padi-attempts 1", "pppoe-padi-timeout 1");
    }

    @AfterAll
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    /** Whatever a test left running is ended, and each test starts with no link. */
    @AfterEach
    void noLinkLeft() throws Exception {
        for (long pid : lab.userProcesses()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        AcLab.await(() -> lab.userProcesses().isEmpty() && lab.pppInterfaces().isEmpty(), Duration.ofSeconds(20),
                () -> "left running: " + lab.userProcesses() + " " + lab.pppInterfaces());
    }

    @Test
    void detach_returnsZeroAtConnect_theLinkStaysUpInItsOwnSession_sigtermSendsPadt() throws Exception {
        int padts = lab.count(AcLab.PADT);
        AcLab.Ran ran = lab.sh("bin/pppd call provider", RETURNS).requireStatus(0);
        // pppd's messages reach the terminal until it detaches at the Connect line, none after.
        assertTrue(ran.output().contains("Connect: ppp0 <--> veth0"), ran.output());
        assertFalse(ran.output().contains("local  IP address"), ran.output());

        long pid = lab.pidFile("ppp0");
        assertTrue(pid > 0, "no ppp0.pid in " + lab.run);
        ProcessHandle pppd = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("pid " + pid + " is not running"));
        assertTrue(pppd.info().commandLine().orElse("").contains("org.jppp.supervisor.cli.Pppd call provider"),
                pppd.info().commandLine().toString());
        assertNotEquals(ProcessHandle.current().pid(), pppd.parent().map(ProcessHandle::pid).orElse(-1L));
        // setsid(): the session leader of a session of its own, with no terminal.
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
        assertEquals(Long.toString(pid), stat[3], "session id of " + pid);
        assertEquals("0", stat[4], "controlling terminal of " + pid);

        AcLab.await(() -> lab.address("ppp0").startsWith("10.99.0."), Duration.ofSeconds(30),
                () -> "ppp0 got no address");
        // The AC's IPCP may open a moment after ours: the ping series starts once the link carries one.
        lab.userNs.awaitReachable("10.99.0.1", null, Duration.ofSeconds(30));
        assertEquals(3, lab.userNs.ping("10.99.0.1", 3));

        pppd.destroy();
        lab.awaitAc(AcLab.PADT, padts + 1, Duration.ofSeconds(20));
        AcLab.await(() -> !pppd.isAlive(), Duration.ofSeconds(20), () -> "pppd " + pid + " did not exit");
        assertEquals(-1, lab.pidFile("ppp0"), "ppp0.pid left behind");
    }

    @Test
    void updetach_returnsOnlyOnceTheAddressIsAssigned() throws Exception {
        AcLab.Ran ran = lab.sh("bin/pppd call provider updetach", RETURNS).requireStatus(0);
        // Checked at once, with no wait: the command returned after IPCP came up.
        String address = lab.address("ppp0");
        assertTrue(address.startsWith("10.99.0."), "ppp0 has no address yet: '" + address + "'\n" + ran.output());
        assertTrue(ran.output().contains("local  IP address " + address), ran.output());
        assertTrue(lab.pidFile("ppp0") > 0);
        lab.userNs.awaitReachable("10.99.0.1", null, Duration.ofSeconds(30));
        assertEquals(2, lab.userNs.ping("10.99.0.1", 2));
    }

    @Test
    void failedDiscoveryNeverDetaches_andReturnsPppdsStatus() throws Exception {
        AcLab.Ran ran = lab.sh("bin/pppd call bad", RETURNS);
        assertEquals(8, ran.status(), ran.output());
        assertTrue(ran.output().contains("Unable to complete PPPoE Discovery"), ran.output());
        assertTrue(ran.output().contains("Exit."), ran.output());
        assertTrue(lab.userProcesses().isEmpty(), "left running: " + lab.userProcesses());
    }
}
