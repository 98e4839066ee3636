package org.jppp.supervisor.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jppp.actors.PppdLog;

/**
 * pppd's pid files, written once the interface exists (main.c set_ifunit): {@code IFNAME.pid}
 * holding our pid, and with {@code linkname NAME} also {@code ppp-NAME.pid} holding the pid and
 * the interface name on a second line, so that scripts can find the pppd of a named link. They
 * live in {@code $JPPP_RUN_DIR} (pppd's /var/run; default /run/pppd, created when missing) and
 * are removed when the attempt that wrote them is closed, so none is left after the run.
 * A pid file that cannot be written is pppd's warning, not a failure.
 */
final class PidFiles implements AutoCloseable {
    static final String RUN_DIR_ENV = "JPPP_RUN_DIR";
    static final Path DEFAULT_RUN_DIR = Path.of("/run/pppd");

    private final List<Path> written;

    private PidFiles(List<Path> written) {
        this.written = List.copyOf(written);
    }

    static Path runDir(Map<String, String> env) {
        String dir = env.get(RUN_DIR_ENV);
        return dir == null || dir.isEmpty() ? DEFAULT_RUN_DIR : Path.of(dir);
    }

    static PidFiles write(Path runDir, String ifname, Optional<String> linkname) {
        long pid = ProcessHandle.current().pid();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            PppdLog.LOG.warn("Failed to create {}: {}", runDir, e.getMessage());
        }
        writeOne(runDir.resolve(ifname + ".pid"), pid + "\n", written);
        linkname.ifPresent(name -> writeOne(runDir.resolve("ppp-" + name + ".pid"), pid + "\n" + ifname + "\n", written));
        return new PidFiles(written);
    }

    private static void writeOne(Path file, String text, List<Path> written) {
        try {
            Files.writeString(file, text);
            written.add(file);
        } catch (IOException e) {
            PppdLog.LOG.error("Failed to create pid file {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        for (Path file : written) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                PppdLog.LOG.warn("unable to delete pid file {}: {}", file, e.getMessage());
            }
        }
    }
}
