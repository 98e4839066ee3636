package org.jppp.io.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * {@code usepeerdns}: writes the DNS servers the peer gave (RFC 1877) to
 * {@code $JPPP_ETC_DIR/resolv.conf}, one {@code nameserver A.B.C.D} line each, as pppd 2.4.9's
 * {@code create_resolv} does. The system's /etc/resolv.conf is left alone: the ip-up.d/ip-down.d
 * scripts move the file into place and back. Like pppd, jppp does not delete the file when the
 * link goes down.
 *
 * <p>Unlike pppd, which truncates and rewrites the file in place, the file is written to a
 * temporary name and renamed over the old one, so a reader never sees it half written.
 */
public final class ResolvConf {
    /** Readable by resolvers running as any user, as pppd's umask of 022 leaves it. */
    private static final String MODE = "rw-r--r--";

    private final Path path;

    /** The file is {@code etcDir/resolv.conf}. */
    public ResolvConf(Path etcDir) {
        this.path = etcDir.resolve("resolv.conf");
    }

    public Path path() {
        return path;
    }

    /** The file's text for these servers, at most two as IPCP negotiates (RFC 1877 §1.1, §1.3). */
    public static String render(List<Inet4Address> servers) {
        StringBuilder text = new StringBuilder();
        servers.forEach(s -> text.append("nameserver ").append(s.getHostAddress()).append('\n'));
        return text.toString();
    }

    /** Writes the file atomically with mode 0644; the error names the file. */
    public void write(List<Inet4Address> servers) throws IOException {
        Path temporary = path.resolveSibling("." + path.getFileName() + ".jppp-tmp");
        try {
            Files.writeString(temporary, render(servers), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(MODE));
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("Failed to create " + path + ": " + e.getMessage(), e);
        }
    }
}
