package org.jppp.tests.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.function.Function;

/**
 * A stand-in for jpppd's control socket: records every request line and answers each with
 * {@code reply.apply(line)}, so the commands' requests can be checked line by line against the
 * control protocol's contract.
 */
final class FakeJpppd implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    private FakeJpppd(ServerSocketChannel server, Path socket, Function<String, String> reply) {
        this.server = server;
        this.socket = socket;
        this.thread = new Thread(() -> serve(reply), "fake-jpppd");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeJpppd start(Path socket, Function<String, String> reply) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new FakeJpppd(server, socket, reply);
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
        Files.deleteIfExists(socket);
    }
}
