package org.jppp.protocol.wire;

import java.nio.ByteBuffer;

/**
 * One PPP encapsulated packet: Protocol and Information (RFC 1661 §2), as carried inside an
 * HDLC-like frame (RFC 1662 §3, after FCS and flags are stripped) or a PPPoE session payload
 * (RFC 2516 §7). Padding cannot be told apart from Information at this layer; the protocol above
 * finds its own end (control packets by their Length field).
 *
 * @param protocol    the Protocol field
 * @param information the Information field (possibly with padding)
 */
public record PppFrame(PppProtocol protocol, Octets information) {
    private static final int ADDRESS = 0xFF;
    private static final int CONTROL = 0x03;

    /**
     * Parses the buffer's remaining octets. A leading 0xFF 0x03 (Address and Control, RFC 1662
     * §3.1) is skipped whether or not ACFC was negotiated: RFC 1661 §6.6 says a receiver that
     * negotiated ACFC must still accept the uncompressed form, and the forms cannot be confused
     * because 0x00FF is a reserved protocol number, so no protocol field starts with 0xFF. A first
     * protocol octet that is odd is a whole 1-octet protocol field (PFC, RFC 1661 §6.5): the low
     * bit of each octet marks the last octet of the field.
     */
    public static PppFrame parse(ByteBuffer buf) throws MalformedPacketException {
        ByteBuffer b = buf.slice();
        buf.position(buf.limit());
        if (b.remaining() >= 2 && (b.get(0) & 0xFF) == ADDRESS && (b.get(1) & 0xFF) == CONTROL) {
            b.position(2);
        }
        if (!b.hasRemaining()) {
            throw new MalformedPacketException("PPP frame: no protocol field");
        }
        int first = b.get() & 0xFF;
        int protocol;
        if ((first & 1) == 1) {
            protocol = first;
        } else {
            if (!b.hasRemaining()) {
                throw new MalformedPacketException("PPP frame: protocol field truncated after 0x"
                        + String.format("%02x", first));
            }
            protocol = first << 8 | (b.get() & 0xFF);
            if ((protocol & 1) == 0) {
                throw new MalformedPacketException("PPP frame: protocol " + PppdText.hex(protocol)
                        + " is invalid (low octet must be odd)");
            }
        }
        return new PppFrame(new PppProtocol(protocol), Octets.readRemaining(b));
    }

    /**
     * Octets {@link #emit} writes with these settings.
     *
     * @param acfc omit Address and Control (negotiated Address-and-Control-Field-Compression)
     * @param pfc  send protocols below 0x100 in one octet (negotiated Protocol-Field-Compression)
     */
    public int encodedLength(boolean acfc, boolean pfc) {
        return (sendsAddressControl(acfc) ? 2 : 0) + protocolLength(pfc) + information.length();
    }

    /**
     * Writes the frame for an HDLC-like link. LCP is always sent with Address, Control and a
     * 2-octet Protocol whatever was negotiated: RFC 1661 §6.5 and §6.6 forbid compressing them in
     * LCP packets, so a peer can recognise LCP before (or after losing) the negotiation.
     */
    public void emit(ByteBuffer out, boolean acfc, boolean pfc) {
        if (sendsAddressControl(acfc)) {
            out.put((byte) ADDRESS).put((byte) CONTROL);
        }
        emitProtocolAndInformation(out, pfc);
    }

    public byte[] toBytes(boolean acfc, boolean pfc) {
        ByteBuffer b = ByteBuffer.allocate(encodedLength(acfc, pfc));
        emit(b, acfc, pfc);
        return b.array();
    }

    /**
     * Writes Protocol and Information only, for links that carry no Address and Control at all
     * (PPPoE, RFC 2516 §7). The LCP rule of {@link #emit} applies to the Protocol field.
     */
    public void emitProtocolAndInformation(ByteBuffer out, boolean pfc) {
        if (protocolLength(pfc) == 1) {
            out.put((byte) protocol.number());
        } else {
            out.putShort((short) protocol.number());
        }
        information.writeTo(out);
    }

    private boolean sendsAddressControl(boolean acfc) {
        return !acfc || protocol.equals(PppProtocol.LCP);
    }

    private int protocolLength(boolean pfc) {
        return pfc && protocol.isCompressible() && !protocol.equals(PppProtocol.LCP) ? 1 : 2;
    }
}
