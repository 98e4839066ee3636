package org.jppp.supervisor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code pppctl}: the user's command for {@code jpppd}, speaking the control socket's JSON-lines
 * protocol (one request object per line, one reply line per request; see docs/pppctl.md).
 *
 * <p>Exit status: 0 done; 1 the daemon answered an error (or an unreadable reply); 2 usage error;
 * 3 the daemon is not running (no socket, or nobody listening on it). The distinction between 1
 * and 3 is what {@code pon} relies on to choose between the daemon and a single-link pppd.
 */
public final class Pppctl {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NOT_RUNNING = 3;

    /** The socket's name under JPPP_RUN_DIR (the contract's {@code $JPPP_RUN_DIR/jppp.sock}). */
    static final String SOCKET_NAME = "jppp.sock";
    static final String DEFAULT_RUN_DIR = "/run/pppd";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PER_PEER = Set.of("down", "redial", "debug", "renegotiate");
    private static final String USAGE = String.join("\n",
            "usage: pppctl [--socket PATH] COMMAND [ARGS]",
            "commands:",
            "  status [NAME] [--json]   state of every peer (or of NAME)",
            "  list                     names of the peers the daemon runs",
            "  up NAME [OPTION...]      start 'call NAME' with these extra pppd options",
            "  down NAME|--all          close the link (LCP Terminate, PADT); no redial",
            "  redial NAME|--all        hang up and dial again now (SIGHUP semantics)",
            "  debug NAME|--all         toggle debug logging",
            "  renegotiate NAME|--all   renegotiate compression (jppp negotiates none)");

    private Pppctl() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** What the command line asked for: the request to send and how to print its reply. */
    record Invocation(Path socket, String command, ObjectNode request, boolean json) {}

    /** A command line that is not pppctl's; the message is printed before the usage text. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** One run with everything from outside passed in, so tests run it in-process. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Invocation inv;
        try {
            inv = parse(args, env);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("pppctl: " + e.getMessage());
            }
            err.println(USAGE);
            return EXIT_USAGE;
        }
        if (inv == null) {
            out.println(USAGE);
            return EXIT_OK;
        }
        JsonNode reply;
        try {
            reply = exchange(inv.socket(), inv.request());
        } catch (NotRunning e) {
            err.println("pppctl: jpppd is not running (no socket at " + inv.socket() + ")");
            return EXIT_NOT_RUNNING;
        } catch (IOException e) {
            err.println("pppctl: " + inv.socket() + ": " + e.getMessage());
            return EXIT_ERROR;
        }
        if (!reply.path("ok").asBoolean(false)) {
            err.println("pppctl: " + reply.path("error").asText("the daemon refused the request without a reason"));
            return EXIT_ERROR;
        }
        print(inv, reply, out);
        out.flush();
        return EXIT_OK;
    }

    /** Parses the command line; {@code null} asks for the help text. */
    static Invocation parse(List<String> args, Map<String, String> env) throws UsageException {
        String runDir = env.getOrDefault("JPPP_RUN_DIR", "");
        Path socket = Path.of(runDir.isEmpty() ? DEFAULT_RUN_DIR : runDir, SOCKET_NAME);
        int i = 0;
        // Options before the command; pppd options after "up NAME" are passed on untouched.
        while (i < args.size() && args.get(i).startsWith("-")) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                return null;
            } else if (a.equals("--socket")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--socket needs a path");
                }
                socket = Path.of(args.get(i + 1));
                i += 2;
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
        if (i >= args.size()) {
            throw new UsageException("");
        }
        String command = args.get(i);
        List<String> rest = args.subList(i + 1, args.size());
        ObjectNode request = JSON.createObjectNode().put("cmd", command);
        boolean json = false;
        switch (command) {
            case "status" -> {
                String peer = null;
                for (int j = 0; j < rest.size(); j++) {
                    String a = rest.get(j);
                    if (a.equals("--json")) {
                        json = true;
                    } else if (a.equals("--socket") && j + 1 < rest.size()) {
                        socket = Path.of(rest.get(++j));
                    } else if (a.startsWith("-") || peer != null) {
                        throw new UsageException("status takes at most one peer name and --json, not " + a);
                    } else {
                        peer = a;
                    }
                }
                if (peer != null) {
                    request.put("peer", peer);
                }
            }
            case "list" -> {
                if (!rest.isEmpty()) {
                    throw new UsageException("list takes no arguments");
                }
            }
            case "up" -> {
                if (rest.isEmpty() || rest.get(0).startsWith("-")) {
                    throw new UsageException("up needs a peer name");
                }
                request.put("peer", rest.get(0));
                if (rest.size() > 1) {
                    ArrayNode extra = request.putArray("args");
                    rest.subList(1, rest.size()).forEach(extra::add);
                }
            }
            default -> {
                if (!PER_PEER.contains(command)) {
                    throw new UsageException("unknown command " + command);
                }
                // A peer-less request means every peer (the contract); pppctl asks for that
                // explicitly with --all, so a forgotten name never stops all links.
                if (rest.size() != 1) {
                    throw new UsageException(command + " needs one peer name, or --all");
                }
                if (!rest.get(0).equals("--all")) {
                    if (rest.get(0).startsWith("-")) {
                        throw new UsageException(command + " needs one peer name, or --all");
                    }
                    request.put("peer", rest.get(0));
                }
            }
        }
        return new Invocation(socket, command, request, json);
    }

    /** The daemon is not there: no socket file, or nobody accepting on it (a stale file). */
    static final class NotRunning extends Exception {
        NotRunning() {
            super(null, null, false, false);
        }
    }

    /** Sends one request line and reads its one reply line. */
    static JsonNode exchange(Path socket, ObjectNode request) throws IOException, NotRunning {
        if (!Files.exists(socket)) {
            throw new NotRunning();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (ConnectException e) {
                throw new NotRunning();
            }
            byte[] line = (JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String reply = in.readLine();
            if (reply == null) {
                throw new IOException("jpppd closed the connection without a reply");
            }
            try {
                JsonNode node = JSON.readTree(reply);
                if (!node.isObject()) {
                    throw new IOException("jpppd's reply is not a JSON object: " + reply);
                }
                return node;
            } catch (JsonProcessingException e) {
                throw new IOException("jpppd's reply is not JSON: " + reply);
            }
        }
    }

    private static void print(Invocation inv, JsonNode reply, PrintStream out) {
        switch (inv.command()) {
            case "status" -> {
                JsonNode peers = reply.path("peers");
                if (inv.json()) {
                    out.println(pretty(peers.isMissingNode() ? JSON.createArrayNode() : peers));
                } else {
                    out.print(StatusTable.format(peers));
                }
            }
            case "list" -> {
                for (JsonNode p : reply.path("peers")) {
                    out.println(p.isTextual() ? p.asText() : p.path("name").asText());
                }
            }
            case "debug" -> {
                String name = inv.request().path("peer").asText("all peers");
                if (reply.has("debug")) {
                    out.println(name + ": debug " + (reply.path("debug").asBoolean() ? "on" : "off"));
                }
                printMessage(reply, out);
            }
            default -> printMessage(reply, out);
        }
    }

    private static void printMessage(JsonNode reply, PrintStream out) {
        if (reply.hasNonNull("message")) {
            out.println(reply.path("message").asText());
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree Jackson itself parsed always writes back; keep the raw form if not.
            return node.toString();
        }
    }

    /** The human table of {@code pppctl status}. */
    static final class StatusTable {
        private static final String[] HEADER = {"PEER", "STATE", "PHASE", "IFACE", "LOCAL", "REMOTE", "UPTIME",
                "RX", "TX", "RECONNECTS", "LAST-EXIT"};

        private StatusTable() {}

        static String format(JsonNode peers) {
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            for (JsonNode p : peers) {
                rows.add(new String[] {
                    text(p, "name"), text(p, "state"), text(p, "phase"), text(p, "interface"), text(p, "local"),
                    text(p, "remote"), p.path("uptime_s").isNumber() ? duration(p.path("uptime_s").asLong()) : "-",
                    p.path("rx_bytes").isNumber() ? bytes(p.path("rx_bytes").asLong()) : "-",
                    p.path("tx_bytes").isNumber() ? bytes(p.path("tx_bytes").asLong()) : "-",
                    p.path("reconnects").isNumber() ? p.path("reconnects").asText() : "-",
                    lastExit(p.path("last_exit"))});
            }
            int[] widths = new int[HEADER.length];
            for (String[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
            StringBuilder sb = new StringBuilder();
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.length; c++) {
                    line.append(c == row.length - 1 ? row[c] : pad(row[c], widths[c] + 2));
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            return sb.toString();
        }

        private static String text(JsonNode p, String field) {
            JsonNode v = p.path(field);
            return v.isNull() || v.isMissingNode() || v.asText().isEmpty() ? "-" : v.asText();
        }

        private static String pad(String s, int width) {
            return s + " ".repeat(width - s.length());
        }

        /** {@code 45s}, {@code 3m07s}, {@code 2h05m09s}, {@code 3d04h05m}. */
        static String duration(long seconds) {
            long d = seconds / 86_400;
            long h = seconds % 86_400 / 3600;
            long m = seconds % 3600 / 60;
            long s = seconds % 60;
            if (d > 0) {
                return String.format(Locale.ROOT, "%dd%02dh%02dm", d, h, m);
            } else if (h > 0) {
                return String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, s);
            } else if (m > 0) {
                return String.format(Locale.ROOT, "%dm%02ds", m, s);
            }
            return s + "s";
        }

        /** Octets as {@code 812}, {@code 1.5K}, {@code 12.0M}, {@code 3.2G} (powers of 1024). */
        static String bytes(long n) {
            String[] units = {"K", "M", "G", "T"};
            if (n < 1024) {
                return Long.toString(n);
            }
            double v = n;
            int u = -1;
            while (v >= 1024 && u < units.length - 1) {
                v /= 1024;
                u++;
            }
            return String.format(Locale.ROOT, "%.1f%s", v, units[u]);
        }

        /** {@code 16 (Modem hangup)}, or {@code -} before any link ended. */
        private static String lastExit(JsonNode last) {
            if (!last.isObject()) {
                return "-";
            }
            String reason = last.path("reason").asText("");
            return last.path("status").asText("?") + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }
}
