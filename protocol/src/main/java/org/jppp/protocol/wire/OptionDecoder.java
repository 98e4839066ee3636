package org.jppp.protocol.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A protocol's option decoder ({@code LcpOption::decode}, {@code IpcpOption::decode}, ...), with
 * the list decoding and tracing every protocol needs built on it.
 *
 * @param <T> the protocol's typed option
 */
@FunctionalInterface
public interface OptionDecoder<T extends TypedOption> {

    T decode(ConfigOption option) throws MalformedPacketException;

    /** Decodes a whole option list, failing on the first malformed option. */
    default List<T> decodeAll(List<ConfigOption> options) throws MalformedPacketException {
        List<T> out = new ArrayList<>(options.size());
        for (ConfigOption o : options) {
            out.add(decode(o));
        }
        return List.copyOf(out);
    }

    /**
     * The trace of a raw option: typed when it decodes, pppd's hex dump of the whole option when
     * it does not (pppd prints an option of the wrong length that way too).
     */
    default String trace(ConfigOption option) {
        try {
            return decode(option).trace();
        } catch (MalformedPacketException e) {
            return PppdText.rawOption(option);
        }
    }
}
