package org.jppp.protocol.pppoe;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.MalformedPacketException;

/**
 * The six-octet header shared by discovery and session packets (RFC 2516 §4): VER (4 bits),
 * TYPE (4 bits), CODE, SESSION_ID, LENGTH. LENGTH counts the payload only, not this header nor
 * the Ethernet header; it is trusted over the frame size, since real NICs pad short frames to
 * 60 octets and veth does not.
 *
 * @param code      the CODE field
 * @param sessionId 0..0xFFFF
 * @param length    the payload length, 0..0xFFFF
 */
public record PppoeHeader(PppoeCode code, int sessionId, int length) implements Emittable {

    public PppoeHeader {
        checkSessionId(sessionId);
        if (length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("PPPoE length out of range: " + length);
        }
    }

    static void checkSessionId(int sessionId) {
        if (sessionId < 0 || sessionId > 0xFFFF) {
            throw new IllegalArgumentException("PPPoE session id out of range: " + sessionId);
        }
    }

    /**
     * Reads the header, checks VER = 1, TYPE = 1 and that LENGTH octets follow, and leaves the
     * buffer at the first payload octet.
     *
     * @param what names the packet in error messages, e.g. {@code "PPPoE session"}
     */
    public static PppoeHeader parse(ByteBuffer buf, String what) throws MalformedPacketException {
        if (buf.remaining() < PppoeConstants.HEADER_LENGTH) {
            throw new MalformedPacketException(what + ": " + buf.remaining() + " octets (expected at least "
                    + PppoeConstants.HEADER_LENGTH + ")");
        }
        int verType = buf.get() & 0xFF;
        if (verType >> 4 != 1) {
            throw new MalformedPacketException(what + ": version " + (verType >> 4) + " (expected 1)");
        }
        if ((verType & 0x0F) != 1) {
            throw new MalformedPacketException(what + ": type " + (verType & 0x0F) + " (expected 1)");
        }
        PppoeCode code = new PppoeCode(buf.get() & 0xFF);
        int sessionId = buf.getShort() & 0xFFFF;
        int length = buf.getShort() & 0xFFFF;
        if (length > buf.remaining()) {
            throw new MalformedPacketException(what + ": length " + length + " exceeds the "
                    + buf.remaining() + " octets after the header");
        }
        return new PppoeHeader(code, sessionId, length);
    }

    /**
     * The LENGTH octets of payload after a header just parsed from {@code buf}, as a slice; the
     * buffer is moved to its end, since any octets past LENGTH are Ethernet padding.
     */
    public ByteBuffer payload(ByteBuffer buf) {
        ByteBuffer slice = buf.slice(buf.position(), length);
        buf.position(buf.limit());
        return slice;
    }

    @Override
    public int encodedLength() {
        return PppoeConstants.HEADER_LENGTH;
    }

    @Override
    public void emit(ByteBuffer out) {
        out.put((byte) PppoeConstants.VERSION_TYPE);
        out.put((byte) code.value());
        out.putShort((short) sessionId);
        out.putShort((short) length);
    }
}
