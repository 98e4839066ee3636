package org.jppp.protocol.wire.trace;

import java.nio.ByteBuffer;
import org.jppp.protocol.wire.ControlPacket;
import org.jppp.protocol.wire.MalformedPacketException;
import org.jppp.protocol.wire.Octets;
import org.jppp.protocol.wire.PppFrame;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.PppdText;
import org.jppp.protocol.wire.auth.ChapPacket;
import org.jppp.protocol.wire.auth.EapPacket;
import org.jppp.protocol.wire.auth.PapPacket;
import org.jppp.protocol.wire.control.ControlTrace;

/**
 * pppd's one-line trace of a whole PPP packet, as in its {@code sent [...]}/{@code rcvd [...]}
 * debug lines: {@code [LCP ConfReq id=0x1 <mru 1500>]}, {@code [PAP AuthReq id=0x1 user="bob"
 * password=<hidden>]}, or {@code [proto=0x2b] 01 02} for a protocol it cannot print. Octets past
 * a control packet's Length (padding) follow the bracket as hex, as pppd prints them.
 *
 * <p>Never prints a PAP password; CHAP values are hashes and are printed, as pppd does.
 */
public final class PppTrace {
    private PppTrace() {
    }

    public static String of(PppFrame frame) {
        return of(frame.protocol(), frame.information());
    }

    public static String of(PppProtocol protocol, Octets information) {
        if (!printable(protocol)) {
            return "[" + protocol.traceName() + "]" + PppdText.spacedHex(information);
        }
        ByteBuffer buf = information.asBuffer();
        ControlPacket packet;
        try {
            packet = ControlPacket.parse(buf, protocol.traceName());
        } catch (MalformedPacketException e) {
            return "[" + protocol.traceName() + "]" + PppdText.spacedHex(information);
        }
        Octets padding = information.slice(packet.encodedLength(), information.length());
        return body(protocol, packet) + PppdText.spacedHex(padding);
    }

    /** The protocols jppp prints as pppd does; any other is a bracketed name and a hex dump. */
    private static boolean printable(PppProtocol protocol) {
        return switch (protocol.number()) {
            case 0xC021, 0xC023, 0xC223, 0xC227, 0x8021, 0x8057, 0x80FD -> true;
            default -> false;
        };
    }

    private static String body(PppProtocol protocol, ControlPacket packet) {
        try {
            return switch (protocol.number()) {
                case 0xC023 -> PapPacket.parse(packet).trace();
                case 0xC223 -> ChapPacket.parse(packet).trace();
                case 0xC227 -> EapPacket.parse(packet).trace();
                default -> ControlTrace.trace(protocol, packet);
            };
        } catch (MalformedPacketException e) {
            return "[" + protocol.traceName() + PppdText.codeAndId(null, packet.code().value(), packet.identifier())
                    + PppdText.spacedHex(Octets.of(packet.data())) + "]";
        }
    }
}
