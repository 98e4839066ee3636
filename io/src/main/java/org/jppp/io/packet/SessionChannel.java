package org.jppp.io.packet;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.packet.PacketSocket.Sent;
import org.jppp.protocol.framing.Counters;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.PppoeSession;

/**
 * One PPPoE session on an {@link EthernetEndpoint}, as PPP frames: what {@link #source()} emits
 * and {@link #sink()} takes is the PPP protocol field plus information (RFC 2516 §7: no address,
 * control or FCS). The endpoint strips and adds the Ethernet and PPPoE session headers itself, so
 * a session over this channel does not stack {@code PppoeSessionFraming} (that layer is for links
 * that carry whole Ethernet frames).
 *
 * <p>Incoming frames wait in a bounded queue until the source pulls; when it is full the endpoint
 * drops further frames for this session ({@link SessionCounter#DROPPED_IN}) and goes on serving
 * the others. The sink writes on the stream's thread and, when the socket buffer is full, waits
 * for writability without blocking a thread, back-pressuring upstream.
 *
 * <p>{@link #close()} unregisters the session: its source completes, its sink completes (cancelling
 * upstream), and later frames with its id count as unknown.
 */
public final class SessionChannel implements AutoCloseable {
    private final EthernetEndpoint endpoint;
    private final SessionKey key;
    private final EthernetHeader ethernet;
    private final Inbox<ByteString> inbox;
    private final Counters<SessionCounter> counters = new Counters<>(SessionCounter.class);
    private final WakeUp sinkWakeUp;

    SessionChannel(EthernetEndpoint endpoint, SessionKey key, Inbox<ByteString> inbox) {
        this.endpoint = endpoint;
        this.key = key;
        this.inbox = inbox;
        this.ethernet = new EthernetHeader(key.peer(), key.local(), PppoeConstants.ETHERTYPE_SESSION);
        this.sinkWakeUp = new WakeUp(this + " already has a sink");
    }

    public MacAddress peer() {
        return key.peer();
    }

    public int sessionId() {
        return key.sessionId();
    }

    /** Our MAC address in this session: the interface's, or the session's own source address. */
    public MacAddress local() {
        return ethernet.source();
    }

    /** The longest PPP frame that fits: the interface MTU minus the 6-octet PPPoE header. */
    public int maxFrame() {
        return endpoint.mtu() - PppoeConstants.HEADER_LENGTH;
    }

    public Counters<SessionCounter> counters() {
        return counters;
    }

    public boolean isOpen() {
        return !inbox.isClosed();
    }

    /** PPP frames received for this session; one materialization at a time. */
    public Source<ByteString, NotUsed> source() {
        return Source.fromGraph(new InboxSource<>(inbox));
    }

    /**
     * Sends PPP frames in this session. The materialized stage completes when upstream finished
     * and everything was handed to the kernel, or when the session closed.
     */
    public Sink<ByteString, CompletionStage<Done>> sink() {
        return Sink.fromGraph(new SessionSink(this));
    }

    /** Sink and source side by side, materializing the sink's completion. */
    public Flow<ByteString, ByteString, CompletionStage<Done>> flow() {
        return Flow.fromSinkAndSourceMat(sink(), source(), (written, unused) -> written);
    }

    /** Unregisters the session; idempotent. */
    @Override
    public void close() {
        if (inbox.isClosed()) {
            return;
        }
        endpoint.unregister(key, this);
        inbox.close();
        sinkWakeUp.run();
    }

    /** Called by the endpoint's reader with the payload of a frame of this session. */
    boolean deliver(ByteString pppFrame) {
        boolean queued = inbox.offer(pppFrame);
        counters.increment(queued ? SessionCounter.FRAMES_IN : SessionCounter.DROPPED_IN);
        return queued;
    }

    /** One frame, without blocking; {@link Sent#REFUSED} frames are counted as dropped. */
    Sent send(ByteString pppFrame) {
        if (inbox.isClosed()) {
            return Sent.CLOSED;
        }
        Sent sent = pppFrame.isEmpty() || pppFrame.size() > maxFrame() ? Sent.REFUSED
                : endpoint.sessionSocket().send(ethernet, new PppoeSession(key.sessionId(), pppFrame));
        if (sent == Sent.SENT) {
            counters.increment(SessionCounter.FRAMES_OUT);
        } else if (sent == Sent.REFUSED) {
            counters.increment(SessionCounter.DROPPED_OUT);
        } else if (sent == Sent.WOULD_BLOCK) {
            counters.increment(SessionCounter.SEND_WAITS);
        }
        return sent;
    }

    void awaitWritable(Runnable waiter) {
        endpoint.sessionSocket().awaitWritable(waiter);
    }

    /** The running sink's wake-up for {@link #close()}; one sink at a time. */
    void attachSink(Runnable waiter) {
        sinkWakeUp.attach(waiter);
    }

    void detachSink(Runnable waiter) {
        sinkWakeUp.detach(waiter);
    }

    @Override
    public String toString() {
        return "PPPoE session " + key.sessionId() + " with " + key.peer() + " on " + endpoint.ifname();
    }
}
