package org.jppp.protocol.wire;

/**
 * An option of a type the protocol does not know, kept byte for byte so the automaton can send it
 * back in a Configure-Reject (RFC 1661 §5.4). Each protocol's {@code Unknown} record implements
 * this.
 */
public interface RawOption extends TypedOption {
    int type();

    Octets data();

    @Override
    default ConfigOption encode() {
        return new ConfigOption(type(), data().toByteArray());
    }

    /** pppd prints an option it cannot decode as hex, Type and Length included: {@code < 0d 03 06>}. */
    @Override
    default String trace() {
        return PppdText.rawOption(encode());
    }
}
