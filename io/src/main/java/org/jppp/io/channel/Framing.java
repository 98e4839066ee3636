package org.jppp.io.channel;

/** How an fd delimits data, which decides how reads, writes and errors are treated. */
public enum Framing {
    /**
     * A byte stream (serial line, pty, pipe): writes may be partial and are coalesced; {@code EIO}
     * on read is the other side hanging up (a pty master after the slave closed) and ends the
     * stream like end-of-file.
     */
    BYTES,
    /**
     * One datagram per read and write (TUN): writes are never split or merged; a packet the
     * kernel refuses ({@code EINVAL}, {@code EIO} while the interface is down, {@code EMSGSIZE},
     * {@code ENOBUFS}) is dropped and counted, because it is bad or untimely peer data, not a
     * failure of the link.
     */
    PACKETS
}
