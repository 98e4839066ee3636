package org.jppp.supervisor.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who may use the control socket: root, or the user the daemon runs as (as pppd's own files are
 * root's). The peer's user comes from {@code SO_PEERCRED} as the JDK names it: the login name, or
 * the uid in decimal when the uid has no passwd entry.
 */
public final class Credentials {
    private final String ownName;
    private final String ownUid;

    public Credentials(String ownName, String ownUid) {
        this.ownName = ownName;
        this.ownUid = ownUid;
    }

    /** The daemon's own user and uid (from {@code /proc/self}). */
    public static Credentials ofThisProcess() {
        String uid;
        try {
            uid = String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            uid = "";
        }
        return new Credentials(System.getProperty("user.name"), uid);
    }

    public boolean allowed(String peerUser) {
        return peerUser.equals("root") || peerUser.equals("0") || peerUser.equals(ownName)
                || !ownUid.isEmpty() && peerUser.equals(ownUid);
    }
}
