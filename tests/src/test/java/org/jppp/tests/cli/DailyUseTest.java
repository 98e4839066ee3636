package org.jppp.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jppp.tests.serial.Commands;
import org.jppp.tests.serial.Logs;
import org.jppp.tests.serial.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * README.md's "Daily use" block, run as a new user would run it: the commands are read from the
 * README (so the test breaks when the README changes) and run in its order with bash, from the
 * repository's root, in the user's namespace, against our {@code bin/pppoe-server}. The user's
 * configuration is the seed's {@code etc/ppp/options} and {@code etc/ppp/peers/provider} (with
 * the namespace's interface and the test's account), and the {@code jppp.conf} line the README
 * gives for plog. Then what the README's pages promise for jpppd's signals: SIGHUP redials its
 * peer, SIGTERM ends it with exit status 5 and leaves no interface.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyUseTest {
    private static final Duration CMD = Duration.ofSeconds(90);
    private static final Duration UP = Duration.ofSeconds(60);
    private static final Pattern CREATED = Pattern.compile("Session \\d+ created for client ");
    /** The block as this test knows it; the README's own lines are what runs. */
    private static final List<String> BLOCK = List.of(
            "bin/pon provider", "bin/poff -r provider", "bin/poff provider",
            "bin/jpppd &", "bin/pon provider", "bin/pppctl status", "bin/pppctl status --json",
            "bin/poff -r provider", "bin/poff provider", "bin/plog");

    private final ObjectMapper json = new ObjectMapper();
    private AcLab lab;
    private Path logfile;
    private Process jpppd;
    private Path jpppdOut;

    @BeforeAll
    void start() throws Exception {
        lab = AcLab.start("daily");
        String seed = Files.readString(Repo.root().resolve("etc/ppp/peers/provider"));
        assertTrue(seed.contains("\nnic-eth0\n") && seed.contains("\nuser \"customer@isp.example\"\n")
                && seed.contains("\npersist\n") && seed.contains("\nlinkname provider\n"), seed);
        Files.writeString(lab.etc.resolve("peers/provider"), seed.replace("\nnic-eth0\n", "\nnic-veth0\n")
                .replace("\nuser \"customer@isp.example\"\n", "\nuser alice\n"));
        Files.copy(Repo.root().resolve("etc/ppp/options"), lab.etc.resolve("options"));
        logfile = lab.root.resolve("ppp.log");
        Files.writeString(lab.etc.resolve("jppp.conf"), "pppd { logfile = \"" + logfile + "\" }\n");
        // The README's line names /var/log/ppp.log, plog's default; here the file is the test's own.
        lab.export("JPPP_LOGFILE", logfile.toString());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (jpppd != null && jpppd.isAlive()) {
                jpppd.destroyForcibly();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    /** The commands of README.md's "Daily use" block, comments and blank lines left out. */
    private static Deque<String> readmeBlock() throws IOException {
        String readme = Files.readString(Repo.root().resolve("README.md"));
        int section = readme.indexOf("\n## Daily use");
        assertTrue(section >= 0, "README.md has no \"Daily use\" section");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        int end = readme.indexOf("\n```", start);
        Deque<String> commands = new ArrayDeque<>();
        Arrays.stream(readme.substring(start, end).split("\n")).map(l -> l.replaceFirst("\\s+#.*$", "").trim())
                .filter(l -> !l.isEmpty()).forEach(commands::add);
        assertEquals(BLOCK, List.copyOf(commands), "README.md's Daily use block changed: update this test");
        return commands;
    }

    @Test
    void readmeDailyUse_asWritten_thenJpppdSignals() throws Exception {
        Deque<String> readme = readmeBlock();
        withoutTheDaemon(readme);
        withTheDaemon(readme);
        jpppdSignals();
    }

    private void withoutTheDaemon(Deque<String> readme) throws Exception {
        int created = lab.count(CREATED);
        AcLab.Ran pon = lab.sh(readme.pop(), CMD).requireStatus(0);
        assertTrue(pon.output().contains("Connect: ppp0 <--> veth0"), pon.output());
        long pid = linkPid();
        ProcessHandle pppd = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        awaitAddress("ppp0");
        assertEquals(created + 1, lab.count(CREATED));
        // The AC's IPCP may open a moment after ours: the ping series starts once the link carries one.
        lab.userNs.awaitReachable("10.99.0.1", null, Duration.ofSeconds(30));
        assertEquals(2, lab.userNs.ping("10.99.0.1", 2));

        lab.sh(readme.pop(), CMD).requireStatus(0);  // poff -r provider
        lab.awaitAc(CREATED, created + 2, UP);
        awaitLog("Hangup (SIGHUP)");
        // ppp0 keeps its old address while down between the attempts: wait for the new link's IPCP.
        AcLab.await(() -> Logs.count(log(), Logs.literal("remote IP address 10.99.0.1")) >= 2, UP,
                () -> "no second link in " + logfile + ":\n" + log());
        awaitAddress("ppp0");
        assertEquals(List.of("ppp0"), lab.pppInterfaces(), "the interface is kept across the redial");
        assertTrue(pppd.isAlive(), "the same pppd redials");
        assertEquals(pid, linkPid());

        int padts = lab.count(AcLab.PADT);
        lab.sh(readme.pop(), CMD).requireStatus(0);  // poff provider
        AcLab.await(() -> !pppd.isAlive(), Duration.ofSeconds(30), () -> "pppd " + pid + " is still running");
        lab.awaitAc(AcLab.PADT, padts + 1, Duration.ofSeconds(20));
        assertEquals(List.of(), lab.pppInterfaces());
        assertFalse(Files.exists(lab.run.resolve("ppp-provider.pid")), "ppp-provider.pid left behind");
        awaitLog("Terminating on signal 15");
    }

    private void withTheDaemon(Deque<String> readme) throws Exception {
        String background = readme.pop();
        assertTrue(background.endsWith(" &"), background);
        startInBackground(background.substring(0, background.length() - 2));
        AcLab.await(() -> jpppdLog().contains("control socket " + lab.run.resolve("jppp.sock")), UP,
                () -> "jpppd did not start; its output:\n" + jpppdLog());

        int created = lab.count(CREATED);
        lab.sh(readme.pop(), CMD).requireStatus(0);  // pon provider, through the daemon
        JsonNode up = awaitUp(1);
        String iface = up.path("interface").asText();
        String local = up.path("local").asText();
        assertTrue(iface.matches("ppp\\d+"), up.toString());
        assertEquals(local, lab.address(iface), up.toString());
        assertEquals(created + 1, lab.count(CREATED));
        assertFalse(Files.exists(lab.run.resolve("ppp-provider.pid"))
                && Long.parseLong(Files.readAllLines(lab.run.resolve("ppp-provider.pid")).get(0).trim())
                        != jpppd.pid(), "the link runs in jpppd, not in a pppd of its own");

        AcLab.Ran table = lab.sh(readme.pop(), CMD).requireStatus(0);  // pppctl status
        assertTrue(Pattern.compile("(?m)^provider\\s+UP\\s+NETWORK\\s+" + iface + "\\s+" + Pattern.quote(local)
                + "\\s+10\\.99\\.0\\.1\\s").matcher(table.output()).find(), table.output());

        AcLab.Ran asJson = lab.sh(readme.pop(), CMD).requireStatus(0);  // pppctl status --json
        JsonNode peers = json.readTree(asJson.output());
        assertTrue(peers.isArray() && peers.size() == 1, asJson.output());
        JsonNode p = peers.get(0);
        assertEquals("provider", p.path("name").asText());
        assertEquals("UP", p.path("state").asText());
        assertEquals(iface, p.path("interface").asText());
        assertEquals(local, p.path("local").asText());
        assertEquals("10.99.0.1", p.path("remote").asText());
        assertEquals("10.99.0.53", p.path("dns").path(0).asText());

        lab.sh(readme.pop(), CMD).requireStatus(0);  // poff -r provider, through the daemon
        lab.awaitAc(CREATED, created + 2, UP);
        JsonNode again = awaitUp(2);
        assertEquals(iface, again.path("interface").asText(), again.toString());
        assertEquals(again.path("local").asText(), lab.address(iface));

        int padts = lab.count(AcLab.PADT);
        lab.sh(readme.pop(), CMD).requireStatus(0);  // poff provider
        lab.awaitAc(AcLab.PADT, padts + 1, Duration.ofSeconds(20));
        AcLab.await(() -> status().path("peers").isEmpty(), Duration.ofSeconds(20),
                () -> "provider is still listed: " + status());
        AcLab.await(() -> lab.pppInterfaces().isEmpty(), Duration.ofSeconds(20),
                () -> "left behind: " + lab.pppInterfaces());

        AcLab.Ran plog = lab.sh(readme.pop(), CMD).requireStatus(0);  // plog
        List<String> lines = Files.readAllLines(logfile);
        assertEquals(String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())) + "\n",
                plog.output(), "plog: the last 10 lines of " + logfile);
        assertTrue(plog.output().contains("provider: "), "the daemon's lines name the peer:\n" + plog.output());
        assertTrue(String.join("\n", lines).contains("provider: Connect: " + iface + " <--> veth0"), lines.toString());
        assertTrue(readme.isEmpty(), readme.toString());
    }

    /** jpppd's own signals (docs/jpppd.md), with the one peer started again. */
    private void jpppdSignals() throws Exception {
        lab.sh("bin/pon provider", CMD).requireStatus(0);
        JsonNode up = awaitUp(1);
        int attempt = up.path("attempt").asInt();
        int created = lab.count(CREATED);
        Commands.run("kill", "-HUP", Long.toString(jpppd.pid())).requireSuccess();
        lab.awaitAc(CREATED, created + 1, UP);
        JsonNode redialled = awaitUp(attempt + 1);
        assertEquals(up.path("interface").asText(), redialled.path("interface").asText());
        assertTrue(jpppdLog().contains("Hangup (SIGHUP)"), jpppdLog());

        int padts = lab.count(AcLab.PADT);
        Commands.run("kill", "-TERM", Long.toString(jpppd.pid())).requireSuccess();
        assertTrue(jpppd.waitFor(45, TimeUnit.SECONDS), "jpppd did not exit; its output:\n" + jpppdLog());
        assertEquals(5, jpppd.exitValue(), jpppdLog());
        lab.awaitAc(AcLab.PADT, padts + 1, Duration.ofSeconds(20));
        assertEquals(List.of(), lab.pppInterfaces());
        assertFalse(Files.exists(lab.run.resolve("jppp.sock")), "jppp.sock left behind");
        assertFalse(Files.exists(lab.run.resolve("jpppd.pid")), "jpppd.pid left behind");
    }

    /** What {@code COMMAND &} does in the user's shell: the command runs on, its output in a file. */
    private void startInBackground(String command) throws IOException {
        jpppdOut = lab.root.resolve("jpppd.out");
        ProcessBuilder pb = new ProcessBuilder(lab.userNs.prefix(List.of("bash", "-c", "exec " + command)))
                .directory(Repo.root().toFile()).redirectErrorStream(true).redirectOutput(jpppdOut.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(lab.environment());
        jpppd = pb.start();
    }

    private String jpppdLog() {
        try {
            return Files.readString(jpppdOut);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The pid bin/pppd left in ppp-provider.pid ({@code linkname provider}). */
    private long linkPid() throws IOException {
        Path file = lab.run.resolve("ppp-provider.pid");
        assertTrue(Files.exists(file), "no " + file + " in " + Arrays.toString(lab.run.toFile().list())
                + "; " + logfile + ":\n" + log());
        List<String> lines = Files.readAllLines(file);
        assertEquals("ppp0", lines.get(1), lines.toString());
        return Long.parseLong(lines.get(0).trim());
    }

    private void awaitAddress(String ifname) throws InterruptedException {
        AcLab.await(() -> lab.address(ifname).startsWith("10.99.0."), UP, () -> ifname + " got no address");
    }

    private void awaitLog(String text) throws InterruptedException {
        AcLab.await(() -> log().contains(text), Duration.ofSeconds(20), () -> "no \"" + text + "\" in " + logfile
                + ":\n" + log());
    }

    private String log() {
        try {
            return Files.exists(logfile) ? Files.readString(logfile) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the daemon reports provider UP with an address at attempt {@code attempt} or later. */
    private JsonNode awaitUp(int attempt) throws Exception {
        long deadline = System.nanoTime() + UP.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode p : status().path("peers")) {
                last = p;
                if (p.path("name").asText().equals("provider") && p.path("state").asText().equals("UP")
                        && p.path("local").isTextual() && p.path("attempt").asInt() >= attempt) {
                    return p;
                }
            }
            Thread.sleep(200);
        }
        fail("provider not UP at attempt " + attempt + ": " + last + "\njpppd:\n" + jpppdLog());
        return null;
    }

    /** The daemon's status over its control socket (the test's own view, not one of the user's commands). */
    private JsonNode status() {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(lab.run.resolve("jppp.sock")));
            ch.write(ByteBuffer.wrap("{\"cmd\":\"status\"}\n".getBytes(StandardCharsets.UTF_8)));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            return json.readTree(in.readLine());
        } catch (IOException e) {
            throw new AssertionError("control socket: " + e.getMessage(), e);
        }
    }
}
