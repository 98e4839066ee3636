package org.jppp.protocol.testutil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.wire.MalformedPacketException;

/** Helpers for golden-byte tests of wire formats. */
public final class Golden {
    private static final byte GUARD = (byte) 0xA5;
    private static final int MARGIN = 5;

    private Golden() {
    }

    /** Octets written as ints, so golden arrays need no casts. */
    public static byte[] bytes(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            b[i] = (byte) octets[i];
        }
        return b;
    }

    public static ByteString byteString(int... octets) {
        return ByteString.fromArrayUnsafe(bytes(octets));
    }

    public static ByteBuffer buffer(int... octets) {
        return ByteBuffer.wrap(bytes(octets));
    }

    /**
     * Emits into a buffer pre-filled with 0xA5 at an offset, then checks the written octets are
     * the golden ones, exactly {@code length} were claimed, and the octets around are untouched.
     */
    public static void assertEmits(byte[] golden, int encodedLength, Consumer<ByteBuffer> emit) {
        assertEquals(golden.length, encodedLength, "encodedLength");
        byte[] target = new byte[golden.length + 2 * MARGIN];
        Arrays.fill(target, GUARD);
        ByteBuffer out = ByteBuffer.wrap(target);
        out.position(MARGIN);
        emit.accept(out);
        assertEquals(MARGIN + golden.length, out.position(), "octets written");
        assertArrayEquals(golden, Arrays.copyOfRange(target, MARGIN, MARGIN + golden.length));
        for (int i = 0; i < MARGIN; i++) {
            assertEquals(GUARD, target[i], "guard before, offset " + i);
            assertEquals(GUARD, target[target.length - 1 - i], "guard after, offset " + i);
        }
    }

    /** A parser that may throw the wire exception. */
    @FunctionalInterface
    public interface Parser {
        Object parse(ByteBuffer buf) throws MalformedPacketException;
    }

    public static void assertMalformed(String message, Parser parser, byte[] input) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> parser.parse(ByteBuffer.wrap(input)));
        assertEquals(message, e.getMessage());
    }

    /**
     * Feeds every prefix of {@code input} and random mutations to the parser: it may accept or
     * throw {@link MalformedPacketException}, nothing else (no BufferUnderflowException).
     */
    public static void assertOnlyMalformed(Parser parser, byte[] input, long seed) {
        java.util.Random random = new java.util.Random(seed);
        for (int n = 0; n <= input.length; n++) {
            tryParse(parser, Arrays.copyOf(input, n));
        }
        for (int round = 0; round < 2000; round++) {
            byte[] mutated = Arrays.copyOf(input, random.nextInt(input.length + 1));
            for (int k = 0; k < 3 && mutated.length > 0; k++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            tryParse(parser, mutated);
        }
    }

    private static void tryParse(Parser parser, byte[] input) {
        try {
            parser.parse(ByteBuffer.wrap(input));
        } catch (MalformedPacketException expected) {
            assertEquals(MalformedPacketException.class, expected.getClass());
        }
    }
}
