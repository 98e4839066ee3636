package org.jppp.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/pon}, {@code bin/poff} and {@code bin/plog} run as a user runs them: through a fake
 * jpppd control socket when one answers, else on {@code bin/pppd} processes. The processes poff
 * signals are stand-ins whose command line looks like bin/pppd's java ({@code ...cli.Pppd call
 * NAME}) and which record each signal; they run in a PID namespace of their own
 * ({@code unshare --pid}) so that poff never sees, let alone signals, any other pppd on the machine.
 */
class PonPoffPlogTest {
    private static final String LIST_ONE = "{\"ok\":true,\"peers\":[\"dsl\"]}";

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    private Result run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JPPP_RUN_DIR", dir.toString());
        pb.environment().put("JPPP_ETC_DIR", dir.resolve("etc").toString());
        pb.environment().put("JPPP_CLASSPATH", Repo.classPath());
        pb.environment().remove("JPPP_LOGFILE");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish: " + command);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result bin(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Repo.root().resolve("bin/" + name).toString()));
        command.addAll(List.of(args));
        return run(Map.of(), command);
    }

    // --- through the daemon ---

    @Test
    void ponGoesThroughTheDaemonWhenItAnswers() throws Exception {
        try (FakeJpppd daemon = FakeJpppd.start(dir.resolve("jppp.sock"),
                line -> line.contains("list") ? LIST_ONE : "{\"ok\":true}")) {
            Result r = bin("pon", "dsl", "debug", "holdoff", "5");
            assertEquals(0, r.status(), r.err());
            assertEquals(List.of("{\"cmd\":\"list\"}", "{\"cmd\":\"up\",\"peer\":\"dsl\",\"args\":[\"debug\",\"holdoff\",\"5\"]}"),
                    daemon.requests());
        }
    }

    @Test
    void ponWithoutANameStartsProvider() throws Exception {
        try (FakeJpppd daemon = FakeJpppd.start(dir.resolve("jppp.sock"),
                line -> line.contains("list") ? LIST_ONE : "{\"ok\":false,\"error\":\"no such peer: provider\"}")) {
            Result r = bin("pon");
            assertEquals(1, r.status());
            assertEquals("pppctl: no such peer: provider\n", r.err());
            assertEquals("{\"cmd\":\"up\",\"peer\":\"provider\"}", daemon.requests().get(1));
        }
    }

    @Test
    void poffOptionsBecomeDaemonCommands() throws Exception {
        try (FakeJpppd daemon = FakeJpppd.start(dir.resolve("jppp.sock"),
                line -> line.contains("list") ? LIST_ONE : "{\"ok\":true}")) {
            assertEquals(0, bin("poff", "-r", "dsl").status());
            assertEquals(0, bin("poff", "-d", "dsl").status());
            assertEquals(0, bin("poff", "-c", "dsl").status());
            assertEquals(0, bin("poff", "dsl").status());
            assertEquals(0, bin("poff", "-a").status());
            // No name and one link: that link.
            assertEquals(0, bin("poff").status());
            assertEquals(List.of(
                    "{\"cmd\":\"list\"}", "{\"cmd\":\"redial\",\"peer\":\"dsl\"}",
                    "{\"cmd\":\"list\"}", "{\"cmd\":\"debug\",\"peer\":\"dsl\"}",
                    "{\"cmd\":\"list\"}", "{\"cmd\":\"renegotiate\",\"peer\":\"dsl\"}",
                    "{\"cmd\":\"list\"}", "{\"cmd\":\"down\",\"peer\":\"dsl\"}",
                    "{\"cmd\":\"list\"}", "{\"cmd\":\"down\"}",
                    "{\"cmd\":\"list\"}", "{\"cmd\":\"down\",\"peer\":\"dsl\"}"), daemon.requests());
        }
    }

    @Test
    void poffWithoutANameRefusesWhenTheDaemonRunsSeveralLinks() throws Exception {
        try (FakeJpppd daemon = FakeJpppd.start(dir.resolve("jppp.sock"),
                line -> "{\"ok\":true,\"peers\":[\"dsl\",\"backup\"]}")) {
            Result r = bin("poff", "-r");
            assertEquals(1, r.status());
            assertTrue(r.err().contains("more than one link is running"), r.err());
            assertEquals(List.of("{\"cmd\":\"list\"}"), daemon.requests());
        }
    }

    // --- without the daemon ---

    @Test
    void ponWithoutTheDaemonExecsPppdCall() throws Exception {
        Files.createDirectories(dir.resolve("etc/peers"));
        Files.writeString(dir.resolve("etc/peers/dsl"), "notty\npersist\n");
        Result r = bin("pon", "dsl", "dryrun");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("persist\t\t# (from " + dir.resolve("etc/peers/dsl") + ")"), r.out());
        assertTrue(r.out().contains("dryrun\t\t# (from command line)"), r.out());
        Result missing = bin("pon", "nosuch");
        assertEquals(1, missing.status());
        assertEquals("pon: the file " + dir.resolve("etc/peers/nosuch") + " does not exist\n", missing.err());
    }

    /** The stand-ins, then each poff, then what every stand-in received. */
    private Result scenario(String body) throws Exception {
        Path script = dir.resolve("scenario.sh");
        Files.writeString(script, String.join("\n",
                "poff=" + Repo.root().resolve("bin/poff"),
                "fake() {  # fake SIGFILE pppd-args...: a process that looks like bin/pppd's java",
                "  f=$1; shift",
                "  F=$f bash -c 'for s in HUP USR1 USR2; do trap \"echo $s >> \\$F\" $s; done;"
                        + " trap \"echo TERM >> \\$F; exit 0\" TERM; touch \"$F\"; while :; do sleep 0.05; done'"
                        + " org.jppp.supervisor.cli.Pppd \"$@\" &",
                "}",
                "ready() { for i in $(seq 100); do [ -e \"$1\" ] && return; sleep 0.05; done; }",
                "run() { \"$poff\" \"$@\"; echo \"poff $* -> $?\"; sleep 0.4; }",
                body, ""));
        return run(Map.of(), List.of("unshare", "--pid", "--fork", "--mount-proc", "bash", script.toString()));
    }

    private String signals(String name) throws IOException {
        Path f = dir.resolve(name + ".sig");
        return Files.exists(f) ? Files.readString(f) : "(none)";
    }

    @Test
    void poffSignalsTheNamedPppd() throws Exception {
        String d = dir.toString();
        Result r = scenario(String.join("\n",
                "fake " + d + "/dsl.sig call dsl nodetach; fake " + d + "/isp.sig call isp",
                "ready " + d + "/dsl.sig; ready " + d + "/isp.sig",
                "run -r dsl", "run -d dsl", "run -c dsl", "run dsl", "run nosuch", "run -r isp", "run -a"));
        assertEquals(0, r.status(), r.err());
        assertEquals(String.join("\n", "poff -r dsl -> 0", "poff -d dsl -> 0", "poff -c dsl -> 0", "poff dsl -> 0",
                "poff nosuch -> 1", "poff -r isp -> 0", "poff -a -> 0", ""), r.out());
        assertEquals("HUP\nUSR1\nUSR2\nTERM\n", signals("dsl"));
        assertEquals("HUP\nTERM\n", signals("isp"));
        assertEquals("poff: found no pppd for the link 'nosuch'; none stopped\n", r.err());
    }

    @Test
    void poffWithoutANameNeedsExactlyOnePppd() throws Exception {
        String d = dir.toString();
        Result r = scenario(String.join("\n",
                "run -r",
                "fake " + d + "/a.sig call a; fake " + d + "/b.sig call b; ready " + d + "/a.sig; ready " + d + "/b.sig",
                "run -d",
                "kill %1; sleep 0.3",
                "run -d"));
        assertEquals(String.join("\n", "poff -r -> 1", "poff -d -> 1", "poff -d -> 0", ""), r.out());
        assertEquals("poff: no pppd is running; none signalled\n"
                + "poff: more than one pppd is running, and neither -a nor a name was given; nothing changed\n", r.err());
        assertEquals("TERM\n", signals("a"));
        assertEquals("USR1\n", signals("b"));
    }

    @Test
    void poffFindsALinknameThroughItsPidFile() throws Exception {
        String d = dir.toString();
        // The process's command line does not name the link (linkname came from a peers file):
        // only ppp-work.pid tells which pppd it is.
        Result r = scenario(String.join("\n",
                "fake " + d + "/w.sig file /etc/ppp/work-options; ready " + d + "/w.sig",
                "printf '%s\\nppp0\\n' $! > " + d + "/ppp-work.pid",
                "JPPP_RUN_DIR=" + d + " run -r work"));
        assertEquals("poff -r work -> 0\n", r.out(), r.err());
        assertEquals("HUP\n", signals("w"));
    }

    @Test
    void poffUsage() throws Exception {
        assertEquals(2, bin("poff", "-x").status());
        Result combined = bin("poff", "-r", "-d");
        assertEquals(2, combined.status());
        assertEquals("poff: options may not be combined\n", combined.err());
        Result help = bin("poff", "-h");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage: poff [option] [NAME]"), help.out());
    }

    // --- plog ---

    @Test
    void plogTailsTheLogFile() throws Exception {
        Path log = dir.resolve("ppp.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 15; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);
        String plog = Repo.root().resolve("bin/plog").toString();
        Result three = run(Map.of("JPPP_LOGFILE", log.toString()), List.of(plog, "-n", "3"));
        assertEquals(0, three.status(), three.err());
        assertEquals("line 13\nline 14\nline 15\n", three.out());
        Result ten = run(Map.of("JPPP_LOGFILE", log.toString()), List.of(plog));
        assertEquals(10, ten.out().lines().count());
        assertTrue(ten.out().startsWith("line 6\n"), ten.out());
    }

    /** No readable log file: the journal's pppd lines (a stand-in journalctl prints its arguments). */
    @Test
    void plogFallsBackToTheJournal() throws Exception {
        Path fakeBin = Files.createDirectories(dir.resolve("fakebin"));
        Path journalctl = fakeBin.resolve("journalctl");
        Files.writeString(journalctl, "#!/bin/sh\necho \"journalctl $*\"\n");
        Files.setPosixFilePermissions(journalctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("JPPP_LOGFILE", dir.resolve("absent.log").toString(),
                "PATH", fakeBin + ":" + System.getenv("PATH"));
        String plog = Repo.root().resolve("bin/plog").toString();
        assertEquals("journalctl -t pppd -n 10 --no-pager\n", run(env, List.of(plog)).out());
        assertEquals("journalctl -t pppd -n 25 --no-pager -f\n", run(env, List.of(plog, "-n", "25", "-f")).out());
        Result bad = run(env, List.of(plog, "--bogus"));
        assertEquals(2, bad.status());
    }

    // --- installed through symlinks ---

    @Test
    void commandsWorkThroughSymlinks() throws Exception {
        Path usrLocalBin = Files.createDirectories(dir.resolve("usr-local-bin"));
        for (String name : List.of("pon", "poff", "plog", "pppctl", "pppd")) {
            Files.createSymbolicLink(usrLocalBin.resolve(name), Repo.root().resolve("bin/" + name));
        }
        try (FakeJpppd daemon = FakeJpppd.start(dir.resolve("jppp.sock"),
                line -> line.contains("list") ? LIST_ONE : "{\"ok\":true}")) {
            Result on = run(Map.of(), List.of(usrLocalBin.resolve("pon").toString(), "dsl"));
            assertEquals(0, on.status(), on.err());
            Result off = run(Map.of(), List.of(usrLocalBin.resolve("poff").toString(), "dsl"));
            assertEquals(0, off.status(), off.err());
            assertEquals(List.of("{\"cmd\":\"list\"}", "{\"cmd\":\"up\",\"peer\":\"dsl\"}",
                    "{\"cmd\":\"list\"}", "{\"cmd\":\"down\",\"peer\":\"dsl\"}"), daemon.requests());
        }
        Result ctl = run(Map.of(), List.of(usrLocalBin.resolve("pppctl").toString(), "status"));
        assertEquals(3, ctl.status());
        assertEquals("pppctl: jpppd is not running (no socket at " + dir.resolve("jppp.sock") + ")\n", ctl.err());
    }
}
