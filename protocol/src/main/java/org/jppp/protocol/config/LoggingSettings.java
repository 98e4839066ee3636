package org.jppp.protocol.config;

import java.util.Optional;
import java.util.OptionalInt;

/** Logging and process behaviour: debug levels, log file or fd, detaching, dryrun and dump. */
public record LoggingSettings(
        int debug,
        int kdebug,
        Optional<String> logfile,
        OptionalInt logfd,
        boolean nolog,
        Detach detach,
        boolean dryrun,
        boolean dump) {

    public LoggingSettings {
        Limits.NON_NEGATIVE.require("debug", debug);
        Limits.NON_NEGATIVE.require("kdebug", kdebug);
        logfd.ifPresent(fd -> Limits.NON_NEGATIVE.require("logfd", fd));
    }
}
