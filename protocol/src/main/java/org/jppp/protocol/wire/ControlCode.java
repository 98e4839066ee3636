package org.jppp.protocol.wire;

/**
 * The Code field of an LCP-like control packet (RFC 1661 §5, RFC 1570 for 12 and 13). Open: an
 * unknown code stays representable so the automaton can answer it with a Code-Reject.
 */
public record ControlCode(int value) {
    public static final ControlCode CONFIGURE_REQUEST = new ControlCode(1);
    public static final ControlCode CONFIGURE_ACK = new ControlCode(2);
    public static final ControlCode CONFIGURE_NAK = new ControlCode(3);
    public static final ControlCode CONFIGURE_REJECT = new ControlCode(4);
    public static final ControlCode TERMINATE_REQUEST = new ControlCode(5);
    public static final ControlCode TERMINATE_ACK = new ControlCode(6);
    public static final ControlCode CODE_REJECT = new ControlCode(7);
    public static final ControlCode PROTOCOL_REJECT = new ControlCode(8);
    public static final ControlCode ECHO_REQUEST = new ControlCode(9);
    public static final ControlCode ECHO_REPLY = new ControlCode(10);
    public static final ControlCode DISCARD_REQUEST = new ControlCode(11);
    public static final ControlCode IDENTIFICATION = new ControlCode(12);
    public static final ControlCode TIME_REMAINING = new ControlCode(13);

    public ControlCode {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("control code out of range: " + value);
        }
    }

    /** pppd's short name as used in its packet traces ({@code ConfReq}, {@code TermAck}, ...). */
    public String shortName() {
        return switch (value) {
            case 1 -> "ConfReq";
            case 2 -> "ConfAck";
            case 3 -> "ConfNak";
            case 4 -> "ConfRej";
            case 5 -> "TermReq";
            case 6 -> "TermAck";
            case 7 -> "CodeRej";
            case 8 -> "ProtRej";
            case 9 -> "EchoReq";
            case 10 -> "EchoRep";
            case 11 -> "DiscReq";
            case 12 -> "Ident";
            case 13 -> "TimeRem";
            default -> "code=0x" + Integer.toHexString(value);
        };
    }

    @Override
    public String toString() {
        return shortName();
    }
}
