package org.jppp.supervisor.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The control socket's JSON lines against a manager of fake peers ({@code a} up, {@code broken} stopped). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlServerTest {
    private final ActorTestKit kit = ActorTestKit.create();
    private final ObjectMapper json = new ObjectMapper();
    private ControlRequests requests;
    private ControlServer server;

    private Path dir;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("jppp-control");
        ActorRef<Manager.Command> manager = kit.spawn(Manager.create(new FakePeers(), new PeerDebug(),
                List.of("a", "broken")));
        requests = new ControlRequests(manager, kit.system().scheduler());
        server = ControlServer.start(dir.resolve("run"), requests);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        kit.shutdownTestKit();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A connection sending request lines and reading reply lines. */
    private final class Client implements AutoCloseable {
        final SocketChannel channel;
        final BufferedReader in;

        Client(Path socket) throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        }

        JsonNode send(String line) throws IOException {
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            String reply = in.readLine();
            return reply == null ? null : json.readTree(reply);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Test
    void socket_isOwnerOnly() throws IOException {
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(server.path()));
        assertEquals(dir.resolve("run/jppp.sock"), server.path());
    }

    @Test
    void badJson_isABadRequest_andTheConnectionStaysUsable() throws IOException {
        try (Client c = new Client(server.path())) {
            JsonNode bad = c.send("{\"cmd\": ");
            assertFalse(bad.get("ok").asBoolean());
            assertTrue(bad.get("error").asText().startsWith("bad request: "), bad.toString());
            assertEquals("bad request: expected a JSON object", c.send("[1,2]").get("error").asText());
            assertEquals("bad request: \"cmd\" missing or not a string", c.send("{\"peer\":\"a\"}").get("error")
                    .asText());
            assertEquals("bad request: \"peer\" must be a string", c.send("{\"cmd\":\"status\",\"peer\":3}")
                    .get("error").asText());
            assertEquals("bad request: \"args\" must be an array of strings",
                    c.send("{\"cmd\":\"up\",\"peer\":\"a\",\"args\":\"debug\"}").get("error").asText());
            JsonNode status = c.send("{\"cmd\":\"status\"}");
            assertTrue(status.get("ok").asBoolean(), status.toString());
        }
    }

    @Test
    void unknownCommand_andUnknownPeer() throws IOException {
        try (Client c = new Client(server.path())) {
            assertEquals("{\"ok\":false,\"error\":\"unknown command: frobnicate\"}",
                    json.writeValueAsString(c.send("{\"cmd\":\"frobnicate\"}")));
            assertEquals("{\"ok\":false,\"error\":\"no such peer: nope\"}",
                    json.writeValueAsString(c.send("{\"cmd\":\"down\",\"peer\":\"nope\"}")));
        }
    }

    @Test
    void status_hasEveryFieldOfTheContract() throws IOException {
        try (Client c = new Client(server.path())) {
            JsonNode reply = c.send("{\"cmd\":\"status\"}");
            assertTrue(reply.get("ok").asBoolean());
            JsonNode a = reply.get("peers").get(0);
            for (String field : List.of("name", "state", "phase", "interface", "local", "remote", "dns", "uptime_s",
                    "rx_bytes", "tx_bytes", "rx_packets", "tx_packets", "attempt", "reconnects",
                    "consecutive_failures", "holdoff_s", "last_exit")) {
                assertTrue(a.has(field), field + " missing in " + a);
            }
            assertEquals("a", a.get("name").asText());
            assertEquals("UP", a.get("state").asText());
            assertEquals("ppp1", a.get("interface").asText());
            assertEquals("10.0.0.53", a.get("dns").get(0).asText());
            assertEquals(200, a.get("tx_bytes").asLong());
            assertTrue(a.get("holdoff_s").isNull());
            JsonNode broken = reply.get("peers").get(1);
            assertEquals("STOPPED", broken.get("state").asText());
            assertEquals(2, broken.get("last_exit").get("status").asInt());
            assertTrue(broken.get("interface").isNull());

            JsonNode one = c.send("{\"cmd\":\"status\",\"peer\":\"broken\"}");
            assertEquals(1, one.get("peers").size());
            JsonNode list = c.send("{\"cmd\":\"list\"}");
            assertEquals("[{\"name\":\"a\",\"state\":\"UP\"},{\"name\":\"broken\",\"state\":\"STOPPED\"}]",
                    json.writeValueAsString(list.get("peers")));
        }
    }

    @Test
    void debugAndRenegotiate() throws IOException {
        try (Client c = new Client(server.path())) {
            JsonNode on = c.send("{\"cmd\":\"debug\",\"peer\":\"a\"}");
            assertTrue(on.get("debug").asBoolean(), on.toString());
            assertFalse(c.send("{\"cmd\":\"debug\",\"peer\":\"a\"}").get("debug").asBoolean());
            JsonNode reneg = c.send("{\"cmd\":\"renegotiate\",\"peer\":\"a\"}");
            assertEquals("no compression negotiated", reneg.get("message").asText());
        }
    }

    @Test
    void rootIsAccepted_otherUsersAreRefused() {
        Credentials c = new Credentials("jppp", "1000");
        assertTrue(c.allowed("root"));
        assertTrue(c.allowed("0"));
        assertTrue(c.allowed("jppp"));
        assertTrue(c.allowed("1000"));
        assertFalse(c.allowed("mallory"));
        assertFalse(c.allowed("1001"));
        // The tests run as root or as the daemon's user: the real check lets them in.
        assertTrue(Credentials.ofThisProcess().allowed(System.getProperty("user.name")));
    }

    @Test
    void refusedClient_getsPermissionDenied_andIsDisconnected() throws IOException {
        try (ControlServer strict = ControlServer.start(dir.resolve("strict/jppp.sock"), requests::handle,
                requests.permissionDenied(), user -> false);
                Client c = new Client(strict.path())) {
            assertEquals("{\"ok\":false,\"error\":\"permission denied\"}",
                    json.writeValueAsString(c.send("{\"cmd\":\"status\"}")));
            assertNull(c.in.readLine());
        }
    }

    @Test
    void lineTooLong_isRefusedAndEndsTheConnection() throws IOException {
        try (Client c = new Client(server.path())) {
            JsonNode reply = c.send("{\"cmd\":\"" + "x".repeat(ControlServer.MAX_LINE) + "\"}");
            assertTrue(reply.get("error").asText().startsWith("bad request: line longer than"), reply.toString());
            assertNull(c.in.readLine());
        }
    }

    @Test
    void staleSocketFile_isReplaced_liveOneIsNot_andCloseRemovesIt() throws IOException {
        Path socket = dir.resolve("stale/jppp.sock");
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "left over by a killed daemon");
        ControlServer fresh = ControlServer.start(socket, requests::handle, requests.permissionDenied(), u -> true);
        IOException live = assertThrows(IOException.class,
                () -> ControlServer.start(socket, requests::handle, requests.permissionDenied(), u -> true));
        assertTrue(live.getMessage().contains("already running"), live.getMessage());
        fresh.close();
        assertFalse(Files.exists(socket));
    }
}
