package org.jppp.tests.pppoe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jppp.tests.serial.TempDirs;

/** JPPP_ETC_DIR trees for PPPoE runs: alice's secrets plus a peers file or the server's options. */
public final class PppoeEtc {
    static final String USER = "alice";
    static final String PASSWORD = "s3cret";

    private PppoeEtc() {}

    /** A client's tree with alice's secrets and an empty {@code peers/} for the test to fill. */
    public static Path user(Path root, String name) throws IOException {
        Path etc = TempDirs.etc(root, name);
        TempDirs.secrets(etc, USER, "*", PASSWORD);
        Files.createDirectories(etc.resolve("peers"));
        return etc;
    }

    /** A client's tree: {@code peers/provider} with the rp-pppoe plugin on {@code ifname}, then {@code lines}. */
    public static Path client(Path root, String name, String ifname, String... lines) throws IOException {
        Path etc = user(root, name);
        StringBuilder provider = new StringBuilder("plugin rp-pppoe.so\nnic-" + ifname + "\nuser " + USER
                + "\nnoauth\nnodetach\n");
        for (String line : lines) {
            provider.append(line).append('\n');
        }
        Files.writeString(etc.resolve("peers/provider"), provider);
        return etc;
    }

    /** An access concentrator's tree: {@code pppoe-server-options} holding {@code options}, one a line. */
    public static Path server(Path root, String name, List<String> options) throws IOException {
        Path etc = TempDirs.etc(root, name);
        TempDirs.secrets(etc, USER, "*", PASSWORD);
        Files.writeString(etc.resolve("pppoe-server-options"), String.join("\n", options) + "\n");
        return etc;
    }
}
