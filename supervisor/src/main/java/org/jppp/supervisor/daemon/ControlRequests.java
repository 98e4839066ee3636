package org.jppp.supervisor.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The control protocol's requests and replies (docs/control-protocol.md): one JSON object a line
 * in, one a line out, asked of the {@link Manager}. Whatever the line holds, the answer is a
 * reply line; a malformed request is {@code {"ok":false,"error":"bad request: ..."}}.
 */
public final class ControlRequests {
    /** {@code down} waits for the links to close (Terminate-Request, PADT, ip-down scripts). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper();
    private final ActorRef<Manager.Command> manager;
    private final Scheduler scheduler;

    public ControlRequests(ActorRef<Manager.Command> manager, Scheduler scheduler) {
        this.manager = manager;
        this.scheduler = scheduler;
    }

    /** The reply line (without its newline) to one request line. */
    public String handle(String line) {
        try {
            return json.writeValueAsString(reply(line));
        } catch (JsonProcessingException e) {
            return "{\"ok\":false,\"error\":\"internal error\"}";
        }
    }

    /** The reply to a request from a client whose credentials are refused. */
    public String permissionDenied() {
        return handle(error("permission denied"));
    }

    private String handle(ObjectNode reply) {
        try {
            return json.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            return "{\"ok\":false,\"error\":\"internal error\"}";
        }
    }

    private ObjectNode reply(String line) {
        JsonNode request;
        try {
            request = json.readTree(line);
        } catch (JsonProcessingException e) {
            return badRequest(e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            return badRequest("expected a JSON object");
        }
        JsonNode cmd = request.get("cmd");
        if (cmd == null || !cmd.isTextual()) {
            return badRequest("\"cmd\" missing or not a string");
        }
        JsonNode peerNode = request.get("peer");
        if (peerNode != null && !peerNode.isNull() && !peerNode.isTextual()) {
            return badRequest("\"peer\" must be a string");
        }
        Optional<String> peer = peerNode == null || peerNode.isNull() ? Optional.empty()
                : Optional.of(peerNode.asText());
        return switch (cmd.asText()) {
            case "status" -> ask(r -> new Manager.Status(peer, r), WAIT);
            case "list" -> list(ask(r -> new Manager.Status(Optional.empty(), r), WAIT));
            case "up" -> up(request, peer);
            case "down" -> ask(r -> new Manager.Stop(peer, r), STOP_WAIT);
            case "redial" -> ask(r -> new Manager.Redial(peer, r), WAIT);
            case "debug" -> ask(r -> new Manager.ToggleDebug(peer, r), WAIT);
            case "renegotiate" -> ask(r -> new Manager.Renegotiate(peer, r), WAIT);
            default -> error("unknown command: " + cmd.asText());
        };
    }

    private ObjectNode up(JsonNode request, Optional<String> peer) {
        if (peer.isEmpty()) {
            return badRequest("\"up\" needs a \"peer\"");
        }
        List<String> args = new ArrayList<>();
        JsonNode argsNode = request.get("args");
        if (argsNode != null && !argsNode.isNull()) {
            if (!argsNode.isArray()) {
                return badRequest("\"args\" must be an array of strings");
            }
            for (JsonNode a : argsNode) {
                if (!a.isTextual()) {
                    return badRequest("\"args\" must be an array of strings");
                }
                args.add(a.asText());
            }
        }
        return ask(r -> new Manager.Start(peer.get(), args, r), WAIT);
    }

    /** {@code list}: the names and states only. */
    private ObjectNode list(ObjectNode status) {
        if (!status.path("ok").asBoolean()) {
            return status;
        }
        ObjectNode reply = json.createObjectNode().put("ok", true);
        ArrayNode peers = reply.putArray("peers");
        for (JsonNode p : status.path("peers")) {
            peers.addObject().put("name", p.path("name").asText()).put("state", p.path("state").asText());
        }
        return reply;
    }

    private ObjectNode ask(Function<ActorRef<Manager.Reply>, Manager.Command> command, Duration wait) {
        Manager.Reply reply;
        try {
            reply = AskPattern.ask(manager, command::apply, wait, scheduler).toCompletableFuture().join();
        } catch (CompletionException e) {
            return error(e.getCause() instanceof TimeoutException ? "timed out" : "daemon not answering");
        }
        return render(reply);
    }

    private ObjectNode render(Manager.Reply reply) {
        if (reply instanceof Manager.Failed f) {
            return error(f.error());
        }
        ObjectNode out = json.createObjectNode().put("ok", true);
        if (reply instanceof Manager.Ok ok) {
            out.put("message", ok.message());
        } else if (reply instanceof Manager.Debug d) {
            out.put("debug", d.peers().values().stream().anyMatch(Boolean::booleanValue));
            ObjectNode peers = out.putObject("peers");
            d.peers().forEach(peers::put);
        } else if (reply instanceof Manager.Statuses s) {
            ArrayNode peers = out.putArray("peers");
            s.peers().forEach(p -> peers.add(peer(p)));
        }
        return out;
    }

    /** The contract's PEER object. */
    ObjectNode peer(PeerStatus p) {
        ObjectNode o = json.createObjectNode();
        o.put("name", p.name());
        o.put("state", p.state());
        o.put("phase", p.phase());
        o.put("interface", p.ifname().orElse(null));
        o.put("local", p.local().orElse(null));
        o.put("remote", p.remote().orElse(null));
        ArrayNode dns = o.putArray("dns");
        p.dns().forEach(dns::add);
        o.put("uptime_s", p.uptimeS().orElse(null));
        o.put("rx_bytes", p.counters().rxBytes());
        o.put("tx_bytes", p.counters().txBytes());
        o.put("rx_packets", p.counters().rxPackets());
        o.put("tx_packets", p.counters().txPackets());
        o.put("attempt", p.attempt());
        o.put("reconnects", p.reconnects());
        o.put("consecutive_failures", p.consecutiveFailures());
        o.put("holdoff_s", p.holdoffS().orElse(null));
        if (p.lastExit().isPresent()) {
            o.putObject("last_exit").put("status", p.lastExit().get().status())
                    .put("reason", p.lastExit().get().reason());
        } else {
            o.putNull("last_exit");
        }
        o.put("debug", p.debug());
        return o;
    }

    private ObjectNode badRequest(String why) {
        // Jackson's message may run over several lines (it quotes the input): the first says it.
        String first = why == null ? "malformed JSON" : why.lines().findFirst().orElse("malformed JSON");
        return error("bad request: " + first);
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("ok", false).put("error", message);
    }
}
