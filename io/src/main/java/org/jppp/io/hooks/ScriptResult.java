package org.jppp.io.hooks;

import java.nio.file.Path;

/**
 * How one script run ended. {@code exitCode} is meaningful only for {@link Status#EXITED}; a
 * process killed by a signal reports 128 + the signal number, as the shell does.
 */
public record ScriptResult(Script script, Path path, Status status, int exitCode) {

    /** What became of the script. */
    public enum Status {
        /** No such file: not an error, as in pppd. */
        MISSING,
        /** The file exists but is not an executable regular file (pppd warns and skips it). */
        NOT_EXECUTABLE,
        /** The runner was shut down before the script could start. */
        NOT_STARTED,
        /** The script ran and exited by itself. */
        EXITED,
        /** The script outlived the shutdown wait and was killed. */
        KILLED
    }

    static ScriptResult notRun(Script script, Path path, Status status) {
        return new ScriptResult(script, path, status, -1);
    }

    /** Whether the script ran and exited with status 0. */
    public boolean succeeded() {
        return status == Status.EXITED && exitCode == 0;
    }
}
