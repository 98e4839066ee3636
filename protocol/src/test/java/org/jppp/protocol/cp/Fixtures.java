package org.jppp.protocol.cp;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.MalformedPacketException;

/** Shared helpers for the handler tests: scripted randomness and golden option lists. */
final class Fixtures {
    private Fixtures() {
    }

    /** A random source whose {@code nextInt()} returns these values in turn, then repeats the last. */
    static RandomGenerator ints(int... values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = (long) values[i] << 32;
        }
        return longs(longs);
    }

    /** A random source whose {@code nextLong()} returns these values in turn, then repeats the last. */
    static RandomGenerator longs(long... values) {
        int[] next = {0};
        return () -> values[Math.min(next[0]++, values.length - 1)];
    }

    /** Parses a golden option list. */
    static List<ConfigOption> options(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            b[i] = (byte) octets[i];
        }
        try {
            return ConfigOption.parseList(ByteBuffer.wrap(b), "golden");
        } catch (MalformedPacketException e) {
            throw new AssertionError("bad golden list", e);
        }
    }
}
