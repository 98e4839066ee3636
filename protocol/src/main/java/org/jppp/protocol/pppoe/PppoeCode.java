package org.jppp.protocol.pppoe;

/**
 * The CODE field of a PPPoE packet (RFC 2516 §5, §6). Open: an unknown code stays representable,
 * so a discovery packet with a code we do not know parses and can be logged and ignored.
 */
public record PppoeCode(int value) {
    /** Session-stage packets carry code 0 (RFC 2516 §6). */
    public static final PppoeCode SESSION = new PppoeCode(0x00);
    public static final PppoeCode PADO = new PppoeCode(0x07);
    public static final PppoeCode PADI = new PppoeCode(0x09);
    public static final PppoeCode PADR = new PppoeCode(0x19);
    public static final PppoeCode PADS = new PppoeCode(0x65);
    public static final PppoeCode PADT = new PppoeCode(0xA7);

    public PppoeCode {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("PPPoE code out of range: " + value);
        }
    }

    /** The RFC's name, as pppd's rp-pppoe plugin logs it ({@code PADO}), or {@code code=0x..}. */
    public String name() {
        return switch (value) {
            case 0x00 -> "SESSION";
            case 0x07 -> "PADO";
            case 0x09 -> "PADI";
            case 0x19 -> "PADR";
            case 0x65 -> "PADS";
            case 0xA7 -> "PADT";
            default -> "code=0x" + Integer.toHexString(value);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
