package org.jppp.supervisor.pppoe;

import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.supervisor.options.OptionsLoader;
import org.jppp.supervisor.options.SettingsFactory;
import org.jppp.supervisor.options.SystemProbe;

/**
 * The pppd options of one served session, read as pppoe-server's pppd reads them: the system's
 * options, then {@code file <pppoe-server-options>}, the PPPoE channel and {@code local:remote}.
 * Read afresh for each session, so an edited options file applies to the next session, as it does
 * for the pppd pppoe-server starts.
 */
final class SessionOptions {
    private final Path etcDir;
    private final Path optionsFile;
    private final Map<String, Object> defaults;
    private final Inet4Address local;

    SessionOptions(Path etcDir, Path optionsFile, Map<String, Object> defaults, Inet4Address local) {
        this.etcDir = etcDir;
        this.optionsFile = optionsFile;
        this.defaults = defaults;
        this.local = local;
    }

    Path etcDir() {
        return etcDir;
    }

    PppdSettings forRemote(Inet4Address remote) throws OptionException {
        List<String> args = new ArrayList<>();
        if (Files.exists(optionsFile)) {
            args.addAll(List.of("file", optionsFile.toString()));
        }
        // pppoe-server's pppd stays in the foreground (nodetach), so the log keeps its standard error.
        args.addAll(List.of("plugin", "rp-pppoe.so", "nodetach",
                local.getHostAddress() + ":" + remote.getHostAddress()));
        return SettingsFactory.build(OptionsLoader.load(etcDir, args, defaults, SystemProbe.host(), line -> { }));
    }
}
