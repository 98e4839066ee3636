package org.jppp.supervisor.run;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jppp.actors.ExitStatus;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.LibcVarargs;
import org.jppp.protocol.config.Detach;
import org.jppp.protocol.config.PppdSettings;
import sun.misc.Signal;

/**
 * pppd's {@code detach()} for a JVM, which cannot fork. pppd forks, the parent exits 0 and the
 * child goes on in a session of its own with standard input, output and error on /dev/null. jppp
 * starts a second JVM instead:
 *
 * <ul>
 *   <li>the <em>parent</em> ({@code bin/pppd} as the user started it) runs the same class with the
 *       same arguments in a child JVM marked with the system property {@value #PROPERTY} (a
 *       property, not an environment variable, so that no process the child starts inherits it),
 *       with standard input from /dev/null, standard error inherited (pppd prints to the terminal
 *       until it detaches) and standard output a pipe. It passes on whatever the child prints
 *       there, and the signals it receives (a user's Ctrl-C or {@code kill} before the detach),
 *       and when the child prints {@link #MARKER} it exits 0, as pppd's parent does; when the
 *       child exits first, the parent exits with the child's status (pppd's 8 for a connect
 *       script or PPPoE discovery that failed, say);
 *   <li>the <em>child</em> calls {@code setsid()} first thing ({@link #enterChild}), and where pppd
 *       would detach ({@link #detachNow}) prints the marker and points its standard output and
 *       error at /dev/null.
 * </ul>
 *
 * Where jppp detaches differs from pppd 2.4.9 in one respect: pppd's default {@code detach}
 * forks right after reading its options, before the connect script or PPPoE discovery; jppp
 * detaches once the link is connected ({@code Connect: ppp0 <--> eth0}), so that a link that
 * cannot be connected at all still gives its exit status and its messages to the command that
 * started it. With {@code demand} it detaches as soon as the interface is set up (nothing is
 * dialled before traffic), and with {@code updetach} when the first network protocol is up, as
 * pppd does. {@code nodetach}, {@code up_sdnotify} (systemd's main process must stay) and
 * {@code notty} (standard input and output are the link) never detach; neither does {@code dryrun}.
 */
public final class Detacher {
    /** The system property that makes a JVM the detaching child. */
    public static final String PROPERTY = "jppp.detached";
    /** The line the child prints on its standard output (the parent's pipe) when it detaches. */
    static final String MARKER = "\u0000jppp: detached";
    private static final String[] FORWARDED = {"TERM", "INT", "HUP", "USR1", "USR2"};

    private static boolean detached;

    private Detacher() {}

    /** Whether this JVM is the child a detaching {@code bin/pppd} started. */
    public static boolean isChild() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Whether a {@code bin/pppd} run with these settings starts a child JVM to detach into. */
    public static boolean wanted(PppdSettings settings) {
        return !isChild() && settings.logging().detach() != Detach.NODETACH && !settings.device().notty()
                && !settings.logging().dryrun();
    }

    /** The child's first step: a session of its own, away from the terminal and its signals. */
    public static void enterChild() {
        if (isChild() && Libc.setsid() < 0) {
            // Already a process group leader: possible only when started by hand; harmless.
            System.err.println("pppd: setsid failed: " + Libc.strerror(Libc.errno()));
        }
    }

    /**
     * The parent: runs {@code mainClass args} in a child JVM and waits for it to detach or exit.
     *
     * @return 0 once the child detached, else the child's exit status
     */
    public static int relaunch(String mainClass, List<String> args, PrintStream out, PrintStream err) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Process child;
        try {
            child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            err.println("pppd: cannot start the detached process: " + e.getMessage());
            return ExitStatus.EXIT_FATAL_ERROR;
        }
        for (String name : FORWARDED) {
            Signal.handle(new Signal(name), s -> Libc.kill((int) child.pid(), s.getNumber()));
        }
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(MARKER)) {
                    out.flush();
                    return ExitStatus.EXIT_OK;
                }
                out.println(line);
            }
        } catch (IOException e) {
            err.println("pppd: lost the detached process's output: " + e.getMessage());
        }
        out.flush();
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; keep waiting for the status.
            }
        }
    }

    /**
     * pppd's detach point in the child: tell the parent (which then exits 0), then standard
     * output and error go to /dev/null as pppd's detach() points them. Once only; nothing outside
     * a detaching child.
     */
    static synchronized void detachNow() {
        if (!isChild() || detached) {
            return;
        }
        detached = true;
        System.out.println(MARKER);
        System.out.flush();
        System.err.flush();
        int devNull = LibcVarargs.INSTANCE.open("/dev/null", Libc.O_RDWR);
        if (devNull >= 0) {
            Libc.dup2(devNull, 1);
            Libc.dup2(devNull, 2);
            Libc.close(devNull);
        }
    }
}
