package org.jppp.protocol.wire.auth;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.OptionFields;

/**
 * The Value of an MS-CHAP-V2 CHAP Response (RFC 2759 §4): 16 octets of Peer-Challenge, 8 reserved
 * octets (sent as zero, ignored on receipt), 24 octets of NT-Response and a Flags octet (zero).
 */
public record MsChapV2Response(Octets peerChallenge, Octets ntResponse, int flags) {

    public MsChapV2Response {
        MsChapResponse.exactly(peerChallenge, 16, "Peer-Challenge");
        MsChapResponse.exactly(ntResponse, 24, "NT-Response");
        OptionFields.checkRange(flags, 0xFF, "Flags");
    }

    public static MsChapV2Response decode(Octets value) throws MalformedPacketException {
        MsChapResponse.requireValueLength(value, "MS-CHAP-V2");
        return new MsChapV2Response(value.slice(0, 16), value.slice(24, 48), value.get(48));
    }

    public Octets encode() {
        ByteBuffer b = ByteBuffer.allocate(MsChapResponse.VALUE_LENGTH);
        peerChallenge.writeTo(b);
        b.position(24);
        ntResponse.writeTo(b);
        b.put((byte) flags);
        return Octets.of(b.array());
    }
}
