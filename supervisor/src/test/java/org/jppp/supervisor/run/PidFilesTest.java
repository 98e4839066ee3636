package org.jppp.supervisor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pppd's IFNAME.pid and ppp-LINKNAME.pid in JPPP_RUN_DIR. */
class PidFilesTest {
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    @Test
    void interfacePidFile_holdsThePid_andIsRemovedOnClose(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run/pppd");
        try (PidFiles files = PidFiles.write(run, "ppp0", Optional.empty())) {
            assertEquals(PID + "\n", Files.readString(run.resolve("ppp0.pid")));
            assertFalse(Files.exists(run.resolve("ppp-.pid")));
        }
        assertFalse(Files.exists(run.resolve("ppp0.pid")));
    }

    @Test
    void linkPidFile_holdsPidAndInterfaceName(@TempDir Path dir) throws Exception {
        try (PidFiles files = PidFiles.write(dir, "ppp3", Optional.of("isp"))) {
            assertEquals(PID + "\nppp3\n", Files.readString(dir.resolve("ppp-isp.pid")));
            assertEquals(PID + "\n", Files.readString(dir.resolve("ppp3.pid")));
        }
        assertFalse(Files.exists(dir.resolve("ppp-isp.pid")));
    }

    @Test
    void runDir_fromEnvironment_elseRunPppd() {
        assertEquals(Path.of("/tmp/r"), PidFiles.runDir(Map.of("JPPP_RUN_DIR", "/tmp/r")));
        assertEquals(Path.of("/run/pppd"), PidFiles.runDir(Map.of()));
    }
}
