package org.jppp.tests.daemon;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jppp.tests.serial.Commands;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;

/**
 * A test's client of jpppd's control socket (docs/control-protocol.md): JSON request lines, one
 * reply line each. {@code bin/pppctl} speaks the same protocol; tests use this class where
 * starting a JVM per request would be too slow.
 */
public final class Control {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path socket;

    public Control(Path socket) {
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }

    /** Waits for the daemon's socket to answer; fails with the daemon's log if it doesn't. */
    public void awaitSocket(Duration timeout, PppdProcess daemon) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(socket)) {
                try {
                    request("{\"cmd\":\"list\"}");
                    return;
                } catch (IOException e) {
                    // Not accepting yet.
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no control socket at " + socket + " within " + timeout + ":\n"
                        + daemon.log());
            }
            Thread.sleep(200);
        }
    }

    /** One request on a connection of its own; the reply parsed. */
    public JsonNode request(String line) throws IOException {
        return requests(List.of(line)).get(0);
    }

    /** Several requests on one connection, as the protocol allows; the replies in order. */
    public List<JsonNode> requests(List<String> lines) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            List<JsonNode> replies = new ArrayList<>();
            for (String line : lines) {
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                String reply = in.readLine();
                if (reply == null) {
                    throw new IOException("the daemon closed the connection without a reply to " + line);
                }
                replies.add(JSON.readTree(reply));
            }
            return replies;
        }
    }

    /** {@code {"cmd":CMD,"peer":NAME}}. */
    public static String command(String cmd, String peer) {
        return JSON.createObjectNode().put("cmd", cmd).put("peer", peer).toString();
    }

    /** Every peer's status object by name, in the daemon's order. */
    public Map<String, JsonNode> status() throws IOException {
        return byName(request("{\"cmd\":\"status\"}"));
    }

    /**
     * {@code bin/pppctl --socket SOCKET status --json}, as a user runs it: every peer's status
     * object by name. Fails with pppctl's output if it does not exit 0.
     */
    public Map<String, JsonNode> pppctlStatus() throws IOException {
        Commands.Result r = Commands.run(Duration.ofSeconds(60), List.of("env", "JPPP_CLASSPATH=" + Repo.classPath(),
                Repo.root().resolve("bin/pppctl").toString(), "--socket", socket.toString(), "status", "--json"));
        if (r.status() != 0) {
            throw new AssertionError("pppctl status --json exited with " + r.status() + ":\n" + r.output());
        }
        Map<String, JsonNode> peers = new LinkedHashMap<>();
        for (JsonNode peer : JSON.readTree(r.output())) {
            peers.put(peer.path("name").asText(), peer);
        }
        return peers;
    }

    /** A status reply's peers by name; fails if the reply is not ok. */
    public static Map<String, JsonNode> byName(JsonNode reply) {
        if (!reply.path("ok").asBoolean()) {
            throw new AssertionError("status refused: " + reply);
        }
        Map<String, JsonNode> peers = new LinkedHashMap<>();
        for (JsonNode peer : reply.path("peers")) {
            peers.put(peer.path("name").asText(), peer);
        }
        return peers;
    }

    /** UP with an interface and a local address: IPCP is up. */
    public static boolean isUp(JsonNode peer) {
        return peer != null && peer.path("state").asText().equals("UP") && !peer.path("local").isNull()
                && !peer.path("interface").isNull();
    }
}
