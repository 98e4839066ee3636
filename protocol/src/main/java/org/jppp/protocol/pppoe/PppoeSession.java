package org.jppp.protocol.pppoe;

import java.nio.ByteBuffer;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.wire.MalformedPacketException;

/**
 * A PPP Session stage packet (RFC 2516 §6): the PPPoE header with CODE 0 and the session's id,
 * then the PPP frame. The payload starts with the PPP Protocol field: PPPoE carries no HDLC
 * address and control octets and no FCS (RFC 2516 §7).
 *
 * @param sessionId 0..0xFFFF, as assigned in the PADS
 * @param payload   PPP protocol + information, up to LENGTH (trailing Ethernet padding excluded)
 */
public record PppoeSession(int sessionId, ByteString payload) implements Emittable {
    static final String WHAT = "PPPoE session";

    public PppoeSession {
        PppoeHeader.checkSessionId(sessionId);
        if (payload.size() > 0xFFFF) {
            throw new IllegalArgumentException("PPPoE session payload too long: " + payload.size());
        }
    }

    /** Parses the PPPoE header and payload (the buffer starts after the Ethernet header). */
    public static PppoeSession parse(ByteBuffer buf) throws MalformedPacketException {
        PppoeHeader header = PppoeHeader.parse(buf, WHAT);
        if (!header.code().equals(PppoeCode.SESSION)) {
            throw new MalformedPacketException(WHAT + ": code 0x" + Integer.toHexString(header.code().value())
                    + " (expected 0x0)");
        }
        return new PppoeSession(header.sessionId(), ByteString.fromByteBuffer(header.payload(buf)));
    }

    public PppoeHeader header() {
        return new PppoeHeader(PppoeCode.SESSION, sessionId, payload.size());
    }

    @Override
    public int encodedLength() {
        return PppoeConstants.HEADER_LENGTH + payload.size();
    }

    @Override
    public void emit(ByteBuffer out) {
        header().emit(out);
        out.put(payload.asByteBuffer());
    }
}
