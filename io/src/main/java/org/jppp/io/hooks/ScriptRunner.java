package org.jppp.io.hooks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jppp.io.hooks.ScriptResult.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pppd's scripts ({@link Script}) from the configuration directory as pppd 2.4.9's
 * {@code run_program} does: only an executable regular file is run (a missing one silently, a
 * non-executable one with pppd's warning), with argv[0] the script's path, standard input, output
 * and error on /dev/null, the working directory {@code /}, and exactly the variables of a
 * {@link ScriptEnvironment}. Scripts run asynchronously; {@link #shutdown} waits for them as pppd
 * waits for its children before exiting (its {@code child-timeout}) and then terminates them.
 *
 * <p>Unlike pppd, the runner cannot call {@code setsid()} or set the umask in the child (no fork
 * in Java): scripts inherit jppp's session and umask. To make up for the missing process group,
 * a script that outlives the shutdown wait is terminated together with its descendants.
 */
public final class ScriptRunner {
    /** pppd's {@code child-timeout} default: how long to wait for scripts before exiting. */
    public static final Duration DEFAULT_CHILD_WAIT = Duration.ofSeconds(5);
    /** After SIGTERM, how long a script has before it is killed with SIGKILL. */
    private static final Duration TERM_GRACE = Duration.ofSeconds(2);
    private static final File DEV_NULL = new File("/dev/null");
    private static final Set<PosixFilePermission> EXECUTE = EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path etcDir;
    private final Logger log;
    private final Set<Running> running = new HashSet<>();
    private boolean shutDown;

    /** Scripts are looked up in {@code etcDir} ({@code $JPPP_ETC_DIR}, by default /etc/ppp). */
    public ScriptRunner(Path etcDir) {
        this(etcDir, LoggerFactory.getLogger(ScriptRunner.class));
    }

    ScriptRunner(Path etcDir, Logger log) {
        this.etcDir = etcDir;
        this.log = log;
    }

    /** Where {@code script} is looked up. */
    public Path path(Script script) {
        return etcDir.resolve(script.fileName());
    }

    /**
     * Starts {@code script} with these arguments (after argv[0]) and a snapshot of {@code env}.
     * The future completes when the script exits, or at once when it is not run.
     */
    public CompletableFuture<ScriptResult> run(Script script, List<String> args, ScriptEnvironment env) {
        Path path = path(script);
        Status refusal = check(path);
        if (refusal != null) {
            return CompletableFuture.completedFuture(ScriptResult.notRun(script, path, refusal));
        }
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(path.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(env.snapshot());
        Running child;
        synchronized (this) {
            if (shutDown) {
                return CompletableFuture.completedFuture(ScriptResult.notRun(script, path, Status.NOT_STARTED));
            }
            try {
                child = new Running(script, path, builder.start());
            } catch (IOException e) {
                log.warn("Can't execute {}: {}", path, reason(e));
                return CompletableFuture.completedFuture(ScriptResult.notRun(script, path, Status.NOT_EXECUTABLE));
            }
            running.add(child);
        }
        log.debug("Script {} started (pid {})", path, child.process.pid());
        return child.process.onExit().thenApply(p -> finished(child));
    }

    /** How many scripts are running now. */
    public synchronized int runningCount() {
        return running.size();
    }

    /**
     * Refuses new scripts, waits up to {@code childWait} for the running ones, then sends SIGTERM
     * to those left (and their descendants) and SIGKILL after a short grace. Completes when every
     * script has exited.
     */
    public CompletableFuture<Void> shutdown(Duration childWait) {
        List<Running> left;
        synchronized (this) {
            shutDown = true;
            left = List.copyOf(running);
        }
        if (left.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        log.debug("Waiting for {} child processes...", left.size());
        left.forEach(c -> log.debug("  script {}, pid {}", c.path, c.process.pid()));
        return allExited(left).completeOnTimeout(null, childWait.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(x -> terminate(left, false))
                .completeOnTimeout(null, TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(x -> terminate(left, true));
    }

    private Status check(Path path) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Status.MISSING;
        } catch (IOException e) {
            log.warn("Can't execute {}: {}", path, reason(e));
            return Status.NOT_EXECUTABLE;
        }
        if (!attributes.isRegularFile() || attributes.permissions().stream().noneMatch(EXECUTE::contains)) {
            // pppd presets errno to EINVAL for this case, so its warning reads like this.
            log.warn("Can't execute {}: Invalid argument", path);
            return Status.NOT_EXECUTABLE;
        }
        return null;
    }

    private ScriptResult finished(Running child) {
        synchronized (this) {
            running.remove(child);
        }
        int code = child.process.exitValue();
        long pid = child.process.pid();
        if (child.killed && code > 128) {
            log.warn("Child process {} (pid {}) terminated with signal {}", child.path, pid, code - 128);
            return new ScriptResult(child.script, child.path, Status.KILLED, code);
        }
        log.debug("Script {} finished (pid {}), status = 0x{}", child.path, pid, Integer.toHexString(code));
        return new ScriptResult(child.script, child.path, Status.EXITED, code);
    }

    private CompletableFuture<Void> terminate(List<Running> children, boolean forcibly) {
        List<Running> alive = children.stream().filter(c -> c.process.isAlive()).toList();
        for (Running child : alive) {
            child.killed = true;
            if (!forcibly) {
                log.debug("sending SIGTERM to process {}", child.process.pid());
            }
            // Descendants first: once the script is gone they are reparented and out of reach.
            child.process.descendants().forEach(d -> kill(d, forcibly));
            kill(child.process.toHandle(), forcibly);
        }
        return allExited(alive);
    }

    private static void kill(ProcessHandle handle, boolean forcibly) {
        if (forcibly) {
            handle.destroyForcibly();
        } else {
            handle.destroy();
        }
    }

    private static CompletableFuture<Void> allExited(List<Running> children) {
        return CompletableFuture.allOf(children.stream().map(c -> c.process.onExit())
                .toArray(CompletableFuture[]::new));
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** A started script; {@code killed} is set before the runner signals it. */
    private static final class Running {
        final Script script;
        final Path path;
        final Process process;
        volatile boolean killed;

        Running(Script script, Path path, Process process) {
            this.script = script;
            this.path = path;
            this.process = process;
        }
    }
}
