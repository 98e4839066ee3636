package org.jppp.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.jppp.protocol.wire.auth.ChapPacket;
import org.jppp.protocol.wire.auth.EapPacket;
import org.jppp.protocol.wire.auth.PapPacket;
import org.jppp.protocol.wire.control.LcpPacket;
import org.jppp.protocol.wire.control.NcpPacket;
import org.jppp.protocol.wire.ipcp.IpcpOption;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption;
import org.jppp.protocol.wire.lcp.LcpOption;
import org.jppp.protocol.wire.trace.PppTrace;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated input never escapes a parser as anything but {@link MalformedPacketException}
 * (no BufferUnderflowException, no IllegalArgumentException from a record), and tracing never
 * throws. Seeds are fixed so a failure is reproducible.
 */
class MalformedInputFuzzTest {
    private static final int ROUNDS = 20_000;

    private static final List<Golden.Parser<?>> PARSERS = List.of(
            PppFrame::parse,
            LcpPacket::parse,
            b -> NcpPacket.parse(b, "IPCP"),
            PapPacket::parse,
            ChapPacket::parse,
            EapPacket::parse,
            b -> LcpOption.decodeAll(ConfigOption.parseList(b, "LCP")),
            b -> IpcpOption.decodeAll(ConfigOption.parseList(b, "IPCP")),
            b -> Ipv6cpOption.decodeAll(ConfigOption.parseList(b, "IPV6CP")));

    private static final int[] TRACED = {0xC021, 0xC023, 0xC223, 0xC227, 0x8021, 0x8057, 0x80FD, 0x0021};

    /** Random octets that look like a coded packet: small code, a Length near the real size. */
    private static byte[] packetLike(Random r) {
        byte[] b = new byte[r.nextInt(24)];
        r.nextBytes(b);
        if (b.length >= 4) {
            b[0] = (byte) r.nextInt(15);
            int length = Math.max(0, b.length + r.nextInt(5) - 2);
            b[2] = (byte) (length >> 8);
            b[3] = (byte) length;
        }
        if (b.length >= 5 && r.nextBoolean()) {
            b[4] = (byte) r.nextInt(20);
        }
        return b;
    }

    @Test
    void parsersThrowOnlyMalformedPacketException() {
        Random r = new Random(1661);
        int[] parsed = new int[PARSERS.size()];
        for (int i = 0; i < ROUNDS; i++) {
            byte[] input = packetLike(r);
            for (int p = 0; p < PARSERS.size(); p++) {
                try {
                    PARSERS.get(p).parse(ByteBuffer.wrap(input));
                    parsed[p]++;
                } catch (MalformedPacketException expected) {
                    assertNotNull(expected.getMessage());
                } catch (RuntimeException e) {
                    fail("input " + Octets.of(input) + " escaped as " + e, e);
                }
            }
        }
        for (int p = 0; p < parsed.length; p++) {
            assertTrue(parsed[p] > ROUNDS / 100, "parser " + p + " accepted only " + parsed[p] + " inputs: the fuzz is too blunt");
        }
    }

    @Test
    void tracesNeverThrow() {
        Random r = new Random(1662);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] input = packetLike(r);
            for (int protocol : TRACED) {
                try {
                    assertNotNull(PppTrace.of(new PppProtocol(protocol), Octets.of(input)));
                } catch (RuntimeException e) {
                    fail("tracing " + Octets.of(input) + " as " + PppdText.hex(protocol) + " threw " + e, e);
                }
            }
        }
    }
}
