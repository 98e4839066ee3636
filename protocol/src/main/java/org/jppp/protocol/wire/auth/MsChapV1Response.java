package org.jppp.protocol.wire.auth;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.OptionFields;

/**
 * The Value of an MS-CHAP (v1) CHAP Response (RFC 2433 §5): 24 octets
 * of LAN Manager response, 24 of Windows NT response, and the Use-Windows-NT flag (1: use the NT
 * response; 0: use the LM response).
 */
public record MsChapV1Response(Octets lmResponse, Octets ntResponse, int useNtFlag) {

    public MsChapV1Response {
        MsChapResponse.exactly(lmResponse, 24, "LM-Response");
        MsChapResponse.exactly(ntResponse, 24, "NT-Response");
        OptionFields.checkRange(useNtFlag, 0xFF, "Use-Windows-NT flag");
    }

    public static MsChapV1Response decode(Octets value) throws MalformedPacketException {
        MsChapResponse.requireValueLength(value, "MS-CHAP");
        return new MsChapV1Response(value.slice(0, 24), value.slice(24, 48), value.get(48));
    }

    public boolean useNtResponse() {
        return useNtFlag == 1;
    }

    public Octets encode() {
        ByteBuffer b = ByteBuffer.allocate(MsChapResponse.VALUE_LENGTH);
        lmResponse.writeTo(b);
        ntResponse.writeTo(b);
        b.put((byte) useNtFlag);
        return Octets.of(b.array());
    }
}
