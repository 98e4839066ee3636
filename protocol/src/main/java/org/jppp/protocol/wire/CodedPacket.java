package org.jppp.protocol.wire;

import java.nio.ByteBuffer;

/**
 * A typed packet whose wire form is the Code/Identifier/Length/Data layout of {@link ControlPacket}:
 * LCP and the NCPs (RFC 1661 §5), PAP (RFC 1334 §2.2), CHAP (RFC 1994 §4) and EAP (RFC 3748 §4).
 * Emitting goes through the raw form, so there is one place that writes the header.
 */
public interface CodedPacket {

    /** The Identifier field, 0..255. */
    int identifier();

    /** The raw packet: this is the one method each typed packet implements. */
    ControlPacket toControlPacket();

    default int encodedLength() {
        return toControlPacket().encodedLength();
    }

    default void emit(ByteBuffer out) {
        toControlPacket().emit(out);
    }

    default byte[] toBytes() {
        return toControlPacket().toBytes();
    }
}
