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
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlCode;
import org.jppp.protocol.wire.ControlPacket;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the RFC 1661 §4.1 state transition table: 16 events x 10 states, one named case
 * each, grouped by state. Each case brings a fresh automaton to the state through real events,
 * applies the event, and checks the RFC event it was classified as, the exact actions, the next
 * state and the Restart counter.
 *
 * <p>"-" cells must change nothing and return no actions. The "x" cells (RCA/RCN in Ack-Rcvd and
 * Opened) cannot be reached by a received packet, because the reply they need has already been
 * received (see {@link Fsm}); they are reached by injecting the classified event, and
 * {@link FsmBehaviourTest} shows that a received duplicate is discarded instead. Timeouts in
 * states without a running timer are injected as TO+ or TO- when the counter doesn't give that
 * event by itself, and so is TO- in Ack-Rcvd, where the counter is always full (irc/7).
 */
class FsmTransitionTableTest {

    // -- the packets the peer sends ---------------------------------------------------------

    static final int GOOD_ID = 0x40;
    static final int BAD_ID = 0x41;
    static final int TERM_ID = 0x50;
    static final int ECHO_ID = 0x80;
    static final byte[] GOOD_OPTIONS = {
        0x05, 0x06, 0x01, 0x02, 0x03, 0x04, // magic-number 0x01020304: acceptable
    };
    static final byte[] BAD_OPTIONS = {
        99, 0x03, 0x00, // option 99: rejected by the scripted handler
    };
    static final byte[] NAKED_MRU = {
        0x01, 0x04, 0x05, (byte) 0xD0, // MRU 1488 instead of 1500
    };
    static final ControlPacket GOOD_REQUEST = packet(ControlCode.CONFIGURE_REQUEST, GOOD_ID, GOOD_OPTIONS);
    static final ControlPacket BAD_REQUEST = packet(ControlCode.CONFIGURE_REQUEST, BAD_ID, BAD_OPTIONS);
    static final ControlPacket ACK_OF_FIRST = packet(ControlCode.CONFIGURE_ACK, 1,
            ConfigOption.emitList(ScriptedHandler.WANT));
    static final ControlPacket NAK_OF_FIRST = packet(ControlCode.CONFIGURE_NAK, 1, NAKED_MRU);
    static final ControlPacket TERM_REQUEST = packet(ControlCode.TERMINATE_REQUEST, TERM_ID, new byte[0]);
    static final ControlPacket TERM_ACK = packet(ControlCode.TERMINATE_ACK, 0x51, new byte[0]);
    static final ControlPacket UNKNOWN_CODE = packet(new ControlCode(0x33), 0x60, new byte[] {(byte) 0xAB});
    static final ControlPacket CODE_REJECT_OF_ECHO = packet(ControlCode.CODE_REJECT, 0x70, new byte[] {
        0x09, 0x01, 0x00, 0x04, // the rejected Echo-Request: permitted (RXJ+)
    });
    static final ControlPacket CODE_REJECT_OF_CONFREQ = packet(ControlCode.CODE_REJECT, 0x71, new byte[] {
        0x01, 0x01, 0x00, 0x04, // the rejected Configure-Request: catastrophic (RXJ-)
    });
    static final ControlPacket ECHO_REQUEST = packet(ControlCode.ECHO_REQUEST, ECHO_ID, new byte[] {0, 0, 0, 0});

    static ControlPacket packet(ControlCode code, int id, byte[] data) {
        return new ControlPacket(code, id, data);
    }

    /** One way to produce each of the sixteen events. */
    enum Ev {
        UP(FsmEvent.UP, Fsm::up),
        DOWN(FsmEvent.DOWN, Fsm::down),
        OPEN(FsmEvent.OPEN, Fsm::open),
        CLOSE(FsmEvent.CLOSE, f -> f.close("bye")),
        TO_PLUS(FsmEvent.TO_PLUS, f -> f.restartCounter() > 0 ? f.timeout() : f.inject(FsmEvent.TO_PLUS, null)),
        TO_MINUS(FsmEvent.TO_MINUS, Ev::exhaustThenTimeout),
        RCR_PLUS(FsmEvent.RCR_PLUS, f -> f.receive(GOOD_REQUEST)),
        RCR_MINUS(FsmEvent.RCR_MINUS, f -> f.receive(BAD_REQUEST)),
        RCA(FsmEvent.RCA, f -> f.receive(ACK_OF_FIRST)),
        RCA_CROSSED(FsmEvent.RCA, f -> f.inject(FsmEvent.RCA, ACK_OF_FIRST)),
        RCN(FsmEvent.RCN, f -> f.receive(NAK_OF_FIRST)),
        RCN_CROSSED(FsmEvent.RCN, f -> f.inject(FsmEvent.RCN, NAK_OF_FIRST)),
        RTR(FsmEvent.RTR, f -> f.receive(TERM_REQUEST)),
        RTA(FsmEvent.RTA, f -> f.receive(TERM_ACK)),
        RUC(FsmEvent.RUC, f -> f.receive(UNKNOWN_CODE)),
        RXJ_PLUS(FsmEvent.RXJ_PLUS, f -> f.receive(CODE_REJECT_OF_ECHO)),
        RXJ_MINUS(FsmEvent.RXJ_MINUS, f -> f.receive(CODE_REJECT_OF_CONFREQ)),
        RXR(FsmEvent.RXR, f -> f.receive(ECHO_REQUEST));

        final FsmEvent event;
        final Function<Fsm, FsmResult> apply;

        Ev(FsmEvent event, Function<Fsm, FsmResult> apply) {
            this.event = event;
            this.apply = apply;
        }

        /** TO-: where the timer runs and TO+ keeps the state, time out until the counter is spent. */
        private static FsmResult exhaustThenTimeout(Fsm f) {
            if (f.state().runsRestartTimer() && f.state() != ACK_RCVD) {
                while (f.restartCounter() > 0) {
                    f.timeout();
                }
                return f.timeout();
            }
            return f.restartCounter() == 0 ? f.timeout() : f.inject(FsmEvent.TO_MINUS, null);
        }
    }

    // -- the actions expected ---------------------------------------------------------------

    static final FsmAction TIMER = new FsmAction.StartTimer(Duration.ofSeconds(3));
    static final FsmAction STOP = new FsmAction.StopTimer();
    static final FsmAction TLU = new FsmAction.ThisLayerUp();
    static final FsmAction TLD = new FsmAction.ThisLayerDown();
    static final FsmAction TLS = new FsmAction.ThisLayerStarted();
    static final FsmAction TLF = new FsmAction.ThisLayerFinished();

    static FsmAction send(ControlCode code, int id, byte[] data) {
        return new FsmAction.Send(packet(code, id, data));
    }

    /** scr with the options we want. */
    static FsmAction scr(int id) {
        return send(ControlCode.CONFIGURE_REQUEST, id, ConfigOption.emitList(ScriptedHandler.WANT));
    }

    /** scr after adopting the Nak's MRU. */
    static FsmAction scrNaked(int id) {
        return send(ControlCode.CONFIGURE_REQUEST, id, NAKED_MRU);
    }

    /** sca for the good request: its options echoed, its identifier copied. */
    static final FsmAction SCA = send(ControlCode.CONFIGURE_ACK, GOOD_ID, GOOD_OPTIONS);
    /** scn for the bad request: a Reject of option 99. */
    static final FsmAction SCN = send(ControlCode.CONFIGURE_REJECT, BAD_ID, BAD_OPTIONS);
    static final FsmAction SER = send(ControlCode.ECHO_REPLY, ECHO_ID, new byte[] {0, 0, 0, 0});

    static FsmAction sta(int id) {
        return send(ControlCode.TERMINATE_ACK, id, new byte[0]);
    }

    static FsmAction str(int id, String reason) {
        return send(ControlCode.TERMINATE_REQUEST, id, reason.getBytes(StandardCharsets.UTF_8));
    }

    static FsmAction scj(int id) {
        return send(ControlCode.CODE_REJECT, id, UNKNOWN_CODE.toBytes());
    }

    // -- the harness --------------------------------------------------------------------------

    /** A fresh automaton brought to {@code target} by real events. */
    static Fsm reach(FsmState target) {
        Fsm f = new Fsm(new ScriptedHandler(), FsmConfig.DEFAULT);
        switch (target) {
            case INITIAL -> { }
            case STARTING -> f.open();
            case CLOSED -> f.up();
            case STOPPED -> events(f, Ev.OPEN, Ev.UP, Ev.RXJ_MINUS);
            case CLOSING -> events(f, Ev.UP, Ev.OPEN, Ev.CLOSE);
            case STOPPING -> events(f, Ev.UP, Ev.OPEN, Ev.CLOSE, Ev.OPEN);
            case REQ_SENT -> events(f, Ev.OPEN, Ev.UP);
            case ACK_RCVD -> events(f, Ev.OPEN, Ev.UP, Ev.RCA);
            case ACK_SENT -> events(f, Ev.OPEN, Ev.UP, Ev.RCR_PLUS);
            case OPENED -> events(f, Ev.OPEN, Ev.UP, Ev.RCR_PLUS, Ev.RCA);
        }
        assertEquals(target, f.state(), "setup");
        return f;
    }

    private static void events(Fsm f, Ev... events) {
        for (Ev e : events) {
            e.apply.apply(f);
        }
    }

    /** One state's column; {@code counter} is the Restart counter on arrival. */
    abstract static class Column {
        final FsmState state;
        final int counter;

        Column(FsmState state, int counter) {
            this.state = state;
            this.counter = counter;
        }

        abstract Stream<Arguments> cells();

        Arguments cell(String name, Ev ev, FsmState next, int counterAfter, FsmAction... actions) {
            return Arguments.of(name, ev, next, counterAfter, List.of(actions));
        }

        /** A cell that keeps the state and the counter. */
        Arguments stay(String name, Ev ev, FsmAction... actions) {
            return cell(name, ev, state, counter, actions);
        }

        /** A "-" cell. */
        Arguments dash(String name, Ev ev) {
            return stay(name, ev);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cells")
        void cell(String name, Ev ev, FsmState next, int counterAfter, List<FsmAction> actions) {
            Fsm fsm = reach(state);
            FsmResult r = ev.apply.apply(fsm);
            assertEquals(Optional.of(ev.event), r.event(), "event");
            assertEquals(actions, r.actions(), "actions");
            assertEquals(next, r.state(), "result state");
            assertEquals(next, fsm.state(), "automaton state");
            assertEquals(counterAfter, fsm.restartCounter(), "restart counter");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Initial extends Column {
        Initial() {
            super(INITIAL, 0);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    cell("initial_up_movesToClosed", Ev.UP, CLOSED, 0),
                    dash("initial_down_isIllegal", Ev.DOWN),
                    cell("initial_open_signalsStartedAndMovesToStarting", Ev.OPEN, STARTING, 0, TLS),
                    stay("initial_close_staysInitial", Ev.CLOSE),
                    dash("initial_toPlus_isIllegal", Ev.TO_PLUS),
                    dash("initial_toMinus_isIllegal", Ev.TO_MINUS),
                    dash("initial_rcrPlus_isIllegal", Ev.RCR_PLUS),
                    dash("initial_rcrMinus_isIllegal", Ev.RCR_MINUS),
                    dash("initial_rca_isIllegal", Ev.RCA),
                    dash("initial_rcn_isIllegal", Ev.RCN),
                    dash("initial_rtr_isIllegal", Ev.RTR),
                    dash("initial_rta_isIllegal", Ev.RTA),
                    dash("initial_ruc_isIllegal", Ev.RUC),
                    dash("initial_rxjPlus_isIllegal", Ev.RXJ_PLUS),
                    dash("initial_rxjMinus_isIllegal", Ev.RXJ_MINUS),
                    dash("initial_rxr_isIllegal", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Starting extends Column {
        Starting() {
            super(STARTING, 0);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    cell("starting_up_sendsRequestAndMovesToReqSent", Ev.UP, REQ_SENT, 9, scr(1), TIMER),
                    dash("starting_down_isIllegal", Ev.DOWN),
                    stay("starting_open_staysStarting", Ev.OPEN),
                    cell("starting_close_signalsFinishedAndMovesToInitial", Ev.CLOSE, INITIAL, 0, TLF),
                    dash("starting_toPlus_isIllegal", Ev.TO_PLUS),
                    dash("starting_toMinus_isIllegal", Ev.TO_MINUS),
                    dash("starting_rcrPlus_isIllegal", Ev.RCR_PLUS),
                    dash("starting_rcrMinus_isIllegal", Ev.RCR_MINUS),
                    dash("starting_rca_isIllegal", Ev.RCA),
                    dash("starting_rcn_isIllegal", Ev.RCN),
                    dash("starting_rtr_isIllegal", Ev.RTR),
                    dash("starting_rta_isIllegal", Ev.RTA),
                    dash("starting_ruc_isIllegal", Ev.RUC),
                    dash("starting_rxjPlus_isIllegal", Ev.RXJ_PLUS),
                    dash("starting_rxjMinus_isIllegal", Ev.RXJ_MINUS),
                    dash("starting_rxr_isIllegal", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Closed extends Column {
        Closed() {
            super(CLOSED, 0);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    dash("closed_up_isIllegal", Ev.UP),
                    cell("closed_down_movesToInitial", Ev.DOWN, INITIAL, 0),
                    cell("closed_open_sendsRequestAndMovesToReqSent", Ev.OPEN, REQ_SENT, 9, scr(1), TIMER),
                    stay("closed_close_staysClosed", Ev.CLOSE),
                    dash("closed_toPlus_isIllegal", Ev.TO_PLUS),
                    dash("closed_toMinus_isIllegal", Ev.TO_MINUS),
                    stay("closed_rcrPlus_sendsTermAck", Ev.RCR_PLUS, sta(GOOD_ID)),
                    stay("closed_rcrMinus_sendsTermAck", Ev.RCR_MINUS, sta(BAD_ID)),
                    stay("closed_rca_sendsTermAck", Ev.RCA, sta(1)),
                    stay("closed_rcn_sendsTermAck", Ev.RCN, sta(1)),
                    stay("closed_rtr_sendsTermAck", Ev.RTR, sta(TERM_ID)),
                    stay("closed_rta_staysClosed", Ev.RTA),
                    stay("closed_ruc_sendsCodeReject", Ev.RUC, scj(1)),
                    stay("closed_rxjPlus_staysClosed", Ev.RXJ_PLUS),
                    stay("closed_rxjMinus_signalsFinished", Ev.RXJ_MINUS, TLF),
                    stay("closed_rxr_staysClosed", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Stopped extends Column {
        Stopped() {
            super(STOPPED, 9);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    dash("stopped_up_isIllegal", Ev.UP),
                    cell("stopped_down_signalsStartedAndMovesToStarting", Ev.DOWN, STARTING, 9, TLS),
                    stay("stopped_open_staysStopped", Ev.OPEN),
                    cell("stopped_close_movesToClosed", Ev.CLOSE, CLOSED, 9),
                    dash("stopped_toPlus_isIllegal", Ev.TO_PLUS),
                    dash("stopped_toMinus_isIllegal", Ev.TO_MINUS),
                    cell("stopped_rcrPlus_sendsRequestAndAckAndMovesToAckSent", Ev.RCR_PLUS, ACK_SENT, 9,
                            scr(2), TIMER, SCA),
                    cell("stopped_rcrMinus_sendsRequestAndRejectAndMovesToReqSent", Ev.RCR_MINUS, REQ_SENT, 9,
                            scr(2), TIMER, SCN),
                    stay("stopped_rca_sendsTermAck", Ev.RCA, sta(1)),
                    stay("stopped_rcn_sendsTermAck", Ev.RCN, sta(1)),
                    stay("stopped_rtr_sendsTermAck", Ev.RTR, sta(TERM_ID)),
                    stay("stopped_rta_staysStopped", Ev.RTA),
                    stay("stopped_ruc_sendsCodeReject", Ev.RUC, scj(2)),
                    stay("stopped_rxjPlus_staysStopped", Ev.RXJ_PLUS),
                    stay("stopped_rxjMinus_signalsFinished", Ev.RXJ_MINUS, TLF),
                    stay("stopped_rxr_staysStopped", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Closing extends Column {
        Closing() {
            super(CLOSING, 1);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    dash("closing_up_isIllegal", Ev.UP),
                    cell("closing_down_movesToInitial", Ev.DOWN, INITIAL, 1, STOP),
                    cell("closing_open_movesToStopping", Ev.OPEN, STOPPING, 1),
                    stay("closing_close_staysClosing", Ev.CLOSE),
                    cell("closing_toPlus_resendsTermRequestWithSameId", Ev.TO_PLUS, CLOSING, 0, str(2, "bye"), TIMER),
                    cell("closing_toMinus_signalsFinishedAndMovesToClosed", Ev.TO_MINUS, CLOSED, 0, TLF),
                    stay("closing_rcrPlus_staysClosing", Ev.RCR_PLUS),
                    stay("closing_rcrMinus_staysClosing", Ev.RCR_MINUS),
                    stay("closing_rca_staysClosing", Ev.RCA),
                    stay("closing_rcn_staysClosing", Ev.RCN),
                    stay("closing_rtr_sendsTermAck", Ev.RTR, sta(TERM_ID)),
                    cell("closing_rta_signalsFinishedAndMovesToClosed", Ev.RTA, CLOSED, 1, STOP, TLF),
                    stay("closing_ruc_sendsCodeReject", Ev.RUC, scj(3)),
                    stay("closing_rxjPlus_staysClosing", Ev.RXJ_PLUS),
                    cell("closing_rxjMinus_signalsFinishedAndMovesToClosed", Ev.RXJ_MINUS, CLOSED, 1, STOP, TLF),
                    stay("closing_rxr_staysClosing", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Stopping extends Column {
        Stopping() {
            super(STOPPING, 1);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    dash("stopping_up_isIllegal", Ev.UP),
                    cell("stopping_down_movesToStarting", Ev.DOWN, STARTING, 1, STOP),
                    stay("stopping_open_staysStopping", Ev.OPEN),
                    cell("stopping_close_movesToClosing", Ev.CLOSE, CLOSING, 1),
                    cell("stopping_toPlus_resendsTermRequestWithSameId", Ev.TO_PLUS, STOPPING, 0,
                            str(2, "bye"), TIMER),
                    cell("stopping_toMinus_signalsFinishedAndMovesToStopped", Ev.TO_MINUS, STOPPED, 0, TLF),
                    stay("stopping_rcrPlus_staysStopping", Ev.RCR_PLUS),
                    stay("stopping_rcrMinus_staysStopping", Ev.RCR_MINUS),
                    stay("stopping_rca_staysStopping", Ev.RCA),
                    stay("stopping_rcn_staysStopping", Ev.RCN),
                    stay("stopping_rtr_sendsTermAck", Ev.RTR, sta(TERM_ID)),
                    cell("stopping_rta_signalsFinishedAndMovesToStopped", Ev.RTA, STOPPED, 1, STOP, TLF),
                    stay("stopping_ruc_sendsCodeReject", Ev.RUC, scj(3)),
                    stay("stopping_rxjPlus_staysStopping", Ev.RXJ_PLUS),
                    cell("stopping_rxjMinus_signalsFinishedAndMovesToStopped", Ev.RXJ_MINUS, STOPPED, 1, STOP, TLF),
                    stay("stopping_rxr_staysStopping", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ReqSent extends Column {
        ReqSent() {
            super(REQ_SENT, 9);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    dash("reqSent_up_isIllegal", Ev.UP),
                    cell("reqSent_down_movesToStarting", Ev.DOWN, STARTING, 9, STOP),
                    stay("reqSent_open_staysReqSent", Ev.OPEN),
                    cell("reqSent_close_sendsTermRequestAndMovesToClosing", Ev.CLOSE, CLOSING, 1,
                            str(2, "bye"), TIMER),
                    cell("reqSent_toPlus_resendsRequestWithSameId", Ev.TO_PLUS, REQ_SENT, 8, scr(1), TIMER),
                    cell("reqSent_toMinus_signalsFinishedAndMovesToStopped", Ev.TO_MINUS, STOPPED, 0, TLF),
                    cell("reqSent_rcrPlus_sendsAckAndMovesToAckSent", Ev.RCR_PLUS, ACK_SENT, 9, SCA),
                    stay("reqSent_rcrMinus_sendsReject", Ev.RCR_MINUS, SCN),
                    cell("reqSent_rca_movesToAckRcvd", Ev.RCA, ACK_RCVD, 10),
                    cell("reqSent_rcn_sendsNewRequest", Ev.RCN, REQ_SENT, 9, scrNaked(2), TIMER),
                    stay("reqSent_rtr_sendsTermAck", Ev.RTR, sta(TERM_ID)),
                    stay("reqSent_rta_staysReqSent", Ev.RTA),
                    stay("reqSent_ruc_sendsCodeReject", Ev.RUC, scj(2)),
                    stay("reqSent_rxjPlus_staysReqSent", Ev.RXJ_PLUS),
                    cell("reqSent_rxjMinus_signalsFinishedAndMovesToStopped", Ev.RXJ_MINUS, STOPPED, 9, STOP, TLF),
                    stay("reqSent_rxr_staysReqSent", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AckRcvd extends Column {
        AckRcvd() {
            super(ACK_RCVD, 10);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    dash("ackRcvd_up_isIllegal", Ev.UP),
                    cell("ackRcvd_down_movesToStarting", Ev.DOWN, STARTING, 10, STOP),
                    stay("ackRcvd_open_staysAckRcvd", Ev.OPEN),
                    cell("ackRcvd_close_sendsTermRequestAndMovesToClosing", Ev.CLOSE, CLOSING, 1,
                            str(2, "bye"), TIMER),
                    cell("ackRcvd_toPlus_resendsRequestWithNewIdAndMovesToReqSent", Ev.TO_PLUS, REQ_SENT, 9,
                            scr(2), TIMER),
                    cell("ackRcvd_toMinus_signalsFinishedAndMovesToStopped", Ev.TO_MINUS, STOPPED, 10, TLF),
                    cell("ackRcvd_rcrPlus_sendsAckAndOpens", Ev.RCR_PLUS, OPENED, 10, STOP, SCA, TLU),
                    stay("ackRcvd_rcrMinus_sendsReject", Ev.RCR_MINUS, SCN),
                    cell("ackRcvd_rca_crossedSendsRequestAndMovesToReqSent", Ev.RCA_CROSSED, REQ_SENT, 9,
                            scr(2), TIMER),
                    cell("ackRcvd_rcn_crossedSendsRequestAndMovesToReqSent", Ev.RCN_CROSSED, REQ_SENT, 9,
                            scr(2), TIMER),
                    cell("ackRcvd_rtr_sendsTermAckAndMovesToReqSent", Ev.RTR, REQ_SENT, 10, sta(TERM_ID)),
                    cell("ackRcvd_rta_movesToReqSent", Ev.RTA, REQ_SENT, 10),
                    stay("ackRcvd_ruc_sendsCodeReject", Ev.RUC, scj(2)),
                    cell("ackRcvd_rxjPlus_movesToReqSent", Ev.RXJ_PLUS, REQ_SENT, 10),
                    cell("ackRcvd_rxjMinus_signalsFinishedAndMovesToStopped", Ev.RXJ_MINUS, STOPPED, 10, STOP, TLF),
                    stay("ackRcvd_rxr_staysAckRcvd", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AckSent extends Column {
        AckSent() {
            super(ACK_SENT, 9);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    dash("ackSent_up_isIllegal", Ev.UP),
                    cell("ackSent_down_movesToStarting", Ev.DOWN, STARTING, 9, STOP),
                    stay("ackSent_open_staysAckSent", Ev.OPEN),
                    cell("ackSent_close_sendsTermRequestAndMovesToClosing", Ev.CLOSE, CLOSING, 1,
                            str(2, "bye"), TIMER),
                    cell("ackSent_toPlus_resendsRequestWithSameId", Ev.TO_PLUS, ACK_SENT, 8, scr(1), TIMER),
                    cell("ackSent_toMinus_signalsFinishedAndMovesToStopped", Ev.TO_MINUS, STOPPED, 0, TLF),
                    stay("ackSent_rcrPlus_sendsAck", Ev.RCR_PLUS, SCA),
                    cell("ackSent_rcrMinus_sendsRejectAndMovesToReqSent", Ev.RCR_MINUS, REQ_SENT, 9, SCN),
                    cell("ackSent_rca_opens", Ev.RCA, OPENED, 10, STOP, TLU),
                    cell("ackSent_rcn_sendsNewRequest", Ev.RCN, ACK_SENT, 9, scrNaked(2), TIMER),
                    cell("ackSent_rtr_sendsTermAckAndMovesToReqSent", Ev.RTR, REQ_SENT, 9, sta(TERM_ID)),
                    stay("ackSent_rta_staysAckSent", Ev.RTA),
                    stay("ackSent_ruc_sendsCodeReject", Ev.RUC, scj(2)),
                    stay("ackSent_rxjPlus_staysAckSent", Ev.RXJ_PLUS),
                    cell("ackSent_rxjMinus_signalsFinishedAndMovesToStopped", Ev.RXJ_MINUS, STOPPED, 9, STOP, TLF),
                    stay("ackSent_rxr_staysAckSent", Ev.RXR));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Opened extends Column {
        Opened() {
            super(OPENED, 10);
        }

        @Override
        Stream<Arguments> cells() {
            return Stream.of(
                    dash("opened_up_isIllegal", Ev.UP),
                    cell("opened_down_signalsDownAndMovesToStarting", Ev.DOWN, STARTING, 10, TLD),
                    stay("opened_open_staysOpened", Ev.OPEN),
                    cell("opened_close_signalsDownSendsTermRequestAndMovesToClosing", Ev.CLOSE, CLOSING, 1,
                            TLD, str(2, "bye"), TIMER),
                    dash("opened_toPlus_isIllegal", Ev.TO_PLUS),
                    dash("opened_toMinus_isIllegal", Ev.TO_MINUS),
                    cell("opened_rcrPlus_renegotiatesAndMovesToAckSent", Ev.RCR_PLUS, ACK_SENT, 9,
                            TLD, scr(2), TIMER, SCA),
                    cell("opened_rcrMinus_renegotiatesAndMovesToReqSent", Ev.RCR_MINUS, REQ_SENT, 9,
                            TLD, scr(2), TIMER, SCN),
                    cell("opened_rca_crossedRenegotiatesAndMovesToReqSent", Ev.RCA_CROSSED, REQ_SENT, 9,
                            TLD, scr(2), TIMER),
                    cell("opened_rcn_crossedRenegotiatesAndMovesToReqSent", Ev.RCN_CROSSED, REQ_SENT, 9,
                            TLD, scr(2), TIMER),
                    cell("opened_rtr_signalsDownAcksAndMovesToStopping", Ev.RTR, STOPPING, 0,
                            TLD, TIMER, sta(TERM_ID)),
                    cell("opened_rta_renegotiatesAndMovesToReqSent", Ev.RTA, REQ_SENT, 9, TLD, scr(2), TIMER),
                    stay("opened_ruc_sendsCodeReject", Ev.RUC, scj(2)),
                    stay("opened_rxjPlus_staysOpened", Ev.RXJ_PLUS),
                    cell("opened_rxjMinus_signalsDownSendsTermRequestAndMovesToStopping", Ev.RXJ_MINUS, STOPPING, 1,
                            TLD, str(2, ""), TIMER),
                    stay("opened_rxr_sendsEchoReply", Ev.RXR, SER));
        }
    }
}
