package org.jppp.protocol.wire.auth;

import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;

/** What the MS-CHAP v1 and v2 views of a CHAP Response Value share: the fixed 49-octet size. */
final class MsChapResponse {
    static final int VALUE_LENGTH = 49;

    private MsChapResponse() {
    }

    static void requireValueLength(Octets value, String name) throws MalformedPacketException {
        if (value.length() != VALUE_LENGTH) {
            throw new MalformedPacketException(
                    name + " Response value: length " + value.length() + " (expected " + VALUE_LENGTH + ")");
        }
    }

    static Octets exactly(Octets field, int length, String what) {
        if (field.length() != length) {
            throw new IllegalArgumentException(what + " must be " + length + " octets, not " + field.length());
        }
        return field;
    }
}
