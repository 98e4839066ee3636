package org.jppp.supervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pppctl against a fake jpppd: a UNIX stream socket in a temporary JPPP_RUN_DIR that records each
 * request line and answers with a canned reply line, so the tests check the exact lines pppctl
 * sends (the control protocol's contract) and what it prints and returns.
 */
class PppctlTest {
    private static final String TWO_PEERS = "{\"ok\":true,\"peers\":["
            + "{\"name\":\"dsl\",\"state\":\"UP\",\"phase\":\"NETWORK\",\"interface\":\"ppp0\","
            + "\"local\":\"10.0.0.2\",\"remote\":\"10.0.0.1\",\"dns\":[\"10.0.0.53\"],\"uptime_s\":3725,"
            + "\"rx_bytes\":1536,\"tx_bytes\":812,\"rx_packets\":12,\"tx_packets\":9,\"attempt\":2,"
            + "\"reconnects\":1,\"consecutive_failures\":0,\"holdoff_s\":null,"
            + "\"last_exit\":{\"status\":16,\"reason\":\"Modem hangup\"}},"
            + "{\"name\":\"backup\",\"state\":\"HOLDOFF\",\"phase\":\"DEAD\",\"interface\":null,"
            + "\"local\":null,\"remote\":null,\"dns\":[],\"uptime_s\":null,\"rx_bytes\":0,\"tx_bytes\":0,"
            + "\"rx_packets\":0,\"tx_packets\":0,\"attempt\":4,\"reconnects\":0,\"consecutive_failures\":3,"
            + "\"holdoff_s\":20,\"last_exit\":null}]}";

    private Path runDir;
    private FakeDaemon daemon;

    @BeforeEach
    void runDir() throws IOException {
        runDir = Files.createTempDirectory("pppctl");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        Files.deleteIfExists(runDir.resolve("jppp.sock"));
        Files.deleteIfExists(runDir);
    }

    private record Result(int status, String out, String err) {}

    private Result pppctl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Pppctl.run(List.of(args), Map.of("JPPP_RUN_DIR", runDir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statusPrintsOneRowPerPeer() throws Exception {
        daemon = FakeDaemon.start(runDir.resolve("jppp.sock"), request -> TWO_PEERS);
        Result r = pppctl("status");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("{\"cmd\":\"status\"}"), daemon.requests());
        assertEquals(""
                + "PEER    STATE    PHASE    IFACE  LOCAL     REMOTE    UPTIME    RX    TX   RECONNECTS  LAST-EXIT\n"
                + "dsl     UP       NETWORK  ppp0   10.0.0.2  10.0.0.1  1h02m05s  1.5K  812  1           16 (Modem hangup)\n"
                + "backup  HOLDOFF  DEAD     -      -         -         -         0     0    0           -\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void statusOfOnePeerAsJsonPrintsThePeersArray() throws Exception {
        daemon = FakeDaemon.start(runDir.resolve("jppp.sock"),
                request -> "{\"ok\":true,\"peers\":[{\"name\":\"dsl\",\"state\":\"DIALING\",\"uptime_s\":null}]}");
        Result r = pppctl("status", "dsl", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("{\"cmd\":\"status\",\"peer\":\"dsl\"}"), daemon.requests());
        assertEquals("[ {\n  \"name\" : \"dsl\",\n  \"state\" : \"DIALING\",\n  \"uptime_s\" : null\n} ]\n", r.out());
    }

    @Test
    void upSendsThePeerAndItsExtraPppdOptions() throws Exception {
        daemon = FakeDaemon.start(runDir.resolve("jppp.sock"), request -> "{\"ok\":true}");
        Result r = pppctl("up", "dsl", "debug", "holdoff", "5", "--weird-but-pppd's");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("{\"cmd\":\"up\",\"peer\":\"dsl\",\"args\":[\"debug\",\"holdoff\",\"5\",\"--weird-but-pppd's\"]}"),
                daemon.requests());
        assertEquals("", r.out());
    }

    @Test
    void downRedialRenegotiateSendOnePeerOrAllWithAll() throws Exception {
        daemon = FakeDaemon.start(runDir.resolve("jppp.sock"),
                request -> request.contains("renegotiate") ? "{\"ok\":true,\"message\":\"no compression negotiated\"}"
                        : "{\"ok\":true}");
        assertEquals(0, pppctl("down", "dsl").status());
        assertEquals(0, pppctl("redial", "--all").status());
        Result reneg = pppctl("renegotiate", "dsl");
        assertEquals(0, reneg.status());
        assertEquals("no compression negotiated\n", reneg.out());
        assertEquals(List.of("{\"cmd\":\"down\",\"peer\":\"dsl\"}", "{\"cmd\":\"redial\"}",
                "{\"cmd\":\"renegotiate\",\"peer\":\"dsl\"}"), daemon.requests());
    }

    @Test
    void debugPrintsTheNewState() throws Exception {
        daemon = FakeDaemon.start(runDir.resolve("jppp.sock"), request -> "{\"ok\":true,\"debug\":true}");
        Result r = pppctl("debug", "dsl");
        assertEquals(0, r.status(), r.err());
        assertEquals("dsl: debug on\n", r.out());
        assertEquals(List.of("{\"cmd\":\"debug\",\"peer\":\"dsl\"}"), daemon.requests());
    }

    @Test
    void listPrintsOneNamePerLine() throws Exception {
        daemon = FakeDaemon.start(runDir.resolve("jppp.sock"), request -> "{\"ok\":true,\"peers\":[\"dsl\",\"backup\"]}");
        Result r = pppctl("list");
        assertEquals(0, r.status(), r.err());
        assertEquals("dsl\nbackup\n", r.out());
        assertEquals(List.of("{\"cmd\":\"list\"}"), daemon.requests());
    }

    @Test
    void anErrorReplyIsPrintedAndExitsOne() throws Exception {
        daemon = FakeDaemon.start(runDir.resolve("jppp.sock"), request -> "{\"ok\":false,\"error\":\"no such peer: isp\"}");
        Result r = pppctl("down", "isp");
        assertEquals(1, r.status());
        assertEquals("pppctl: no such peer: isp\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aReplyThatIsNotJsonExitsOne() throws Exception {
        daemon = FakeDaemon.start(runDir.resolve("jppp.sock"), request -> "hello");
        Result r = pppctl("list");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("not JSON: hello"), r.err());
    }

    @Test
    void socketOptionOverridesTheRunDirectory() throws Exception {
        Path other = runDir.resolve("other.sock");
        daemon = FakeDaemon.start(other, request -> "{\"ok\":true,\"peers\":[]}");
        Result r = pppctl("--socket", other.toString(), "list");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("{\"cmd\":\"list\"}"), daemon.requests());
        Files.deleteIfExists(other);
    }

    @Test
    void noSocketMeansNotRunning() {
        Result r = pppctl("status");
        assertEquals(3, r.status());
        assertEquals("pppctl: jpppd is not running (no socket at " + runDir.resolve("jppp.sock") + ")\n", r.err());
    }

    /** A socket file left behind by a daemon that died: connecting is refused, also "not running". */
    @Test
    void aStaleSocketFileMeansNotRunning() throws Exception {
        Path socket = runDir.resolve("jppp.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        Result r = pppctl("list");
        assertEquals(3, r.status());
        assertTrue(r.err().startsWith("pppctl: jpppd is not running"), r.err());
    }

    @Test
    void usageErrorsExitTwoWithoutConnecting() {
        for (String[] args : new String[][] {{}, {"frobnicate"}, {"up"}, {"down"}, {"down", "a", "b"},
                {"redial", "-x"}, {"status", "a", "b"}, {"list", "x"}, {"--socket"}, {"--bogus", "list"}}) {
            Result r = pppctl(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertTrue(r.err().contains("usage: pppctl"), r.err());
        }
        Result help = pppctl("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage: pppctl"), help.out());
    }

    @Test
    void humanSizesAndDurations() {
        assertEquals("0", Pppctl.StatusTable.bytes(0));
        assertEquals("1023", Pppctl.StatusTable.bytes(1023));
        assertEquals("1.0K", Pppctl.StatusTable.bytes(1024));
        assertEquals("12.0M", Pppctl.StatusTable.bytes(12L * 1024 * 1024));
        assertEquals("45s", Pppctl.StatusTable.duration(45));
        assertEquals("3m07s", Pppctl.StatusTable.duration(187));
        assertEquals("3d04h05m", Pppctl.StatusTable.duration(3 * 86_400 + 4 * 3600 + 5 * 60 + 9));
    }

    /** The fake jpppd: answers each request line with {@code reply.apply(line)}, one connection at a time. */
    private static final class FakeDaemon implements AutoCloseable {
        private final ServerSocketChannel server;
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        private FakeDaemon(ServerSocketChannel server, Function<String, String> reply) {
            this.server = server;
            this.thread = new Thread(() -> serve(reply), "fake-jpppd");
            thread.setDaemon(true);
            thread.start();
        }

        static FakeDaemon start(Path socket, Function<String, String> reply) throws IOException {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return new FakeDaemon(server, reply);
        }

        private void serve(Function<String, String> reply) {
            while (server.isOpen()) {
                try (SocketChannel client = server.accept()) {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        requests.add(line);
                        client.write(ByteBuffer.wrap((reply.apply(line) + "\n").getBytes(StandardCharsets.UTF_8)));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        List<String> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(2000);
        }
    }
}
