package org.jppp.protocol.wire;

/**
 * A coded packet of a code its protocol does not define, kept raw. PAP, CHAP and EAP each have
 * an {@code UnknownCode} record implementing this; what to do with it (drop, count) is the
 * protocol handler's business.
 */
public interface RawCodedPacket extends CodedPacket {
    int code();

    Octets data();

    @Override
    default ControlPacket toControlPacket() {
        return new ControlPacket(new ControlCode(code()), identifier(), data().toByteArray());
    }

    /** pppd's trace of a packet it has no name for: {@code [PAP code=0x7 id=0x1 01 02]}. */
    default String traceAs(String protocolName) {
        return "[" + protocolName + PppdText.codeAndId(null, code(), identifier()) + PppdText.spacedHex(data()) + "]";
    }
}
