package org.jppp.supervisor.peer;

import java.util.random.RandomGenerator;

/** Hands out the given doubles in turn, round and round; counts the draws. */
final class ScriptedRandom implements RandomGenerator {
    private final double[] values;
    private int draws;

    ScriptedRandom(double... values) {
        this.values = values.clone();
    }

    /** A generator that fails the test if anything draws from it. */
    static RandomGenerator forbidden() {
        return new ScriptedRandom();
    }

    @Override
    public double nextDouble() {
        if (values.length == 0) {
            throw new AssertionError("nothing may draw a random number here");
        }
        return values[draws++ % values.length];
    }

    @Override
    public long nextLong() {
        throw new AssertionError("only nextDouble is scripted");
    }

    int draws() {
        return draws;
    }
}
