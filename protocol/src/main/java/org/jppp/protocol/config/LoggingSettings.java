package org.jppp.protocol.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Logging and process behaviour: debug levels, log file or fd, detaching, dryrun and dump, and
 * {@code up_sdnotify} (tell systemd once the link is up).
 */
public record LoggingSettings(
        int debug,
        int kdebug,
        Optional<String> logfile,
        OptionalInt logfd,
        boolean nolog,
        Detach detach,
        boolean dryrun,
        boolean dump,
        boolean upSdnotify) {

    public LoggingSettings {
        Limits.NON_NEGATIVE.require("debug", debug);
        Limits.NON_NEGATIVE.require("kdebug", kdebug);
        logfd.ifPresent(fd -> Limits.NON_NEGATIVE.require("logfd", fd));
    }

    /** Without {@code up_sdnotify}: the settings as they were before that option existed. */
    public LoggingSettings(int debug, int kdebug, Optional<String> logfile, OptionalInt logfd, boolean nolog,
            Detach detach, boolean dryrun, boolean dump) {
        this(debug, kdebug, logfile, logfd, nolog, detach, dryrun, dump, false);
    }
}
