package org.jppp.protocol.fsm;

import static org.jppp.protocol.fsm.FsmState.ACK_RCVD;
import static org.jppp.protocol.fsm.FsmState.ACK_SENT;
import static org.jppp.protocol.fsm.FsmState.CLOSED;
import static org.jppp.protocol.fsm.FsmState.CLOSING;
import static org.jppp.protocol.fsm.FsmState.INITIAL;
import static org.jppp.protocol.fsm.FsmState.OPENED;
import static org.jppp.protocol.fsm.FsmState.REQ_SENT;
import static org.jppp.protocol.fsm.FsmState.STARTING;
import static org.jppp.protocol.fsm.FsmState.STOPPED;
import static org.jppp.protocol.fsm.FsmState.STOPPING;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.MalformedPacketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFC 1661 §4 option negotiation automaton, one instance per protocol per link, shared by
 * LCP, IPCP and IPv6CP through an {@link OptionHandler} (pppd's {@code fsm.c} idea without its
 * I/O): every event method returns the actions to perform and the new state.
 *
 * <p>The object is mutable, on purpose: its state (the RFC state, the Restart counter, the
 * outstanding request and its identifier) is private and changes only inside the six event
 * methods, each of which ends in the single {@link #setState}. An immutable automaton would have
 * to return the handler's option values too, which the handler owns; one owner thread (the
 * protocol's actor) drives it, so nothing is shared. It is not thread-safe.
 *
 * <p>Time is not read here: the owner runs the one Restart timer as told by
 * {@link FsmAction.StartTimer}/{@link FsmAction.StopTimer} and calls {@link #timeout()} when it
 * fires; TO+ or TO- is decided by the Restart counter (§4.6).
 *
 * <p>Reading of the §4.1 table:
 * <ul>
 * <li>"-" cells (illegal transitions) change nothing and return no actions; they are logged.</li>
 * <li>The "x" footnote (crossed connection, RCA and RCN in Ack-Rcvd and Opened) is implemented
 *     as written (scr/6, with tld in Opened), but a received packet never reaches it: like
 *     pppd's {@code seen_ack}, an Ack/Nak/Reject is valid only while our request is unanswered,
 *     and in those two states it has been answered, so the packet is silently discarded as the
 *     §4.3 RCA discussion allows ("all invalid Ack/Nak/Reject packets are silently discarded").</li>
 * <li>"p" (passive) and "r" (restart) are the options of {@link FsmConfig}.</li>
 * <li>Ack/Nak/Reject are matched against our request only in Req-Sent, Ack-Rcvd, Ack-Sent and
 *     Opened; in Closed and Stopped any well-formed one is answered with Terminate-Ack, as the
 *     table says, because the peer believes a negotiation is running.</li>
 * </ul>
 */
public final class Fsm {
    private static final Logger LOG = LoggerFactory.getLogger(Fsm.class);
    private static final int CODE_REJECT_OVERHEAD = ControlPacket.HEADER_LENGTH;

    private final OptionHandler handler;
    private final FsmConfig config;

    private FsmState state = INITIAL;
    private int restartCounter;
    private int naksSent;
    private int lastIdentifier;
    private boolean timerRunning;
    private long discarded;

    /** Our last Configure-Request: its identifier, options, and whether a valid reply came. */
    private int requestId = -1;
    private List<ConfigOption> requestOptions = List.of();
    private boolean requestAnswered = true;

    /** The reason for the next Terminate-Request, and the last one sent (for retransmission). */
    private byte[] terminateData = new byte[0];
    private ControlPacket terminateRequest;

    /** Set once the handler was reset for a new negotiation within the current event. */
    private boolean negotiationBegun;
    /** Set when the current event hit a "-" cell. */
    private boolean illegalEvent;
    private final List<FsmAction> pending = new ArrayList<>();

    public Fsm(OptionHandler handler, FsmConfig config) {
        this.handler = handler;
        this.config = config;
    }

    public FsmState state() {
        return state;
    }

    /** The Restart counter (§4.6): Configure- or Terminate-Requests left before TO-. */
    public int restartCounter() {
        return restartCounter;
    }

    /** Received packets silently discarded so far (malformed, or replies to no request). */
    public long discardedPackets() {
        return discarded;
    }

    public OptionHandler handler() {
        return handler;
    }

    /** The lower layer is ready to carry packets (§4.3 Up). */
    public FsmResult up() {
        return dispatch(Input.of(FsmEvent.UP));
    }

    /** The lower layer is no longer ready (§4.3 Down). */
    public FsmResult down() {
        return dispatch(Input.of(FsmEvent.DOWN));
    }

    /**
     * The link is administratively allowed to open (§4.3 Open). With {@link FsmConfig#restart()},
     * an Open in the "r" cells is followed by Down and Up, which renegotiates the link.
     */
    public FsmResult open() {
        boolean restartCell = config.restart()
                && (state == STOPPED || state == CLOSING || state == STOPPING || state == OPENED);
        FsmResult opened = dispatch(Input.of(FsmEvent.OPEN));
        if (!restartCell) {
            return opened;
        }
        List<FsmAction> all = new ArrayList<>(opened.actions());
        all.addAll(down().actions());
        FsmResult up = up();
        all.addAll(up.actions());
        return new FsmResult(up.state(), all, opened.event());
    }

    /**
     * The link is administratively closed (§4.3 Close). {@code reason} goes into the
     * Terminate-Request's data, as pppd does, for the peer's log.
     */
    public FsmResult close(String reason) {
        terminateData = reason.getBytes(StandardCharsets.UTF_8);
        return dispatch(Input.of(FsmEvent.CLOSE));
    }

    /** The Restart timer fired (§4.3 TO+ and TO-). */
    public FsmResult timeout() {
        return dispatch(Input.of(restartCounter > 0 ? FsmEvent.TO_PLUS : FsmEvent.TO_MINUS));
    }

    /**
     * A packet of this protocol arrived. It is classified into an RFC event (§4.3) or silently
     * discarded if malformed or invalid (§5), which is counted and changes nothing.
     */
    public FsmResult receive(ControlPacket packet) {
        Input input = classify(packet);
        if (input == null) {
            discarded++;
            negotiationBegun = false;
            return new FsmResult(state, List.of(), Optional.empty());
        }
        return dispatch(input);
    }

    /**
     * Runs one already classified event. Package-private so that tests can reach the cells no
     * received packet can reach (the "x" cells, TO- in Ack-Rcvd with an exhausted counter).
     */
    FsmResult inject(FsmEvent event, ControlPacket packet) {
        return dispatch(Input.of(event, packet));
    }

    // ---------------------------------------------------------------------------------------
    // Classification of received packets (§4.3 receive events, §5 validity rules)

    /** A classified input: the event, the packet, the reply prepared for it, handler events. */
    private record Input(FsmEvent event, ControlPacket packet, List<ConfigOption> options, ControlPacket reply,
                         List<HandlerEvent> events) {
        static Input of(FsmEvent event) {
            return new Input(event, null, List.of(), null, List.of());
        }

        static Input of(FsmEvent event, ControlPacket packet) {
            return new Input(event, packet, List.of(), null, List.of());
        }

        int identifier() {
            return packet == null ? -1 : packet.identifier();
        }
    }

    private Input classify(ControlPacket p) {
        List<ConfigOption> options;
        switch (p.code().value()) {
            case 1 -> {
                options = parseOptions(p);
                return options == null ? null : classifyRequest(p, options);
            }
            case 2 -> {
                return classifyAck(p);
            }
            case 3, 4 -> {
                options = parseOptions(p);
                return options == null ? null : classifyNakOrReject(p, options);
            }
            case 5 -> {
                return Input.of(FsmEvent.RTR, p);
            }
            case 6 -> {
                return Input.of(FsmEvent.RTA, p);
            }
            case 7 -> {
                if (p.data().length == 0) {
                    LOG.debug("{}: discarding Code-Reject without the rejected packet", name());
                    return null;
                }
                int rejected = p.data()[0] & 0xFF;
                LOG.warn("{}: Rcvd Code-Reject for code {}, id {}", name(), rejected, p.identifier());
                boolean catastrophic = handler.isCatastrophicCodeReject(rejected);
                return Input.of(catastrophic ? FsmEvent.RXJ_MINUS : FsmEvent.RXJ_PLUS, p);
            }
            default -> {
                ExtraCode extra = handler.receiveExtra(p);
                if (extra.event() == null) {
                    LOG.debug("{}: discarding malformed {}", name(), p.code());
                    return null;
                }
                return new Input(extra.event(), p, List.of(), extra.reply().orElse(null), extra.events());
            }
        }
    }

    private List<ConfigOption> parseOptions(ControlPacket p) {
        try {
            return ConfigOption.parseList(p.dataBuffer(), name());
        } catch (MalformedPacketException e) {
            LOG.debug("{}: discarding malformed {}: {}", name(), p.code(), e.getMessage());
            return null;
        }
    }

    /** RCR+ or RCR- (§5.1), with the Ack, Nak or Reject to send prepared. */
    private Input classifyRequest(ControlPacket p, List<ConfigOption> options) {
        if (state == STOPPED || state == OPENED) {
            // These cells send our own request first (scr); like pppd, reset our options before
            // judging the peer's, so e.g. a magic-number collision is checked against the new one.
            beginNegotiation();
        }
        Verdict verdict = handler.judgeRequest(options);
        if (verdict.kind() == Verdict.Kind.NAK && naksSent >= config.maxFailure()) {
            verdict = nakToReject(verdict, options);
        }
        ControlPacket reply = switch (verdict.kind()) {
            case ACK -> new ControlPacket(ControlCode.CONFIGURE_ACK, p.identifier(), p.data());
            case NAK -> new ControlPacket(ControlCode.CONFIGURE_NAK, p.identifier(),
                    ConfigOption.emitList(verdict.options()));
            case REJ -> new ControlPacket(ControlCode.CONFIGURE_REJECT, p.identifier(),
                    ConfigOption.emitList(verdict.options()));
        };
        FsmEvent event = verdict.kind() == Verdict.Kind.ACK ? FsmEvent.RCR_PLUS : FsmEvent.RCR_MINUS;
        return new Input(event, p, options, reply, List.of());
    }

    /**
     * Max-Failure (§4.6): "any further Configure-Nak packets for peer requested options are
     * converted to Configure-Reject packets". Naks that only ask the peer to add an option it did
     * not request cannot be rejected; they are dropped, which leaves an Ack.
     */
    private Verdict nakToReject(Verdict nak, List<ConfigOption> requested) {
        Set<Integer> nakedTypes = new HashSet<>();
        List<ConfigOption> stillNaked = new ArrayList<>();
        for (ConfigOption o : nak.options()) {
            if (handler.rejectAfterMaxFailure(o.type())) {
                nakedTypes.add(o.type());
            } else {
                stillNaked.add(o);
            }
        }
        List<ConfigOption> rejected = requested.stream().filter(o -> nakedTypes.contains(o.type())).toList();
        LOG.debug("{}: {} Configure-Naks sent without an Ack; rejecting instead", name(), naksSent);
        if (!rejected.isEmpty()) {
            return Verdict.reject(rejected);
        }
        return stillNaked.isEmpty() ? Verdict.ack() : Verdict.nak(stillNaked);
    }

    /** Whether a reply must answer our outstanding request in the current state. */
    private boolean matchesReplies() {
        return state == REQ_SENT || state == ACK_RCVD || state == ACK_SENT || state == OPENED;
    }

    private boolean answersRequest(ControlPacket reply) {
        if (reply.identifier() == requestId && !requestAnswered) {
            return true;
        }
        LOG.debug("{}: discarding {} id={}: outstanding request is id={}{}", name(), reply.code(),
                reply.identifier(), requestId, requestAnswered ? " (answered)" : "");
        return false;
    }

    /** RCA (§5.2): must answer our request and repeat its options exactly. */
    private Input classifyAck(ControlPacket p) {
        if (!matchesReplies()) {
            return Input.of(FsmEvent.RCA, p);
        }
        if (!answersRequest(p)) {
            return null;
        }
        if (!Arrays.equals(p.data(), ConfigOption.emitList(requestOptions))) {
            LOG.debug("{}: discarding Configure-Ack id={}: options differ from our request", name(), p.identifier());
            return null;
        }
        requestAnswered = true;
        handler.ackReceived(requestOptions);
        return Input.of(FsmEvent.RCA, p);
    }

    /** RCN (§5.3, §5.4): must answer our request; a Reject may only name our options, unmodified. */
    private Input classifyNakOrReject(ControlPacket p, List<ConfigOption> options) {
        if (!matchesReplies()) {
            return Input.of(FsmEvent.RCN, p);
        }
        if (!answersRequest(p)) {
            return null;
        }
        boolean reject = p.code().equals(ControlCode.CONFIGURE_REJECT);
        if (reject && !requestOptions.containsAll(options)) {
            LOG.debug("{}: discarding Configure-Reject id={}: names options we did not send", name(), p.identifier());
            return null;
        }
        ReplyOutcome outcome = reject ? handler.rejectReceived(options) : handler.nakReceived(options);
        if (!outcome.valid()) {
            LOG.debug("{}: discarding invalid {} id={}", name(), p.code(), p.identifier());
            return null;
        }
        requestAnswered = true;
        return new Input(FsmEvent.RCN, p, options, null, outcome.events());
    }

    // ---------------------------------------------------------------------------------------
    // The §4.1 table, one method per event row, one switch arm per cell (or group of equal cells)

    private FsmResult dispatch(Input in) {
        FsmState from = state;
        pending.clear();
        if (in.event() == FsmEvent.TO_PLUS || in.event() == FsmEvent.TO_MINUS) {
            timerRunning = false; // it just fired
        }
        FsmState to = switch (in.event()) {
            case UP -> onUp();
            case DOWN -> onDown();
            case OPEN -> onOpen();
            case CLOSE -> onClose();
            case TO_PLUS -> onTimeoutPlus();
            case TO_MINUS -> onTimeoutMinus();
            case RCR_PLUS -> onGoodRequest(in);
            case RCR_MINUS -> onBadRequest(in);
            case RCA -> onAck(in);
            case RCN -> onNak(in);
            case RTR -> onTerminateRequest(in);
            case RTA -> onTerminateAck();
            case RUC -> onUnknownCode(in);
            case RXJ_PLUS -> onPermittedReject();
            case RXJ_MINUS -> onCatastrophicReject();
            case RXR -> onEcho(in);
        };
        return finish(from, to, in);
    }

    private FsmState onUp() {
        return switch (state) {
            case INITIAL -> CLOSED; // Up in Initial: 2
            case STARTING -> { // Up in Starting: irc,scr/6
                ircConfigure();
                scr();
                yield REQ_SENT;
            }
            case CLOSED, STOPPED, CLOSING, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT, OPENED -> illegal();
        };
    }

    private FsmState onDown() {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED -> INITIAL; // Down in Closed: 0
            case STOPPED -> { // Down in Stopped: tls/1
                emit(new FsmAction.ThisLayerStarted());
                yield STARTING;
            }
            case CLOSING -> INITIAL; // Down in Closing: 0
            case STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> STARTING; // Down in 5..8: 1
            case OPENED -> { // Down in Opened: tld/1
                emit(new FsmAction.ThisLayerDown());
                yield STARTING;
            }
        };
    }

    private FsmState onOpen() {
        return switch (state) {
            case INITIAL -> { // Open in Initial: tls/1
                emit(new FsmAction.ThisLayerStarted());
                yield STARTING;
            }
            case STARTING -> STARTING; // Open in Starting: 1
            case CLOSED -> { // Open in Closed: irc,scr/6
                ircConfigure();
                scr();
                yield REQ_SENT;
            }
            case STOPPED -> STOPPED; // Open in Stopped: 3r
            case CLOSING, STOPPING -> STOPPING; // Open in Closing and Stopping: 5r
            case REQ_SENT, ACK_RCVD, ACK_SENT, OPENED -> state; // Open in 6..9: 6, 7, 8, 9r
        };
    }

    private FsmState onClose() {
        return switch (state) {
            case INITIAL -> INITIAL; // Close in Initial: 0
            case STARTING -> { // Close in Starting: tlf/0
                emit(new FsmAction.ThisLayerFinished());
                yield INITIAL;
            }
            case CLOSED, STOPPED -> CLOSED; // Close in Closed and Stopped: 2
            case CLOSING, STOPPING -> CLOSING; // Close in Closing and Stopping: 4
            case REQ_SENT, ACK_RCVD, ACK_SENT -> { // Close in 6..8: irc,str/4
                ircTerminate();
                str(false);
                yield CLOSING;
            }
            case OPENED -> { // Close in Opened: tld,irc,str/4
                emit(new FsmAction.ThisLayerDown());
                ircTerminate();
                str(false);
                yield CLOSING;
            }
        };
    }

    private FsmState onTimeoutPlus() {
        return switch (state) {
            case INITIAL, STARTING, CLOSED, STOPPED, OPENED -> illegal();
            case CLOSING, STOPPING -> { // TO+ in Closing and Stopping: str/4, str/5
                str(true);
                yield state;
            }
            case REQ_SENT, ACK_RCVD -> { // TO+ in Req-Sent and Ack-Rcvd: scr/6
                scrRetransmit();
                yield REQ_SENT;
            }
            case ACK_SENT -> { // TO+ in Ack-Sent: scr/8
                scrRetransmit();
                yield ACK_SENT;
            }
        };
    }

    private FsmState onTimeoutMinus() {
        return switch (state) {
            case INITIAL, STARTING, CLOSED, STOPPED, OPENED -> illegal();
            case CLOSING -> { // TO- in Closing: tlf/2
                emit(new FsmAction.ThisLayerFinished());
                yield CLOSED;
            }
            case STOPPING -> { // TO- in Stopping: tlf/3
                emit(new FsmAction.ThisLayerFinished());
                yield STOPPED;
            }
            case REQ_SENT, ACK_RCVD, ACK_SENT -> { // TO- in 6..8: tlf/3p
                LOG.warn("{}: timeout sending Config-Requests", name());
                if (!config.passive()) {
                    emit(new FsmAction.ThisLayerFinished());
                }
                yield STOPPED;
            }
        };
    }

    private FsmState onGoodRequest(Input in) {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED, STOPPING, CLOSING -> onRequestWhileDown(in); // RCR+ in 2, 4, 5: sta/2, 4, 5
            case STOPPED -> { // RCR+ in Stopped: irc,scr,sca/8
                ircConfigure();
                scr();
                sca(in);
                yield ACK_SENT;
            }
            case REQ_SENT, ACK_SENT -> { // RCR+ in Req-Sent and Ack-Sent: sca/8
                sca(in);
                yield ACK_SENT;
            }
            case ACK_RCVD -> { // RCR+ in Ack-Rcvd: sca,tlu/9
                sca(in);
                emit(new FsmAction.ThisLayerUp());
                yield OPENED;
            }
            case OPENED -> { // RCR+ in Opened: tld,scr,sca/8
                emit(new FsmAction.ThisLayerDown());
                scr();
                sca(in);
                yield ACK_SENT;
            }
        };
    }

    private FsmState onBadRequest(Input in) {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED, STOPPING, CLOSING -> onRequestWhileDown(in); // RCR- in 2, 4, 5: sta/2, 4, 5
            case STOPPED -> { // RCR- in Stopped: irc,scr,scn/6
                ircConfigure();
                scr();
                scn(in);
                yield REQ_SENT;
            }
            case REQ_SENT, ACK_SENT -> { // RCR- in Req-Sent and Ack-Sent: scn/6
                scn(in);
                yield REQ_SENT;
            }
            case ACK_RCVD -> { // RCR- in Ack-Rcvd: scn/7
                scn(in);
                yield ACK_RCVD;
            }
            case OPENED -> { // RCR- in Opened: tld,scr,scn/6
                emit(new FsmAction.ThisLayerDown());
                scr();
                scn(in);
                yield REQ_SENT;
            }
        };
    }

    /** RCR in Closed (sta/2), Closing (4) and Stopping (5), whatever the verdict. */
    private FsmState onRequestWhileDown(Input in) {
        if (state == CLOSED) {
            sta(in);
        }
        return state;
    }

    private FsmState onAck(Input in) {
        return switch (state) {
            // RCA in Initial..Stopping: -, -, sta/2, sta/3, 4, 5
            case INITIAL, STARTING, CLOSED, STOPPED, CLOSING, STOPPING -> onReplyWhileNotNegotiating(in);
            case REQ_SENT -> { // RCA in Req-Sent: irc/7
                ircConfigure();
                yield ACK_RCVD;
            }
            case ACK_RCVD -> crossedConnection(false); // RCA in Ack-Rcvd: scr/6x
            case ACK_SENT -> { // RCA in Ack-Sent: irc,tlu/9
                ircConfigure();
                emit(new FsmAction.ThisLayerUp());
                yield OPENED;
            }
            case OPENED -> crossedConnection(true); // RCA in Opened: tld,scr/6x
        };
    }

    private FsmState onNak(Input in) {
        return switch (state) {
            // RCN in Initial..Stopping: -, -, sta/2, sta/3, 4, 5
            case INITIAL, STARTING, CLOSED, STOPPED, CLOSING, STOPPING -> onReplyWhileNotNegotiating(in);
            case REQ_SENT -> { // RCN in Req-Sent: irc,scr/6
                ircConfigure();
                scr();
                yield REQ_SENT;
            }
            case ACK_RCVD -> crossedConnection(false); // RCN in Ack-Rcvd: scr/6x
            case ACK_SENT -> { // RCN in Ack-Sent: irc,scr/8
                ircConfigure();
                scr();
                yield ACK_SENT;
            }
            case OPENED -> crossedConnection(true); // RCN in Opened: tld,scr/6x
        };
    }

    /**
     * RCA and RCN in Initial to Stopping: "-", "-", sta/2, sta/3, 4, 5. The peer thinks we are
     * negotiating; in Closed and Stopped a Terminate-Ack tells it otherwise.
     */
    private FsmState onReplyWhileNotNegotiating(Input in) {
        if (state == INITIAL || state == STARTING) {
            return illegal();
        }
        if (state == CLOSED || state == STOPPED) {
            sta(in);
        }
        return state;
    }

    /** The "x" cells: see the class comment for why no received packet gets here. */
    private FsmState crossedConnection(boolean wasOpened) {
        LOG.warn("{}: valid reply in {}: crossed connection, renegotiating", name(), state.logName());
        if (wasOpened) {
            emit(new FsmAction.ThisLayerDown());
        }
        scr();
        return REQ_SENT;
    }

    private FsmState onTerminateRequest(Input in) {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED, STOPPED, CLOSING, STOPPING -> { // RTR in 2..5: sta/2..5
                sta(in);
                yield state;
            }
            case REQ_SENT, ACK_RCVD, ACK_SENT -> { // RTR in 6..8: sta/6
                sta(in);
                yield REQ_SENT;
            }
            case OPENED -> { // RTR in Opened: tld,zrc,sta/5
                emit(new FsmAction.ThisLayerDown());
                zrc();
                sta(in);
                yield STOPPING;
            }
        };
    }

    private FsmState onTerminateAck() {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED, STOPPED -> state; // RTA in Closed and Stopped: 2, 3
            case CLOSING -> { // RTA in Closing: tlf/2
                emit(new FsmAction.ThisLayerFinished());
                yield CLOSED;
            }
            case STOPPING -> { // RTA in Stopping: tlf/3
                emit(new FsmAction.ThisLayerFinished());
                yield STOPPED;
            }
            case REQ_SENT, ACK_RCVD -> REQ_SENT; // RTA in Req-Sent and Ack-Rcvd: 6
            case ACK_SENT -> ACK_SENT; // RTA in Ack-Sent: 8
            case OPENED -> { // RTA in Opened: tld,scr/6
                emit(new FsmAction.ThisLayerDown());
                scr();
                yield REQ_SENT;
            }
        };
    }

    private FsmState onUnknownCode(Input in) {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED, STOPPED, CLOSING, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT, OPENED -> {
                scj(in); // RUC in 2..9: scj, state unchanged
                yield state;
            }
        };
    }

    private FsmState onPermittedReject() {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED, STOPPED, CLOSING, STOPPING, ACK_SENT, OPENED -> state; // RXJ+ in 2..5, 8, 9
            case REQ_SENT, ACK_RCVD -> REQ_SENT; // RXJ+ in Req-Sent and Ack-Rcvd: 6
        };
    }

    private FsmState onCatastrophicReject() {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED, CLOSING -> { // RXJ- in Closed and Closing: tlf/2
                emit(new FsmAction.ThisLayerFinished());
                yield CLOSED;
            }
            case STOPPED, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> { // RXJ- in 3, 5..8: tlf/3
                emit(new FsmAction.ThisLayerFinished());
                yield STOPPED;
            }
            case OPENED -> { // RXJ- in Opened: tld,irc,str/5
                emit(new FsmAction.ThisLayerDown());
                terminateData = new byte[0]; // no administrative reason to give
                ircTerminate();
                str(false);
                yield STOPPING;
            }
        };
    }

    private FsmState onEcho(Input in) {
        return switch (state) {
            case INITIAL, STARTING -> illegal();
            case CLOSED, STOPPED, CLOSING, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> state; // RXR in 2..8
            case OPENED -> { // RXR in Opened: ser/9
                if (in.reply() != null) {
                    emit(new FsmAction.Send(in.reply()));
                }
                yield OPENED;
            }
        };
    }

    // ---------------------------------------------------------------------------------------
    // The §4.4 actions

    private void emit(FsmAction action) {
        pending.add(action);
    }

    /** irc for Configure-Requests (§4.4: Max-Configure). */
    private void ircConfigure() {
        restartCounter = config.maxConfigure();
    }

    /** irc for Terminate-Requests (§4.4: Max-Terminate). */
    private void ircTerminate() {
        restartCounter = config.maxTerminate();
    }

    /** zrc (§4.4): no more Terminate-Requests, but wait one Restart period before Stopped. */
    private void zrc() {
        restartCounter = 0;
        startTimer();
    }

    private void startTimer() {
        emit(new FsmAction.StartTimer(config.restartTimer()));
        timerRunning = true;
    }

    private void beginNegotiation() {
        if (!negotiationBegun) {
            handler.resetOptions();
            naksSent = 0;
            negotiationBegun = true;
        }
    }

    /**
     * scr with new content (§4.4, §5.1): a fresh identifier, because the content may have changed
     * or the previous request was answered.
     */
    private void scr() {
        if (!state.negotiating()) {
            beginNegotiation();
        }
        requestOptions = handler.buildRequest();
        requestId = nextIdentifier();
        sendRequest();
    }

    /**
     * scr on TO+: the same options. The identifier stays the same while the request is unanswered
     * (a retransmission, §5.1 "MAY remain unchanged"); after a valid reply (Ack-Rcvd) it MUST change.
     */
    private void scrRetransmit() {
        if (requestAnswered) {
            requestId = nextIdentifier();
        }
        sendRequest();
    }

    private void sendRequest() {
        requestAnswered = false;
        restartCounter--;
        emit(new FsmAction.Send(new ControlPacket(ControlCode.CONFIGURE_REQUEST, requestId,
                ConfigOption.emitList(requestOptions))));
        startTimer();
    }

    /** sca (§4.4): the Ack prepared at classification; it resets the Max-Failure count (§4.6). */
    private void sca(Input in) {
        naksSent = 0;
        handler.ackSent(in.options());
        emit(new FsmAction.Send(in.reply()));
    }

    /** scn (§4.4): the Nak or Reject prepared at classification. */
    private void scn(Input in) {
        if (in.reply().code().equals(ControlCode.CONFIGURE_NAK)) {
            naksSent++;
        }
        emit(new FsmAction.Send(in.reply()));
    }

    /** str (§4.4): a retransmission repeats the last Terminate-Request, identifier included. */
    private void str(boolean retransmit) {
        if (!retransmit || terminateRequest == null) {
            terminateRequest = new ControlPacket(ControlCode.TERMINATE_REQUEST, nextIdentifier(), terminateData);
        }
        restartCounter--;
        emit(new FsmAction.Send(terminateRequest));
        startTimer();
    }

    /** sta (§4.4, §5.5): the Identifier is copied from the packet being answered. */
    private void sta(Input in) {
        emit(new FsmAction.Send(new ControlPacket(ControlCode.TERMINATE_ACK, in.identifier(), new byte[0])));
    }

    /** scj (§5.6): the rejected packet, truncated to the peer's MRU. */
    private void scj(Input in) {
        byte[] rejected = in.packet().toBytes();
        int room = Math.max(0, handler.peerMru() - CODE_REJECT_OVERHEAD);
        emit(new FsmAction.Send(new ControlPacket(ControlCode.CODE_REJECT, nextIdentifier(),
                Arrays.copyOf(rejected, Math.min(rejected.length, room)))));
    }

    private int nextIdentifier() {
        lastIdentifier = (lastIdentifier + 1) & 0xFF;
        return lastIdentifier;
    }

    /** A "-" cell: nothing changes. */
    private FsmState illegal() {
        illegalEvent = true;
        return state;
    }

    // ---------------------------------------------------------------------------------------

    private FsmResult finish(FsmState from, FsmState to, Input in) {
        negotiationBegun = false;
        if (illegalEvent) {
            illegalEvent = false;
            LOG.debug("{}: {} ignored in {} (illegal transition)", name(), in.event().label(), from.logName());
            return new FsmResult(state, List.of(), Optional.of(in.event()));
        }
        if (timerRunning && !to.runsRestartTimer()) {
            pending.add(0, new FsmAction.StopTimer());
            timerRunning = false;
        }
        in.events().forEach(e -> pending.add(new FsmAction.Notify(e)));
        setState(from, to, in);
        return new FsmResult(to, pending, Optional.of(in.event()));
    }

    /** The one place the state changes; logs each transition once (STYLE habit 12). */
    private void setState(FsmState from, FsmState to, Input in) {
        state = to;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} -> {} on {}{}", name(), from.logName(), to.logName(), in.event().label(),
                    in.packet() == null ? "" : " id=" + in.packet().identifier());
        }
    }

    private String name() {
        return handler.protocolName();
    }
}
