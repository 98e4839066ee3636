package org.jppp.io.packet;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.pekko.util.ByteString;
import org.jppp.io.channel.IoBuffers;
import org.jppp.io.loop.EventLoop;
import org.jppp.io.loop.ReadyHandler;
import org.jppp.io.loop.Registration;
import org.jppp.io.posix.Errno;
import org.jppp.io.posix.Libc;
import org.jppp.io.posix.NativeException;
import org.jppp.io.tun.IfControl;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.Emittable;
import org.jppp.protocol.pppoe.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code AF_PACKET}/{@code SOCK_RAW} socket bound to one interface and one EtherType: each
 * receive is a whole Ethernet frame (header included, FCS excluded, padding included when the NIC
 * padded), each send a whole frame. PPPoE uses two, one for discovery (0x8863) and one for
 * sessions (0x8864), as rp-pppoe does, so that a flood on one cannot crowd out the other in a
 * shared receive buffer.
 *
 * <p>Receiving takes a batch of up to {@code batch} frames per {@code recvmmsg} call into a
 * native arena owned by the socket; the frames stay readable through {@link #frame(int)} until
 * the next {@link #receive()}. Only one thread may receive at a time (the endpoint's reader);
 * sending is thread-safe, through the calling thread's {@link IoBuffers}.
 *
 * <p>Closing waits for receives and sends in flight (they never block: the socket is
 * non-blocking), deregisters from the event loop and closes the fd, so the fd number is never
 * reused under a running call.
 */
public final class PacketSocket implements AutoCloseable {
    /** Outcome of one send. */
    public enum Sent {
        /** Handed to the kernel. */
        SENT,
        /** The socket buffer is full: retry after {@link #awaitWritable(Runnable)}. */
        WOULD_BLOCK,
        /**
         * The kernel refused this frame ({@code EMSGSIZE}, {@code ENOBUFS}, interface down): the
         * frame is lost, as on a real wire, and the caller counts it.
         */
        REFUSED,
        /** The socket is closed. */
        CLOSED
    }

    private static final Logger LOG = LoggerFactory.getLogger(PacketSocket.class);
    private static final int SOCKADDR_LL_SIZE = 20;
    // struct mmsghdr on LP64: struct msghdr (56 octets) then unsigned msg_len, padded to 64.
    private static final int MMSGHDR_SIZE = 64;
    private static final int MSG_IOV = 16;
    private static final int MSG_IOVLEN = 24;
    private static final int MSG_FLAGS = 48;
    private static final int MSG_LEN = 56;
    private static final int IOVEC_SIZE = 16;
    private static final int MIN_SLOT = 1514;

    private final String ifname;
    private final int ifindex;
    private final MacAddress mac;
    private final int mtu;
    private final int etherType;
    private final int fd;
    private final int batch;
    private final int slotSize;
    private final Memory arena;
    private final ByteBuffer[] slots;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ConcurrentLinkedQueue<Runnable> writeWaiters = new ConcurrentLinkedQueue<>();
    private final Registration registration;
    private volatile Runnable onReadable = () -> {};
    private volatile Runnable onLost = () -> {};
    private volatile boolean closed;

    private PacketSocket(EventLoop loop, String ifname, int ifindex, MacAddress mac, int mtu, int etherType, int fd,
            int batch) {
        this.ifname = ifname;
        this.ifindex = ifindex;
        this.mac = mac;
        this.mtu = mtu;
        this.etherType = etherType;
        this.fd = fd;
        this.batch = batch;
        this.slotSize = Math.max(MIN_SLOT, EthernetHeader.LENGTH + mtu);
        long headers = (long) batch * (MMSGHDR_SIZE + IOVEC_SIZE);
        this.arena = new Memory(headers + (long) batch * slotSize);
        arena.clear(headers);
        this.slots = new ByteBuffer[batch];
        for (int i = 0; i < batch; i++) {
            long iovec = (long) batch * MMSGHDR_SIZE + (long) i * IOVEC_SIZE;
            long slot = headers + (long) i * slotSize;
            arena.setPointer(iovec, arena.share(slot));
            arena.setLong(iovec + 8, slotSize);
            arena.setPointer((long) i * MMSGHDR_SIZE + MSG_IOV, arena.share(iovec));
            arena.setLong((long) i * MMSGHDR_SIZE + MSG_IOVLEN, 1);
            slots[i] = arena.getByteBuffer(slot, slotSize).order(ByteOrder.BIG_ENDIAN);
        }
        this.registration = loop.register(fd, new ReadyHandler() {
            @Override
            public void readable() {
                onReadable.run();
            }

            @Override
            public void writable() {
                runWriteWaiters();
            }

            @Override
            public void closed() {
                runWriteWaiters();
                if (!closed) {
                    onLost.run();
                }
            }
        });
    }

    /**
     * Opens a socket for {@code etherType} frames on {@code ifname}, in the calling thread's
     * network namespace, reading the interface's index, MAC and MTU by ioctl.
     *
     * @param receiveBuffer {@code SO_RCVBUF} in octets; 4 MB avoids the ≈16 % loss of the
     *     default at 1 Gbit/s (PLATFORM-NOTES). As root the limit {@code rmem_max} is bypassed
     *     with {@code SO_RCVBUFFORCE}.
     * @param batch how many frames one {@link #receive()} may return
     * @throws NativeException e.g. {@code ioctl(SIOCGIFINDEX, eth9): ENODEV (No such device)}
     */
    public static PacketSocket open(EventLoop loop, String ifname, int etherType, int receiveBuffer, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive: " + batch);
        }
        int ifindex;
        MacAddress mac;
        int mtu;
        try (IfControl control = IfControl.open()) {
            ifindex = control.ifindex(ifname);
            mac = MacAddress.of(control.hardwareAddress(ifname));
            mtu = control.mtu(ifname);
        }
        // Protocol 0 receives nothing until bind() names the EtherType and interface, so no frame
        // of another interface slips into the queue in between.
        int fd = Libc.check(Libc.socket(Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0),
                "socket(AF_PACKET)");
        try {
            configure(fd, ifname, ifindex, etherType, receiveBuffer);
            return new PacketSocket(loop, ifname, ifindex, mac, mtu, etherType, fd, batch);
        } catch (RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    private static void configure(int fd, String ifname, int ifindex, int etherType, int receiveBuffer) {
        String where = ifname + " 0x" + Integer.toHexString(etherType);
        // Our own transmissions would otherwise come back to us as received frames.
        setInt(fd, Libc.SOL_PACKET, Libc.PACKET_IGNORE_OUTGOING, 1, "PACKET_IGNORE_OUTGOING", where);
        if (Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUFFORCE, new int[] {receiveBuffer}, 4) < 0) {
            setInt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, receiveBuffer, "SO_RCVBUF", where);
        }
        // struct sockaddr_ll: family (host order), protocol (network order), ifindex, then
        // hatype, pkttype, halen and address, which bind() ignores.
        Memory address = new Memory(SOCKADDR_LL_SIZE);
        address.clear();
        address.setShort(0, (short) Libc.AF_PACKET);
        address.setShort(2, (short) htons(etherType));
        address.setInt(4, ifindex);
        Libc.check(Libc.bind(fd, address, SOCKADDR_LL_SIZE), "bind(AF_PACKET, " + where + ")");
    }

    private static void setInt(int fd, int level, int option, int value, String optionName, String where) {
        Libc.check(Libc.setsockopt(fd, level, option, new int[] {value}, 4), "setsockopt(" + optionName + ", " + where + ")");
    }

    private static int htons(int value) {
        return Short.reverseBytes((short) value) & 0xFFFF;
    }

    public String ifname() {
        return ifname;
    }

    public int ifindex() {
        return ifindex;
    }

    /** The interface's MAC address, the source of every frame we send. */
    public MacAddress mac() {
        return mac;
    }

    /** The interface MTU: the largest Ethernet payload (PPPoE header included) we may send. */
    public int mtu() {
        return mtu;
    }

    public int etherType() {
        return etherType;
    }

    /** How the interface was made to deliver frames for an extra unicast address. */
    public enum Membership {
        /** The address is in the device's unicast filter list ({@code PACKET_MR_UNICAST}). */
        UNICAST,
        /** The device refused that; it is promiscuous for this socket ({@code PACKET_MR_PROMISC}). */
        PROMISCUOUS
    }

    /**
     * Makes the interface receive frames sent to {@code address} as well as to its own MAC (a
     * second source address on one NIC, without macvlan). The membership belongs to this socket:
     * the kernel counts repeated additions and drops it when the socket closes.
     *
     * @throws NativeException if neither kind of membership is possible
     */
    public Membership addMembership(MacAddress address) {
        if (membership(Libc.PACKET_ADD_MEMBERSHIP, Libc.PACKET_MR_UNICAST, address) == 0) {
            return Membership.UNICAST;
        }
        int errno = Libc.errno();
        Libc.check(membership(Libc.PACKET_ADD_MEMBERSHIP, Libc.PACKET_MR_PROMISC, address),
                "setsockopt(PACKET_ADD_MEMBERSHIP, " + ifname + " " + address + ") after PACKET_MR_UNICAST gave errno "
                        + errno);
        return Membership.PROMISCUOUS;
    }

    /** Undoes one {@link #addMembership} of that kind; a closed socket has none left. */
    public void dropMembership(MacAddress address, Membership kind) {
        if (closed) {
            return;
        }
        membership(Libc.PACKET_DROP_MEMBERSHIP, kind == Membership.UNICAST ? Libc.PACKET_MR_UNICAST
                : Libc.PACKET_MR_PROMISC, address);
    }

    /**
     * setsockopt with a {@code struct packet_mreq}: int mr_ifindex, unsigned short mr_type and
     * mr_alen, unsigned char mr_address[8], 16 octets in the host's (little-endian) order.
     */
    private int membership(int option, int type, MacAddress address) {
        byte[] octets = address.toBytes();
        byte[] mreq = new byte[16];
        ByteBuffer b = ByteBuffer.wrap(mreq).order(ByteOrder.nativeOrder());
        b.putInt(ifindex).putShort((short) type).putShort((short) (type == Libc.PACKET_MR_UNICAST ? 6 : 0));
        if (type == Libc.PACKET_MR_UNICAST) {
            b.put(octets);
        }
        int[] words = new int[4];
        ByteBuffer.wrap(mreq).order(ByteOrder.nativeOrder()).asIntBuffer().get(words);
        lock.readLock().lock();
        try {
            return closed ? -1 : Libc.setsockopt(fd, Libc.SOL_PACKET, option, words, 16);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The receive buffer the kernel granted (it doubles the requested value for bookkeeping). */
    public int receiveBufferSize() {
        int[] value = new int[1];
        Libc.check(Libc.getsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, value, new int[] {4}), "getsockopt(SO_RCVBUF)");
        return value[0];
    }

    /**
     * Sets what runs (on the event loop thread) when the socket becomes readable after
     * {@link #armRead()}, and what runs if the event loop drops the socket (it shut down).
     */
    public void onEvents(Runnable readable, Runnable lost) {
        this.onReadable = readable;
        this.onLost = lost;
    }

    /** Asks for one readable callback; a no-op once closed. */
    public void armRead() {
        registration.armRead();
    }

    /**
     * Receives up to the batch size of frames without blocking.
     *
     * @return the number of frames, now readable with {@link #frame(int)}; 0 if none is queued;
     *     -1 if the socket is closed
     * @throws NativeException for an error other than {@code EAGAIN}/{@code EINTR}
     */
    public int receive() {
        if (!lock.readLock().tryLock()) {
            return -1;
        }
        try {
            if (closed) {
                return -1;
            }
            for (;;) {
                // MSG_TRUNC makes msg_len the frame's real length, so a frame longer than a slot is seen as such.
                int n = Libc.recvmmsg(fd, arena, batch, Libc.MSG_DONTWAIT | Libc.MSG_TRUNC, Pointer.NULL);
                if (n >= 0) {
                    return n;
                }
                int errno = Libc.errno();
                if (errno == Errno.EAGAIN) {
                    return 0;
                }
                if (errno == Errno.ENETDOWN) {
                    // Reported once when the interface goes down; the socket stays bound and
                    // receives again when it comes back up.
                    LOG.warn("{}: interface went down", this);
                    return 0;
                }
                if (errno != Errno.EINTR) {
                    throw new NativeException("recvmmsg(" + ifname + " 0x" + Integer.toHexString(etherType) + ")", errno);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Frame {@code i} of the last {@link #receive()}, big-endian, from position 0 to its length;
     * a frame longer than the slot ({@link #truncated}) is cut at the slot's end.
     */
    public ByteBuffer frame(int i) {
        ByteBuffer slot = slots[i];
        slot.clear();
        slot.limit((int) Math.min(length(i), slotSize));
        return slot;
    }

    /** Whether frame {@code i} was longer than a slot (longer than the MTU allows). */
    public boolean truncated(int i) {
        return length(i) > slotSize || (arena.getInt((long) i * MMSGHDR_SIZE + MSG_FLAGS) & Libc.MSG_TRUNC) != 0;
    }

    private long length(int i) {
        return arena.getInt((long) i * MMSGHDR_SIZE + MSG_LEN) & 0xFFFF_FFFFL;
    }

    /** Sends {@code header} followed by {@code body} as one frame (no padding: the kernel or NIC adds it). */
    public Sent send(Emittable header, Emittable body) {
        int length = header.encodedLength() + body.encodedLength();
        if (length > IoBuffers.SIZE) {
            return Sent.REFUSED;
        }
        IoBuffers buffers = IoBuffers.get();
        ByteBuffer view = buffers.clearedView();
        header.emit(view);
        body.emit(view);
        return write(buffers, length);
    }

    /** Sends a whole frame as given (tests use it to craft padded, short or malformed frames). */
    public Sent send(ByteString frame) {
        if (frame.size() > IoBuffers.SIZE) {
            return Sent.REFUSED;
        }
        IoBuffers buffers = IoBuffers.get();
        frame.copyToBuffer(buffers.clearedView());
        return write(buffers, frame.size());
    }

    private Sent write(IoBuffers buffers, int length) {
        if (!lock.readLock().tryLock()) {
            return Sent.CLOSED;
        }
        try {
            if (closed) {
                return Sent.CLOSED;
            }
            for (;;) {
                if (Libc.write(fd, buffers.memory, length) >= 0) {
                    return Sent.SENT;
                }
                int errno = Libc.errno();
                switch (errno) {
                    case Errno.EINTR:
                        continue;
                    case Errno.EAGAIN:
                        return Sent.WOULD_BLOCK;
                    case Errno.EMSGSIZE, Errno.ENOBUFS, Errno.ENETDOWN, Errno.ENXIO, Errno.EINVAL:
                        return Sent.REFUSED;
                    default:
                        throw new NativeException("write(" + ifname + " 0x" + Integer.toHexString(etherType) + ")",
                                errno);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code waiter} once (on the event loop thread) when the socket may accept a frame
     * again after {@link Sent#WOULD_BLOCK}, or when it closes. Any number of senders may wait.
     */
    public void awaitWritable(Runnable waiter) {
        writeWaiters.add(waiter);
        registration.armWrite();
        if (!registration.isOpen()) {
            runWriteWaiters();
        }
    }

    public boolean isOpen() {
        return registration.isOpen();
    }

    /** Deregisters and closes the fd once no call is running on it; wakes write waiters. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            registration.close();
            Libc.close(fd);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void runWriteWaiters() {
        Runnable waiter;
        while ((waiter = writeWaiters.poll()) != null) {
            waiter.run();
        }
    }

    @Override
    public String toString() {
        return "PacketSocket(" + ifname + " 0x" + Integer.toHexString(etherType) + ")";
    }
}
