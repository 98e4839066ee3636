package org.jppp.io.hooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes test scripts: a recorder that saves its argv, its initial environment (from
 * /proc/self/environ, untouched by the shell), its working directory and where its standard
 * descriptors point, into files named after the script in an output directory.
 */
final class ScriptRecorder {
    private final Path out;

    ScriptRecorder(Path out) {
        this.out = out;
    }

    /** Installs an executable shell script with this body at {@code path}. */
    static Path install(Path path, String body) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    /** Installs the recorder as {@code path}, recording under {@code name}. */
    Path recorder(Path path, String name) throws IOException {
        String base = out.resolve(name).toString();
        // The descriptors are read first, from a subshell, so no redirection below can show up.
        return install(path, "fds=$(readlink /proc/$$/fd/0 /proc/$$/fd/1 /proc/$$/fd/2)\n"
                + "printf '%s\\n' \"$0\" \"$@\" > '" + base + ".argv'\n"
                + "tr '\\0' '\\n' < /proc/$$/environ > '" + base + ".env'\n"
                + "pwd > '" + base + ".cwd'\n"
                + "printf '%s\\n' \"$fds\" > '" + base + ".fds'\n");
    }

    List<String> argv(String name) throws IOException {
        return Files.readAllLines(out.resolve(name + ".argv"));
    }

    Map<String, String> env(String name) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve(name + ".env"))) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    List<String> lines(String name, String what) throws IOException {
        return Files.readAllLines(out.resolve(name + "." + what));
    }

    boolean ran(String name) {
        return Files.exists(out.resolve(name + ".argv"));
    }

    /** Everything every recorded script saw, for searching. */
    String everything() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
