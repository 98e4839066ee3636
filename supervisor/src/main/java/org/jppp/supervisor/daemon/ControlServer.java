package org.jppp.supervisor.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's control socket: a UNIX stream socket (mode 0600) on which each connection sends
 * JSON lines and gets one reply line per request (docs/control-protocol.md). Blocking IO on
 * threads of its own (one accepting, one per connection), never on Pekko's dispatchers; requests
 * are handed to {@link ControlRequests}, which asks the manager.
 *
 * <p>The client's credentials ({@code SO_PEERCRED}) are checked when it connects: anyone but root
 * or the daemon's own user gets {@code permission denied} to its first request and is
 * disconnected. A line longer than {@link #MAX_LINE} octets is a bad request and ends the
 * connection (it could not be resynchronised). A stale socket file is replaced; a socket some
 * daemon still answers on is not: starting fails instead.
 */
public final class ControlServer implements AutoCloseable {
    /** The file name in the run directory. */
    public static final String SOCKET = "jppp.sock";
    static final int MAX_LINE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final Path path;
    private final ServerSocketChannel server;
    private final Function<String, String> requests;
    private final String denied;
    private final Predicate<String> allowed;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jppp-control-" + connections.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private ControlServer(Path path, ServerSocketChannel server, Function<String, String> requests, String denied,
            Predicate<String> allowed) {
        this.path = path;
        this.server = server;
        this.requests = requests;
        this.denied = denied;
        this.allowed = allowed;
    }

    /** Serves the daemon's requests on {@code runDir/jppp.sock}. */
    public static ControlServer start(Path runDir, ControlRequests requests) throws IOException {
        Credentials credentials = Credentials.ofThisProcess();
        return start(runDir.resolve(SOCKET), requests::handle, requests.permissionDenied(), credentials::allowed);
    }

    /**
     * @param requests the reply line to each request line
     * @param denied   the reply to a client whose user {@code allowed} refuses
     */
    public static ControlServer start(Path socket, Function<String, String> requests, String denied,
            Predicate<String> allowed) throws IOException {
        Files.createDirectories(socket.getParent());
        removeStale(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        ControlServer control = new ControlServer(socket, server, requests, denied, allowed);
        Thread accept = new Thread(control::acceptLoop, "jppp-control-accept");
        accept.setDaemon(true);
        accept.start();
        return control;
    }

    public Path path() {
        return path;
    }

    private static void removeStale(Path socket) throws IOException {
        if (!Files.exists(socket)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            throw new IOException(socket + ": a daemon is already running (it answers on this socket)");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("already running")) {
                throw e;
            }
            Files.delete(socket);
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                threads.execute(() -> serve(client));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("control socket: {}", e.getMessage());
            }
        }
    }

    private void serve(SocketChannel client) {
        ByteBuffer in = ByteBuffer.allocate(4096).flip();
        try (client) {
            String user = peerUser(client);
            if (!allowed.test(user)) {
                LOG.warn("control socket: request from user {} refused", user);
                readLine(client, in);
                write(client, denied);
                return;
            }
            String line;
            while ((line = readLine(client, in)) != null) {
                if (line == TOO_LONG) {
                    write(client, "{\"ok\":false,\"error\":\"bad request: line longer than " + MAX_LINE + " octets\"}");
                    return;
                }
                if (!line.isBlank()) {
                    write(client, requests.apply(line));
                }
            }
        } catch (IOException e) {
            // The client went away.
        } catch (RuntimeException e) {
            LOG.warn("control socket: {}", e.toString());
        } finally {
            clients.remove(client);
        }
    }

    private static String peerUser(SocketChannel client) throws IOException {
        UnixDomainPrincipal principal = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return principal.user().getName();
    }

    /** What {@link #readLine} returns for a line past {@link #MAX_LINE} octets (compared by identity). */
    private static final String TOO_LONG = new String("too long");

    /**
     * One line without its newline, null at the end of the stream, {@link #TOO_LONG} for a line
     * past {@link #MAX_LINE} octets. {@code in} holds what was read past the previous line.
     */
    private static String readLine(SocketChannel client, ByteBuffer in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!in.hasRemaining()) {
                in.clear();
                int n = client.read(in);
                in.flip();
                if (n < 0) {
                    return line.size() == 0 ? null : line.size() > MAX_LINE ? TOO_LONG
                            : line.toString(StandardCharsets.UTF_8);
                }
                continue;
            }
            byte b = in.get();
            if (b == '\n') {
                return line.size() > MAX_LINE ? TOO_LONG : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() <= MAX_LINE) {
                line.write(b);
            }
        }
    }

    private static void write(SocketChannel client, String line) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            client.write(out);
        }
    }

    /** Stops accepting, drops the connections and removes the socket file. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing is best effort.
        }
        for (SocketChannel c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                // Likewise.
            }
        }
        threads.shutdownNow();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", path, e.getMessage());
        }
    }
}
