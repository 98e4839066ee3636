package org.jppp.bench;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * The bytes the benchmarks chew on: deterministic (fixed seed), so every run and every fork
 * measures the same packets, and random, so HDLC escaping happens at its natural rate
 * (2 of 256 octet values, about 0.8 %) rather than never or always.
 */
public final class Packets {
    private Packets() {
    }

    /** {@code length} pseudo-random octets, the same for the same arguments. */
    public static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /**
     * A PPP frame as the HDLC layer gets it: address 0xFF, control 0x03, protocol 0x0021 (IPv4),
     * then random information, {@code length} octets in all.
     */
    public static byte[] pppFrameWithAddressAndControl(int length) {
        byte[] b = random(length, length);
        b[0] = (byte) 0xFF;
        b[1] = 0x03;
        b[2] = 0x00;
        b[3] = 0x21;
        return b;
    }

    /** A PPP frame as PPPoE carries it (RFC 2516 §7): protocol 0x0021, then random information. */
    public static byte[] pppFrame(int length) {
        byte[] b = random(length, length);
        b[0] = 0x00;
        b[1] = 0x21;
        return b;
    }

    /**
     * The baseline of most benchmarks: what any code that hands a packet on as a fresh buffer pays
     * at least, a heap ByteBuffer allocated and filled from the packet.
     */
    public static ByteBuffer copy(ByteBuffer source) {
        ByteBuffer out = ByteBuffer.allocate(source.remaining());
        out.put(source.duplicate());
        return out.flip();
    }
}
