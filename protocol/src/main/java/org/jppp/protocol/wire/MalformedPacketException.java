package org.jppp.protocol.wire;

/**
 * The one exception a wire-format parser throws. The message names the format, the field and
 * what was expected, e.g. {@code LCP option MRU: length 3 (expected 4)}.
 *
 * <p>It is thrown only by {@code parse} methods; the layers above turn it into a protocol event
 * (drop and count, or reject as the RFC says), never into a crash.
 */
public final class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }

    /** Throws unless {@code buf} has at least {@code needed} bytes left. */
    public static void require(java.nio.ByteBuffer buf, int needed, String what)
            throws MalformedPacketException {
        if (buf.remaining() < needed) {
            throw new MalformedPacketException(
                    what + ": " + buf.remaining() + " bytes left (expected at least " + needed + ")");
        }
    }
}
