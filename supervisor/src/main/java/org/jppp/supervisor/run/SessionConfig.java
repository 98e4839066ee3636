package org.jppp.supervisor.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jppp.actors.ExitStatus;
import org.jppp.actors.session.SessionSettings;
import org.jppp.actors.session.SessionSettingsMapper;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.protocol.config.Secrets;
import org.jppp.protocol.config.SecretsFile;

/**
 * What {@link SessionSettingsMapper} needs from the system: the host name (pppd's default
 * {@code name}) and the secrets files of the configuration directory, read once per run.
 */
public final class SessionConfig {
    private SessionConfig() {}

    public static SessionSettings from(PppdSettings settings, Path etcDir) throws LinkSetupException {
        return SessionSettingsMapper.map(settings, hostName(), secrets(etcDir, "pap-secrets"),
                secrets(etcDir, "chap-secrets"));
    }

    /**
     * gethostname(2), as pppd calls it: the kernel's UTS name, with no resolver look-up (which
     * could hang in a network namespace without DNS).
     */
    public static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** A missing secrets file holds no secrets (pppd then has none to offer or check). */
    private static Secrets secrets(Path etcDir, String name) throws LinkSetupException {
        Path file = etcDir.resolve(name);
        if (!Files.exists(file)) {
            return new Secrets(file.toString(), List.of());
        }
        try {
            return SecretsFile.parse(file);
        } catch (IOException | OptionException e) {
            throw new LinkSetupException(ExitStatus.EXIT_OPTION_ERROR, "Can't read " + file + ": " + e.getMessage());
        }
    }
}
