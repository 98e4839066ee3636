package org.jppp.protocol.wire.control;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.OptionDecoder;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.PppdText;
import org.jppp.protocol.wire.ipcp.IpcpOption;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption;
import org.jppp.protocol.wire.lcp.LcpOption;

/**
 * pppd's one-line trace of an LCP-like control packet, e.g.
 * {@code [LCP ConfReq id=0x1 <mru 1500> <magic 0x5e1f2a31>]}, following the layout of pppd's
 * {@code lcp_printpkt}/{@code ipcp_printpkt}: code name, identifier, then the options, the
 * Terminate reason, or the magic number, and any octets left as hex.
 */
public final class ControlTrace {
    /** pppd's LCP trace dumps at most this many leftover octets, then {@code ...}. */
    private static final int LCP_DUMP_LIMIT = 32;

    private ControlTrace() {
    }

    /** The trace of a control packet of {@code protocol}: LCP, IPCP, IPv6CP typed; any other NCP with raw options. */
    public static String trace(PppProtocol protocol, ControlPacket p) {
        OptionDecoder<?> options = switch (protocol.number()) {
            case 0xC021 -> LcpOption.DECODER;
            case 0x8021 -> IpcpOption.DECODER;
            case 0x8057 -> Ipv6cpOption.DECODER;
            default -> null;
        };
        return "[" + protocol.traceName() + body(p, protocol.equals(PppProtocol.LCP), options) + "]";
    }

    /**
     * The part after the protocol name, starting with a space.
     *
     * @param lcp     LCP knows codes 8-13 and limits its hex dump; NCPs know codes 1-7 only
     * @param options decodes options for the trace, or null to print every option as raw hex
     */
    static String body(ControlPacket p, boolean lcp, OptionDecoder<?> options) {
        int code = p.code().value();
        StringBuilder sb = new StringBuilder(" ");
        sb.append(code >= 1 && code <= (lcp ? 13 : 7) ? p.code().shortName() : "code=" + PppdText.hex(code));
        sb.append(" id=").append(PppdText.hex(p.identifier()));
        ByteBuffer data = p.dataBuffer();
        if (code >= 1 && code <= 4) {
            appendOptions(sb, data, options);
        } else if (code == 5 || code == 6) {
            appendReason(sb, data);
        } else if (lcp && code >= 9 && code <= 13) {
            appendMagicFields(sb, data, code);
        }
        Octets rest = Octets.readRemaining(data);
        if (lcp && rest.length() > LCP_DUMP_LIMIT) {
            sb.append(PppdText.spacedHex(rest.slice(0, LCP_DUMP_LIMIT))).append(" ...");
        } else {
            sb.append(PppdText.spacedHex(rest));
        }
        return sb.toString();
    }

    /** Options as long as they are well formed; pppd stops at the first bad Length. */
    private static void appendOptions(StringBuilder sb, ByteBuffer data, OptionDecoder<?> options) {
        while (data.remaining() >= 2) {
            int type = data.get(data.position()) & 0xFF;
            int length = data.get(data.position() + 1) & 0xFF;
            if (length < 2 || length > data.remaining()) {
                return;
            }
            data.position(data.position() + 2);
            ConfigOption o = new ConfigOption(type, Octets.read(data, length - 2).toByteArray());
            sb.append(' ').append(options != null ? options.trace(o) : PppdText.rawOption(o));
        }
    }

    /** pppd quotes a Terminate reason only when it starts with a printable character. */
    private static void appendReason(StringBuilder sb, ByteBuffer data) {
        if (data.hasRemaining()) {
            int first = data.get(data.position()) & 0xFF;
            if (first >= ' ' && first < 0x7F) {
                sb.append(' ').append(PppdText.quoted(Octets.readRemaining(data)));
            }
        }
    }

    /** Echo, Discard, Identification and Time-Remaining: magic, seconds, message. */
    private static void appendMagicFields(StringBuilder sb, ByteBuffer data, int code) {
        if (data.remaining() < 4) {
            return;
        }
        sb.append(" magic=").append(PppdText.hex(data.getInt()));
        if (code < 12) {
            return;
        }
        if (code == 13) {
            if (data.remaining() < 4) {
                return;
            }
            sb.append(" seconds=").append(data.getInt() & 0xFFFFFFFFL);
        }
        if (data.hasRemaining()) {
            sb.append(' ').append(PppdText.quoted(Octets.readRemaining(data)));
        }
    }
}
