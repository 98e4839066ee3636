package org.jppp.protocol.wire;

/**
 * The small formatting rules pppd uses in its packet traces, so every protocol's trace reads the
 * same as pppd's debug log.
 */
public final class PppdText {
    private PppdText() {
    }

    /** {@code 0x} and lower-case hex without leading zeros, as pppd's {@code 0x%x}. */
    public static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }

    /** Each octet as {@code " %.2x"}: a space then two hex digits, e.g. {@code " 0f 01"}. */
    public static String spacedHex(Octets octets) {
        StringBuilder sb = new StringBuilder(octets.length() * 3);
        for (int i = 0; i < octets.length(); i++) {
            sb.append(' ').append(Character.forDigit(octets.get(i) >> 4, 16))
                    .append(Character.forDigit(octets.get(i) & 0xF, 16));
        }
        return sb.toString();
    }

    /**
     * A quoted, escaped string as pppd's {@code print_string}: printable ASCII as is (with
     * {@code \} and {@code "} escaped), {@code \n \r \t}, anything else as a 3-digit octal escape.
     */
    public static String quoted(Octets octets) {
        StringBuilder sb = new StringBuilder(octets.length() + 2).append('"');
        for (int i = 0; i < octets.length(); i++) {
            int c = octets.get(i);
            if (c >= ' ' && c <= '~') {
                if (c == '\\' || c == '"') {
                    sb.append('\\');
                }
                sb.append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\%03o", c));
            }
        }
        return sb.append('"').toString();
    }

    /** An option pppd cannot decode: all of it, Type and Length included, as hex, e.g. {@code < 0d 03 06>}. */
    public static String rawOption(ConfigOption option) {
        return "<" + spacedHex(Octets.of(ConfigOption.emitList(java.util.List.of(option)))) + ">";
    }
}
