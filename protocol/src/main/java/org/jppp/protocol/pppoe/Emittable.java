package org.jppp.protocol.pppoe;

import java.nio.ByteBuffer;

/** A wire format that can be written: what an {@link EthernetHeader} can carry as its payload. */
public interface Emittable {
    int encodedLength();

    void emit(ByteBuffer out);
}
