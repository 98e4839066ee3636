package org.jppp.io.packet;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.packet.PacketSocket.Sent;
import org.jppp.protocol.framing.Counters;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeSession;
import org.jppp.protocol.wire.MalformedPacketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PPPoE side of one Ethernet interface, shared by every session on it: a discovery socket
 * (EtherType 0x8863) and a session socket (0x8864), both on the shared {@link EventLoop}, read on
 * the shared {@link Executor}. No thread belongs to an endpoint or a session.
 *
 * <p><b>Sessions</b> are {@link #register registered} by (our MAC, peer MAC, SESSION_ID) once
 * discovery assigned them; a received session frame goes to the session whose key matches its
 * destination and source MACs and SESSION_ID, with the Ethernet and PPPoE headers removed and octets past LENGTH (Ethernet
 * padding, RFC 2516 §4) dropped. Frames for no registered session are counted and announced on
 * {@link #unknownSessions()}, so the caller can answer with a PADT.
 *
 * <p><b>Early frames</b>: a host learns its SESSION_ID from the PADS, which comes in on the
 * discovery socket, while the access concentrator's first LCP Configure-Request, sent right
 * behind it, comes in on the session socket; the two are read independently, and the frame may
 * be read before the host has {@link #registerGranted registered} the session. The last few
 * frames for no registered session are therefore kept a short while, and a session registered
 * with {@link #registerGranted} gets those of its key first, in order. (pppd has the same gap
 * between its discovery socket and the kernel's PPPoE socket; it loses the frame and the
 * access concentrator retransmits after its 3 s Restart timer.)
 *
 * <p><b>Discovery</b> packets all go to one {@link #discovery()} source, parsed; matching a PADO
 * or PADS to the PADI/PADR that asked for it (by Host-Uniq, by MAC) is protocol logic and stays
 * with the caller, which may fan the source out with a {@code BroadcastHub}. Discovery is rare
 * and retransmitted by timers, so {@link #sendDiscovery} is a plain non-blocking send that drops
 * and counts when the socket buffer is full.
 *
 * <p><b>Flow control</b>: each consumer has a bounded queue; a consumer that does not pull loses
 * its own frames once its queue is full and never stalls the others. The reader stops only when
 * every consumer of a socket is full, leaving frames in the kernel's 4 MB buffer.
 */
public final class EthernetEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EthernetEndpoint.class);

    /**
     * Sizes of the endpoint's buffers.
     *
     * @param sessionQueue     frames queued per session before its frames are dropped
     * @param discoveryQueue   discovery packets queued before they are dropped
     * @param unknownQueue     unknown-session notices queued before they are dropped
     * @param receiveBuffer    {@code SO_RCVBUF} of each socket, in octets
     * @param batch            frames per {@code recvmmsg} on the session socket
     * @param earlyFrames      frames for no registered session kept for {@link #registerGranted}
     * @param earlyFrameAge    how long such a frame is kept
     */
    public record Settings(int sessionQueue, int discoveryQueue, int unknownQueue, int receiveBuffer, int batch,
            int earlyFrames, Duration earlyFrameAge) {
        public static final Settings DEFAULT = new Settings(256, 256, 64, 4 << 20, 32);

        /** With 16 early frames kept for 2 s: a PADS is handled within milliseconds, seconds on a starved machine. */
        public Settings(int sessionQueue, int discoveryQueue, int unknownQueue, int receiveBuffer, int batch) {
            this(sessionQueue, discoveryQueue, unknownQueue, receiveBuffer, batch, 16, Duration.ofSeconds(2));
        }
    }

    private static final int DISCOVERY_BATCH = 8;

    private final Settings settings;
    private final PacketSocket discoverySocket;
    private final PacketSocket sessionSocket;
    private final FrameReader discoveryReader;
    private final FrameReader sessionReader;
    private final Inbox<DiscoveryFrame> discoveryInbox;
    private final Inbox<UnknownSession> unknownInbox;
    private final Map<SessionKey, SessionChannel> sessions = new ConcurrentHashMap<>();
    /** Extra unicast addresses of ours (per-session source MACs), with how many users each has. */
    private final Map<MacAddress, LocalAddress> locals = new ConcurrentHashMap<>();

    private record LocalAddress(int users, PacketSocket.Membership membership) { }

    /** A frame for no registered session, kept for {@link #registerGranted}. */
    private record EarlyFrame(SessionKey key, ByteString pppFrame, long receivedNanos) { }

    /**
     * The last {@link Settings#earlyFrames} of them, oldest first. Its lock also orders
     * registration against delivery: a session is published in {@link #sessions} under it, after
     * its early frames were queued, so the reader either finds the session or keeps the frame.
     */
    private final ArrayDeque<EarlyFrame> early = new ArrayDeque<>();
    private final Counters<EndpointCounter> counters = new Counters<>(EndpointCounter.class);
    private final AtomicBoolean closed = new AtomicBoolean();

    private EthernetEndpoint(Executor executor, PacketSocket discoverySocket, PacketSocket sessionSocket,
            Settings settings) {
        this.settings = settings;
        this.discoverySocket = discoverySocket;
        this.sessionSocket = sessionSocket;
        this.discoveryReader = new FrameReader(discoverySocket, executor, this::discoveryFrame, this::close);
        this.sessionReader = new FrameReader(sessionSocket, executor, this::sessionFrame, this::close);
        this.discoveryInbox = new Inbox<>(discoverySocket.ifname() + " discovery", settings.discoveryQueue(),
                discoveryReader.demand());
        this.unknownInbox = new Inbox<>(sessionSocket.ifname() + " unknown sessions", settings.unknownQueue(),
                sessionReader.demand());
        startReading(discoverySocket, discoveryReader);
        startReading(sessionSocket, sessionReader);
    }

    private void startReading(PacketSocket socket, FrameReader reader) {
        socket.onEvents(reader::schedule, () -> {
            LOG.warn("{}: event loop gone, closing the endpoint", socket);
            close();
        });
        socket.armRead();
    }

    /** Opens the endpoint on {@code ifname} with {@link Settings#DEFAULT}; see {@link #open(EventLoop, Executor, String, Settings)}. */
    public static EthernetEndpoint open(EventLoop loop, Executor executor, String ifname) {
        return open(loop, executor, ifname, Settings.DEFAULT);
    }

    /**
     * Opens both sockets on {@code ifname} in the calling thread's network namespace.
     *
     * @param loop     reports readiness of both sockets
     * @param executor runs the readers (the stream dispatcher, say); never blocked by them
     * @throws org.jppp.io.posix.NativeException if the interface does not exist or the sockets
     *     cannot be opened (not root: {@code EPERM})
     */
    public static EthernetEndpoint open(EventLoop loop, Executor executor, String ifname, Settings settings) {
        PacketSocket discovery = PacketSocket.open(loop, ifname, PppoeConstants.ETHERTYPE_DISCOVERY,
                settings.receiveBuffer(), DISCOVERY_BATCH);
        try {
            PacketSocket session = PacketSocket.open(loop, ifname, PppoeConstants.ETHERTYPE_SESSION,
                    settings.receiveBuffer(), settings.batch());
            return new EthernetEndpoint(executor, discovery, session, settings);
        } catch (RuntimeException e) {
            discovery.close();
            throw e;
        }
    }

    public String ifname() {
        return sessionSocket.ifname();
    }

    public MacAddress mac() {
        return sessionSocket.mac();
    }

    public int mtu() {
        return sessionSocket.mtu();
    }

    public Counters<EndpointCounter> counters() {
        return counters;
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Received discovery packets, parsed; one materialization at a time. */
    public Source<DiscoveryFrame, NotUsed> discovery() {
        return Source.fromGraph(new InboxSource<>(discoveryInbox));
    }

    /** Session frames that matched no registered session; one materialization at a time. */
    public Source<UnknownSession, NotUsed> unknownSessions() {
        return Source.fromGraph(new InboxSource<>(unknownInbox));
    }

    /**
     * Sends a discovery packet from our MAC to {@code destination} ({@link MacAddress#BROADCAST}
     * for a PADI). Thread-safe, never blocks.
     *
     * @return false if it was dropped (socket buffer full, refused, endpoint closed); counted
     */
    public boolean sendDiscovery(MacAddress destination, PppoeDiscovery packet) {
        return sendDiscovery(new EthernetHeader(destination, mac(), PppoeConstants.ETHERTYPE_DISCOVERY), packet);
    }

    /**
     * Sends a discovery packet behind a header the caller built (a discovery machine's
     * {@code Send} action carries one). Thread-safe, never blocks.
     *
     * @return false if it was dropped (socket buffer full, refused, endpoint closed); counted
     * @throws IllegalArgumentException if the header's EtherType is not 0x8863
     */
    public boolean sendDiscovery(EthernetHeader header, PppoeDiscovery packet) {
        if (header.etherType() != PppoeConstants.ETHERTYPE_DISCOVERY) {
            throw new IllegalArgumentException(String.format("discovery frame with EtherType 0x%04x", header.etherType()));
        }
        boolean sent = discoverySocket.send(header, packet) == Sent.SENT;
        counters.increment(sent ? EndpointCounter.DISCOVERY_OUT : EndpointCounter.DISCOVERY_OUT_DROPPED);
        return sent;
    }

    /**
     * Adds a unicast address of ours besides the interface's own (a jppp addition: several
     * sessions on one NIC, each with its own source MAC, without macvlan): frames sent to it are
     * accepted, and the interface is asked to receive them (its unicast filter, or promiscuous
     * mode where it has none; on veth either works). Counted: each call needs one
     * {@link #removeLocalAddress}. The interface's own address needs neither.
     *
     * @throws org.jppp.io.posix.NativeException if the interface cannot be made to receive it
     * @throws IllegalArgumentException for a group address
     */
    public synchronized void addLocalAddress(MacAddress address) {
        if (address.isMulticast()) {
            throw new IllegalArgumentException("a source MAC address must be unicast: " + address);
        }
        if (address.equals(mac())) {
            return;
        }
        LocalAddress known = locals.get(address);
        if (known != null) {
            locals.put(address, new LocalAddress(known.users() + 1, known.membership()));
            return;
        }
        PacketSocket.Membership membership = sessionSocket.addMembership(address);
        LOG.debug("{}: receiving for {} ({})", ifname(), address, membership);
        locals.put(address, new LocalAddress(1, membership));
    }

    /** Gives back one {@link #addLocalAddress}; the last one stops the reception. */
    public synchronized void removeLocalAddress(MacAddress address) {
        LocalAddress known = locals.get(address);
        if (known == null) {
            return;
        }
        if (known.users() > 1) {
            locals.put(address, new LocalAddress(known.users() - 1, known.membership()));
            return;
        }
        locals.remove(address);
        sessionSocket.dropMembership(address, known.membership());
    }

    /** Whether frames to {@code address} are ours: the interface's address or an added one. */
    public boolean isLocal(MacAddress address) {
        return address.equals(mac()) || locals.containsKey(address);
    }

    /** Registers a session of the interface's own address; see {@link #register(MacAddress, MacAddress, int)}. */
    public SessionChannel register(MacAddress peer, int sessionId) {
        return register(mac(), peer, sessionId);
    }

    /**
     * Registers a session of {@code local} (the interface's address or one added with
     * {@link #addLocalAddress}) with {@code peer}; from now on its frames go to the returned
     * channel, and the channel sends from {@code local}. Thread-safe.
     *
     * @throws IllegalStateException if a session with this key is registered or the endpoint is closed
     */
    public SessionChannel register(MacAddress local, MacAddress peer, int sessionId) {
        return register(local, peer, sessionId, false);
    }

    /**
     * Registers a session a PADS just granted us, as {@link #register(MacAddress, MacAddress, int)}
     * does, and queues first the frames of its key that arrived before (at most
     * {@link Settings#earlyFrames}, none older than {@link Settings#earlyFrameAge}): the access
     * concentrator's first packets, which may be read before the PADS was handled.
     *
     * @throws IllegalStateException if a session with this key is registered or the endpoint is closed
     */
    public SessionChannel registerGranted(MacAddress local, MacAddress peer, int sessionId) {
        return register(local, peer, sessionId, true);
    }

    private SessionChannel register(MacAddress local, MacAddress peer, int sessionId, boolean claimEarly) {
        if (sessionId < 0 || sessionId > 0xFFFF) {
            throw new IllegalArgumentException("PPPoE session id out of range: " + sessionId);
        }
        if (!isLocal(local)) {
            throw new IllegalStateException(ifname() + ": " + local + " is not an address of ours");
        }
        SessionKey key = new SessionKey(local, peer, sessionId);
        SessionChannel channel = new SessionChannel(this, key,
                new Inbox<>(ifname() + " session " + sessionId, settings.sessionQueue(), sessionReader.demand()));
        synchronized (early) {
            if (sessions.containsKey(key)) {
                channel.close();
                throw new IllegalStateException(ifname() + ": session " + sessionId + " with " + peer
                        + " already registered");
            }
            if (claimEarly) {
                claimEarly(key, channel);
            }
            sessions.put(key, channel);
        }
        // Checked after the put: a close() running meanwhile may not have seen this session.
        if (closed.get()) {
            channel.close();
            throw new IllegalStateException(ifname() + ": endpoint closed");
        }
        return channel;
    }

    /** Number of registered sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    /**
     * Closes every session (their sources and sinks complete), then both sockets once no read or
     * send is running on them. Creates and leaves no thread. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (SessionChannel session : List.copyOf(sessions.values())) {
            session.close();
        }
        discoveryInbox.close();
        unknownInbox.close();
        discoverySocket.close();
        sessionSocket.close();
    }

    PacketSocket sessionSocket() {
        return sessionSocket;
    }

    void unregister(SessionKey key, SessionChannel channel) {
        sessions.remove(key, channel);
    }

    private void discoveryFrame(ByteBuffer frame, boolean truncated) {
        try {
            EthernetHeader ethernet = accept(frame, truncated);
            if (ethernet == null) {
                return;
            }
            boolean queued = discoveryInbox.offer(new DiscoveryFrame(ethernet, PppoeDiscovery.parse(frame)));
            counters.increment(queued ? EndpointCounter.DISCOVERY_IN : EndpointCounter.DISCOVERY_DROPPED);
        } catch (MalformedPacketException e) {
            counters.increment(EndpointCounter.MALFORMED);
        }
    }

    private void sessionFrame(ByteBuffer frame, boolean truncated) {
        try {
            EthernetHeader ethernet = accept(frame, truncated);
            if (ethernet == null) {
                return;
            }
            PppoeSession packet = PppoeSession.parse(frame);
            if (packet.payload().isEmpty()) {
                // A session packet must carry at least the PPP protocol field (RFC 2516 §7).
                counters.increment(EndpointCounter.MALFORMED);
                return;
            }
            deliver(ethernet.destination().isMulticast() ? mac() : ethernet.destination(), ethernet.source(),
                    packet.sessionId(), packet.payload());
        } catch (MalformedPacketException e) {
            counters.increment(EndpointCounter.MALFORMED);
        }
    }

    private void deliver(MacAddress local, MacAddress peer, int sessionId, ByteString pppFrame) {
        SessionKey key = new SessionKey(local, peer, sessionId);
        SessionChannel session = sessions.get(key);
        if (session == null) {
            synchronized (early) {
                session = sessions.get(key);
                if (session == null) {
                    keepEarly(new EarlyFrame(key, pppFrame, System.nanoTime()));
                }
            }
        }
        if (session != null) {
            counters.increment(session.deliver(pppFrame) ? EndpointCounter.SESSION_IN : EndpointCounter.SESSION_DROPPED);
            return;
        }
        counters.increment(EndpointCounter.UNKNOWN_SESSION);
        if (!unknownInbox.offer(new UnknownSession(peer, sessionId))) {
            counters.increment(EndpointCounter.UNKNOWN_SESSION_DROPPED);
        }
    }

    /** Keeps {@code frame}, forgetting the oldest beyond the limit and the expired. Holds {@link #early}. */
    private void keepEarly(EarlyFrame frame) {
        if (settings.earlyFrames() < 1) {
            return;
        }
        forgetExpired(frame.receivedNanos());
        if (early.size() == settings.earlyFrames()) {
            early.removeFirst();
        }
        early.addLast(frame);
    }

    private void forgetExpired(long now) {
        long maxAge = settings.earlyFrameAge().toNanos();
        while (!early.isEmpty() && now - early.peekFirst().receivedNanos() > maxAge) {
            early.removeFirst();
        }
    }

    /**
     * Moves the kept frames of {@code key} into the new, not yet published, channel: nobody else
     * offers to its queue before it is in {@link #sessions}. Holds {@link #early}.
     */
    private void claimEarly(SessionKey key, SessionChannel channel) {
        forgetExpired(System.nanoTime());
        for (Iterator<EarlyFrame> it = early.iterator(); it.hasNext(); ) {
            EarlyFrame frame = it.next();
            if (frame.key().equals(key)) {
                it.remove();
                counters.increment(channel.deliver(frame.pppFrame()) ? EndpointCounter.EARLY_CLAIMED
                        : EndpointCounter.SESSION_DROPPED);
            }
        }
    }

    /**
     * The Ethernet header of a frame addressed to us (our unicast address or a group address: a
     * PADI is broadcast), or null, counted, for a frame cut at the slot size or sent to another
     * host's unicast address (seen when the interface is promiscuous).
     */
    private EthernetHeader accept(ByteBuffer frame, boolean truncated) throws MalformedPacketException {
        if (truncated) {
            counters.increment(EndpointCounter.MALFORMED);
            return null;
        }
        EthernetHeader ethernet = EthernetHeader.parse(frame);
        MacAddress destination = ethernet.destination();
        if (!destination.isMulticast() && !isLocal(destination)) {
            counters.increment(EndpointCounter.NOT_FOR_US);
            return null;
        }
        return ethernet;
    }

    @Override
    public String toString() {
        return "EthernetEndpoint(" + ifname() + " " + mac() + ")";
    }
}
