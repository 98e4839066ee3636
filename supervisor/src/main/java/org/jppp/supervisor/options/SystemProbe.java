package org.jppp.supervisor.options;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What pppd asks the system while reading options: is a word a device under /dev, is it a network
 * interface (the PPPoE plugin's bare interface name)? Injected so tests never depend on the host.
 */
public interface SystemProbe {
    boolean deviceExists(String name);

    boolean interfaceExists(String name);

    /** The running host: /dev and /sys/class/net. */
    static SystemProbe host() {
        return new SystemProbe() {
            @Override
            public boolean deviceExists(String name) {
                return plainName(name) && Files.exists(Path.of("/dev", name));
            }

            @Override
            public boolean interfaceExists(String name) {
                return plainName(name) && Files.isDirectory(Path.of("/sys/class/net", name));
            }
        };
    }

    /** A single path component, so "..", "" or "a/b" never name something outside the directory. */
    static boolean plainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }
}
