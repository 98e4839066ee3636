package org.jppp.supervisor.options;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jppp.protocol.config.OptionException;

/** A throw-away configuration root and a fake system for loading options in tests. */
final class Etc {
    /** Devices under the fake /dev and interfaces of the fake host. */
    static final SystemProbe PROBE = new SystemProbe() {
        @Override
        public boolean deviceExists(String name) {
            return Set.of("ttyS0", "ttyUSB0").contains(name);
        }

        @Override
        public boolean interfaceExists(String name) {
            return Set.of("eth0", "enp3s0").contains(name);
        }
    };

    final Path dir;
    final List<String> info = new ArrayList<>();

    Etc(Path dir) {
        this.dir = dir;
        write("peers/.keep", "");
    }

    Etc write(String relative, String text) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> defaults() throws OptionException {
        return ConfigDefaults.read(ConfigFactory.load());
    }

    OptionValues load(String... args) throws OptionException {
        return OptionsLoader.load(dir, List.of(args), defaults(), PROBE, info::add);
    }

    String dryrun(String... args) throws OptionException {
        return DryRun.format(load(args));
    }

    String peer(String name) {
        return dir.resolve("peers").resolve(name).toString();
    }
}
