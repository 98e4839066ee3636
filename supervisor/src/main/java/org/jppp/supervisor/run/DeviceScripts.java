package org.jppp.supervisor.run;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.Optional;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.PppdLog;
import org.jppp.io.posix.Libc;

/**
 * pppd's {@code connect} and {@code disconnect} scripts: shell commands run with the serial
 * device as their standard input and output (a chat script talks to the modem that way), the
 * connect script before LCP starts, the disconnect script after the link ended. As in
 * {@link org.jppp.io.tty.PtyLink}, the script runs under {@code setsid} in a process group of its
 * own (so it can be ended with everything it started), and a shell opens the device, so the JVM
 * never opens it without {@code O_NOCTTY}.
 */
final class DeviceScripts {
    private static final String ON_DEVICE = "exec /bin/sh -c \"$1\" <>\"$0\" >&0";

    private DeviceScripts() {}

    /** Runs {@code connect} and waits; pppd's EXIT_CONNECT_FAILED (8) when it fails. */
    static void connect(Optional<String> script, Optional<String> device) throws LinkSetupException {
        if (script.isEmpty() || device.isEmpty()) {
            return;
        }
        int status = run(script.get(), device.get());
        if (status != 0) {
            throw new LinkSetupException(ExitStatus.EXIT_CONNECT_FAILED, "Connect script failed");
        }
        PppdLog.LOG.info("Serial connection established.");
    }

    /** Runs {@code disconnect} and waits; a failure is only logged, as pppd does. */
    static void disconnect(Optional<String> script, Optional<String> device) {
        if (script.isEmpty() || device.isEmpty()) {
            return;
        }
        try {
            if (run(script.get(), device.get()) == 0) {
                PppdLog.LOG.info("Serial link disconnected.");
            } else {
                PppdLog.LOG.warn("disconnect script failed");
            }
        } catch (LinkSetupException e) {
            PppdLog.LOG.warn(e.getMessage());
        }
    }

    private static int run(String script, String device) throws LinkSetupException {
        try {
            Process process = new ProcessBuilder("setsid", "-w", "/bin/sh", "-c", ON_DEVICE, device, script)
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.INHERIT)
                    .start();
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // A terminating signal (Signals): end the script and what it started, as pppd does.
                Libc.kill(-(int) process.pid(), Libc.SIGTERM);
                process.destroy();
                throw new LinkSetupException(ExitStatus.EXIT_USER_REQUEST, "");
            }
        } catch (IOException e) {
            throw new LinkSetupException(ExitStatus.EXIT_CONNECT_FAILED, "Failed to run \"" + script + "\": "
                    + e.getMessage());
        }
    }
}
