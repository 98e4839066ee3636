package org.jppp.tests.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jppp.tests.serial.Commands;
import org.jppp.tests.serial.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The units in {@code systemd/}, installed by {@code scripts/install-systemd.sh} into a temporary
 * prefix (a link to this checkout, so every ExecStart names a real executable of the repository),
 * pass {@code systemd-analyze verify} without a word about them. systemd-analyze comes from
 * scripts/install-prereqs.sh; its absence is a failure, never a skip.
 */
class SystemdUnitsTest {
    private static final String PREFIX = "/usr/local/lib/jppp/";
    private static final List<String> UNITS = List.of("ppp@.service", "jpppd.service", "ppp-redial.service",
            "ppp-redial.timer");

    @TempDir
    Path dir;

    @Test
    void sourceUnitsNameTheDefaultPrefix() throws Exception {
        for (String unit : UNITS) {
            String text = Files.readString(Repo.root().resolve("systemd").resolve(unit));
            for (String line : text.lines().filter(l -> l.startsWith("ExecStart=")).toList()) {
                assertTrue(line.startsWith("ExecStart=" + PREFIX + "bin/"), unit + ": " + line);
            }
        }
        String ppp = Files.readString(Repo.root().resolve("systemd/ppp@.service"));
        assertTrue(ppp.contains("\nType=notify\n") && ppp.contains("\nNotifyAccess=main\n"), ppp);
        assertTrue(ppp.contains("\nExecStart=" + PREFIX + "bin/pppd call %I nodetach up_sdnotify\n"), ppp);
        String timer = Files.readString(Repo.root().resolve("systemd/ppp-redial.timer"));
        assertTrue(timer.contains("\nOnCalendar=*-*-* 04:00:00\n") && timer.contains("\nPersistent=true\n"), timer);
        String redial = Files.readString(Repo.root().resolve("systemd/ppp-redial.service"));
        assertTrue(redial.contains("\nType=oneshot\n") && redial.contains("\nExecStart=" + PREFIX + "bin/poff -r provider\n"),
                redial);
    }

    /**
     * NotifyAccess=main accepts READY=1 only from the main process: the launcher must become the
     * java process that sends it, not stay around as its parent.
     */
    @Test
    void launcherExecsJava() throws Exception {
        List<String> javaLines = Files.readString(Repo.root().resolve("bin/pppd")).lines()
                .map(String::strip).filter(l -> l.contains("java -cp")).toList();
        assertEquals(2, javaLines.size(), javaLines.toString());
        javaLines.forEach(l -> assertTrue(l.startsWith("exec java -cp"), l));
    }

    @Test
    void installedUnitsVerify() throws Exception {
        Path prefix = dir.resolve("lib/jppp");
        Path bin = dir.resolve("bin");
        Path units = dir.resolve("units");
        Commands.Result install = Commands.run(Duration.ofSeconds(60), List.of(
                Repo.root().resolve("scripts/install-systemd.sh").toString(), "--prefix", prefix.toString(),
                "--bin-dir", bin.toString(), "--unit-dir", units.toString(), "--no-reload"));
        assertEquals(0, install.status(), install.output());
        assertEquals(Repo.root().toRealPath(), prefix.toRealPath());
        for (String cmd : List.of("pppd", "pon", "poff", "plog", "pppctl")) {
            assertEquals(Repo.root().resolve("bin/" + cmd).toRealPath(), bin.resolve(cmd).toRealPath(), cmd);
        }
        String ppp = Files.readString(units.resolve("ppp@.service"));
        assertTrue(ppp.contains("\nExecStart=" + prefix + "/bin/pppd call %I nodetach up_sdnotify\n"), ppp);

        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        // A template is verified through an instance; systemd finds ppp@.service beside it.
        command.add(units.resolve("ppp@provider.service").toString());
        for (String unit : UNITS.subList(1, UNITS.size())) {
            command.add(units.resolve(unit).toString());
        }
        Commands.Result verify = Commands.run(Duration.ofSeconds(60), command);
        assertEquals(0, verify.status(), verify.output());
        List<String> aboutOurs = verify.output().lines()
                .filter(l -> l.contains("ppp@") || l.contains("jpppd") || l.contains("ppp-redial")
                        || l.contains(units.toString()))
                .toList();
        assertEquals(List.of(), aboutOurs, verify.output());
    }
}
