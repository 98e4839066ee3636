package org.jppp.protocol.authn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * A RandomGenerator that hands out scripted challenges and identifiers, so that machine tests
 * are deterministic. Unscripted byte requests get 0x01, 0x02, ... ; unscripted identifiers 0.
 */
final class ScriptedRandom implements RandomGenerator {
    private final Deque<byte[]> bytes = new ArrayDeque<>();
    private final Deque<Integer> ints = new ArrayDeque<>();
    private int counter;

    ScriptedRandom bytes(byte[] next) {
        bytes.add(next.clone());
        return this;
    }

    ScriptedRandom identifier(int next) {
        ints.add(next);
        return this;
    }

    @Override public void nextBytes(byte[] out) {
        byte[] next = bytes.poll();
        if (next != null) {
            if (next.length != out.length) {
                throw new AssertionError("scripted " + next.length + " random octets, asked for " + out.length);
            }
            System.arraycopy(next, 0, out, 0, out.length);
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ++counter;
        }
    }

    @Override public int nextInt(int bound) {
        Integer next = ints.poll();
        return next != null ? next : 0;
    }

    @Override public long nextLong() {
        throw new AssertionError("machines must use nextBytes and nextInt only");
    }
}
