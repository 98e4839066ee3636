package org.jppp.tests.serial;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One serial refpeer guest (real Debian pppd on a virtual UART, see shared/refpeer/README.md):
 * booted once by {@link #start}, reconfigured between tests without a reboot, stopped by
 * {@link #close()}. Its console log carries pppd's syslog and the {@code REFPEER-EVENT} markers
 * the tests wait for.
 */
public final class RefPeer implements AutoCloseable {
    private static final Duration BOOT = Duration.ofSeconds(120);

    private final Path dir;
    private final String ns;

    private RefPeer(Path dir, String ns) {
        this.dir = dir;
        this.ns = ns;
    }

    /** Boots a guest in netns {@code ns}; {@code options} are start-serial.sh's ({@code --role client}...). */
    public static RefPeer start(String ns, String... options) {
        return startWith("start-serial.sh", "REFPEER-SERIAL-READY", ns, options);
    }

    /**
     * Boots a guest with one of refpeer's start scripts ({@code start-server.sh},
     * {@code start-client.sh} for PPPoE) and waits for the line starting with {@code ready}.
     */
    public static RefPeer startWith(String script, String ready, String ns, String... options) {
        Path dir = Repo.refpeer();
        List<String> command = new ArrayList<>(List.of(dir.resolve(script).toString(), "--ns", ns, "--restart"));
        command.addAll(List.of(options));
        RefPeer peer = new RefPeer(dir, ns);
        Commands.Result started = Commands.run(BOOT, command);
        if (started.status() != 0 || !started.output().contains(ready)) {
            peer.close();
            throw new IllegalStateException("refpeer did not start (" + String.join(" ", command) + "):\n"
                    + started.output());
        }
        return peer;
    }

    /** The socket that is the guest's serial line. */
    public Path socket() {
        return Path.of("/run/refpeer", ns, "ppp.sock");
    }

    /** pppd's {@code pty} command that connects to the line. */
    public String ptyCommand() {
        return "socat STDIO UNIX-CONNECT:" + socket();
    }

    /** Runs a shell command in the guest; returns its output, failing on a non-zero status. */
    public String guest(String command) {
        return Commands.run(Duration.ofSeconds(60),
                List.of(dir.resolve("guest-exec.sh").toString(), "--ns", ns, command)).requireSuccess().output();
    }

    /**
     * Restarts the guest's pppd loop with these {@code REFPEER_SERIAL_*} settings (lines of
     * {@code NAME=value}) and waits until the new pppd holds the tty.
     */
    public void reconfigure(String... settings) throws InterruptedException {
        long mark = consoleLength();
        StringBuilder printf = new StringBuilder();
        for (String s : settings) {
            printf.append(s).append("\\n");
        }
        guest("printf '" + printf + "' > /run/refpeer.override; refpeer-serial restart");
        awaitConsole(mark, Pattern.compile("REFPEER-EVENT serial-pppd-listening"), Duration.ofSeconds(30));
    }

    public Path consoleLog() {
        return Path.of("/run/refpeer", ns, "console.log");
    }

    public String console() {
        try {
            return Files.readString(consoleLog(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Where the console log ends now: markers are awaited after such a mark. */
    public long consoleLength() {
        return console().length();
    }

    /** Waits for {@code pattern} in the console after {@code mark}; returns the match. */
    public Matcher awaitConsole(long mark, Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            String text = console();
            Matcher m = pattern.matcher(text.substring((int) Math.min(mark, text.length())));
            if (m.find()) {
                return m;
            }
            if (System.nanoTime() > deadline) {
                String tail = text.substring((int) Math.min(mark, text.length()));
                fail("refpeer " + ns + ": no \"" + pattern + "\" within " + timeout + "; console since mark:\n" + tail);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the next pppd of the loop holds the tty (after a session ended). */
    public void awaitListening(long mark) throws InterruptedException {
        awaitConsole(mark, Pattern.compile("REFPEER-EVENT serial-pppd-listening"), Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        Commands.run(Duration.ofSeconds(60), List.of(dir.resolve("stop.sh").toString(), "--ns", ns));
    }
}
