package org.jppp.tests.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jppp.tests.pppoe.PppoeEtc;
import org.jppp.tests.serial.NetNamespace;
import org.jppp.tests.serial.PppdProcess;
import org.jppp.tests.serial.Repo;
import org.jppp.tests.serial.TempDirs;

/**
 * A PPPoE test's network: a temporary directory, the clients' namespace, and our
 * {@code bin/pppoe-server}s, each in a namespace of its own joined to the clients' by veth pairs
 * created directly inside the two namespaces (nothing in the host's own). Every namespace has a
 * random name. {@link #close()} ends the clients and what the test handed to {@link #own}, then the servers, then
 * deletes the namespaces and the directory, also when setting up failed half-way.
 *
 * <pre>{@code
 * lab = AccessConcentratorLab.create("demand");
 * AccessConcentrator ac = lab.accessConcentrator("ac").options("auth", "require-chap", "name jppp-ac")
 *         .pool("10.99.0.10-20").args("-L", "10.99.0.1", "-N", "20", "-C", "jppp-ac", "-S", "internet").start();
 * }</pre>
 */
public final class AccessConcentratorLab implements AutoCloseable {
    private static final Duration SERVING = Duration.ofSeconds(60);

    private final Path root;
    private final NetNamespace clientNs;
    private final List<NetNamespace> namespaces = new ArrayList<>();
    private final List<PppdProcess> servers = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final List<PppdProcess> clients = new ArrayList<>();

    private AccessConcentratorLab(Path root, NetNamespace clientNs) {
        this.root = root;
        this.clientNs = clientNs;
    }

    /** The directory ({@code jppp-NAME...} in the temporary directory) and the clients' namespace. */
    public static AccessConcentratorLab create(String name) throws IOException {
        Path root = Files.createTempDirectory("jppp-" + name);
        try {
            return new AccessConcentratorLab(root, NetNamespace.create());
        } catch (RuntimeException | Error e) {
            TempDirs.delete(root);
            throw e;
        }
    }

    /** Where the test's JPPP_ETC_DIR trees go; deleted by {@link #close()}. */
    public Path root() {
        return root;
    }

    /** The namespace the clients run in: the other end of every access concentrator's links. */
    public NetNamespace clientNs() {
        return clientNs;
    }

    /**
     * {@code bin/pppd call provider EXTRA...} in the clients' namespace, JPPP_ETC_DIR and
     * JPPP_RUN_DIR {@code etc} (a {@link PppoeEtc#client} tree, say); the caller closes it.
     */
    public PppdProcess callProvider(Path etc, String... extra) {
        List<String> args = new ArrayList<>(List.of("call", "provider"));
        args.addAll(List.of(extra));
        return PppdProcess.start(clientNs, etc, etc, args);
    }

    /**
     * {@link #callProvider}, the process ended by {@link #closeClients()} (a test's clean-up) or
     * at the latest by {@link #close()}.
     */
    public PppdProcess client(Path etc, String... extra) {
        PppdProcess pppd = callProvider(etc, extra);
        clients.add(pppd);
        return pppd;
    }

    /** A {@link #client} named {@code name} asking for service {@code internet} over {@code ifname}. */
    public PppdProcess dial(String ifname, String name, String... extra) throws IOException {
        return client(PppoeEtc.client(root, name, ifname, "rp_pppoe_service internet"), extra);
    }

    /** Ends every {@link #client} still running. */
    public void closeClients() {
        clients.forEach(PppdProcess::close);
        clients.clear();
    }

    /** {@code resource} (a client, a daemon) is closed by {@link #close()}, before the servers. */
    public <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /** An access concentrator to set up, whose JPPP_ETC_DIR is {@code ROOT/dir}. */
    public Builder accessConcentrator(String dir) {
        return new Builder(dir);
    }

    /** One {@code bin/pppoe-server} and the namespace it runs in. */
    public static final class AccessConcentrator {
        private final NetNamespace ns;
        private final List<String> interfaces;
        private final Path etc;
        private final PppdProcess server;

        private AccessConcentrator(NetNamespace ns, List<String> interfaces, Path etc, PppdProcess server) {
            this.ns = ns;
            this.interfaces = interfaces;
            this.etc = etc;
            this.server = server;
        }

        public NetNamespace ns() {
            return ns;
        }

        /** Its JPPP_ETC_DIR, holding {@code pppoe-server-options}, alice's secrets and the pool. */
        public Path etc() {
            return etc;
        }

        /** The server's process: its log, its signals. */
        public PppdProcess server() {
            return server;
        }

        /** SIGKILL: the server sends no PADT, as when the machine dies; its clients find out by their echoes. */
        public void kill() {
            server.close();
        }
    }

    /** An access concentrator's links, options, pool and command line; {@link #start()} starts it. */
    public final class Builder {
        private final String dir;
        private final List<Link> links = new ArrayList<>();
        private final List<String> options = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> scripts = new LinkedHashMap<>();
        private List<String> pool;
        private AccessConcentrator sameNamespaceAs;

        private Builder(String dir) {
            this.dir = dir;
        }

        /** A veth pair {@code ifname} (the same name at both ends), the kernel's MTU at both; {@code veth0} if none is named. */
        public Builder link(String ifname) {
            links.add(new Link(ifname, 0, 0));
            return this;
        }

        /** A veth pair {@code ifname} with these MTUs at the access concentrator's end and the client's. */
        public Builder link(String ifname, int acMtu, int clientMtu) {
            links.add(new Link(ifname, acMtu, clientMtu));
            return this;
        }

        /** {@code pppoe-server-options}, one option a line (alice's secrets are always there). */
        public Builder options(String... lines) {
            options.addAll(List.of(lines));
            return this;
        }

        /** The lines of the {@code -p} pool file. */
        public Builder pool(String... lines) {
            pool = List.of(lines);
            return this;
        }

        /**
         * An executable {@code sh} script {@code name} ({@code ip-up}, {@code ip-down}) in its
         * JPPP_ETC_DIR; it runs in the access concentrator's namespace.
         */
        public Builder script(String name, String body) {
            scripts.put(name, body);
            return this;
        }

        /** The command line after {@code -F}, the {@code -I} of each link and {@code -p POOL}. */
        public Builder args(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /** A new server in {@code other}'s namespace on its links (after {@code other} was killed, say). */
        public Builder in(AccessConcentrator other) {
            sameNamespaceAs = other;
            return this;
        }

        /** Creates the namespace and links, starts the server and waits until it serves every link. */
        public AccessConcentrator start() throws Exception {
            NetNamespace ns;
            List<String> interfaces;
            if (sameNamespaceAs != null) {
                ns = sameNamespaceAs.ns;
                interfaces = sameNamespaceAs.interfaces;
            } else {
                ns = NetNamespace.create();
                namespaces.add(ns);
                if (links.isEmpty()) {
                    link("veth0");
                }
                for (Link link : links) {
                    link.create(ns, clientNs);
                }
                interfaces = links.stream().map(Link::ifname).toList();
            }
            Path etc = PppoeEtc.server(root, dir, options);
            for (Map.Entry<String, String> script : scripts.entrySet()) {
                TempDirs.script(etc.resolve(script.getKey()), script.getValue());
            }
            List<String> command = new ArrayList<>(List.of(Repo.pppoeServer().toString(), "-F"));
            for (String ifname : interfaces) {
                command.addAll(List.of("-I", ifname));
            }
            if (pool != null) {
                Path file = etc.resolve("pool");
                Files.writeString(file, String.join("\n", pool) + "\n");
                command.addAll(List.of("-p", file.toString()));
            }
            command.addAll(args);
            PppdProcess server = PppdProcess.start(ns.prefix(command), etc, etc);
            servers.add(server);
            server.awaitLog("pppoe-server: serving [" + String.join(", ", interfaces) + "]", SERVING);
            return new AccessConcentrator(ns, interfaces, etc, server);
        }
    }

    private record Link(String ifname, int acMtu, int clientMtu) {
        void create(NetNamespace ac, NetNamespace client) {
            ac.exec("ip", "link", "add", ifname, "type", "veth", "peer", "name", ifname, "netns", client.name())
                    .requireSuccess();
            up(ac, acMtu);
            up(client, clientMtu);
        }

        private void up(NetNamespace ns, int mtu) {
            if (mtu == 0) {
                ns.exec("ip", "link", "set", ifname, "up").requireSuccess();
            } else {
                ns.exec("ip", "link", "set", ifname, "mtu", Integer.toString(mtu), "up").requireSuccess();
            }
        }
    }

    /** What the test owns, the servers, the namespaces and the directory, each even if another fails. */
    @Override
    public void close() throws Exception {
        List<AutoCloseable> all = new ArrayList<>(clients);
        List<AutoCloseable> ownedLastFirst = new ArrayList<>(owned);
        Collections.reverse(ownedLastFirst);
        all.addAll(ownedLastFirst);
        all.addAll(servers);
        all.addAll(namespaces);
        all.add(clientNs);
        all.add(() -> TempDirs.delete(root));
        Exception first = null;
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
