package org.jppp.protocol.authn;

import org.jppp.protocol.wire.Octets;

/** The two string conversions of pppd's log format that authentication messages use. */
final class PppdLog {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PppdLog() {
    }

    /** pppd's {@code %q}: the text with {@code "} and {@code \} escaped and control characters as {@code \t}, {@code \xNN}; no quotes around. */
    static String q(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                sb.append('\\').append(switch (c) {
                    case '\t' -> "t";
                    case '\n' -> "n";
                    case '\r' -> "r";
                    default -> "x" + HEX[c >> 4 & 0xF] + HEX[c & 0xF];
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** pppd's {@code %v} over octets: printable ASCII as is, high octets as {@code M-}, controls as {@code ^X}. */
    static String v(Octets octets) {
        StringBuilder sb = new StringBuilder(octets.length());
        for (int i = 0; i < octets.length(); i++) {
            int c = octets.get(i);
            if (c >= 0x80) {
                sb.append("M-");
                c -= 0x80;
            }
            if (c < 0x20 || c == 0x7f) {
                sb.append('^').append((char) (c ^ 0x40));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
