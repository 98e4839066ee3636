package org.jppp.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Shared checks for golden-byte tests of wire formats. */
public final class Golden {
    public static final byte FILL = (byte) 0xA5;

    private Golden() {
    }

    /** Concatenates byte arrays (golden packets are written as header + fields). */
    public static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    /** The one option in {@code golden}, through the raw option parser. */
    public static ConfigOption option(byte[] golden) {
        try {
            List<ConfigOption> list = ConfigOption.parseList(ByteBuffer.wrap(golden), "test");
            assertEquals(1, list.size(), "golden holds one option");
            return list.get(0);
        } catch (MalformedPacketException e) {
            throw new AssertionError("golden option does not parse: " + e.getMessage(), e);
        }
    }

    /** The wire bytes of a typed option. */
    public static byte[] bytes(TypedOption o) {
        return ConfigOption.emitList(List.of(o.encode()));
    }

    /**
     * Checks a typed option against its golden bytes both ways: decode(golden) equals
     * {@code expected}, encode(expected) gives golden, and the pppd trace.
     */
    public static <T extends TypedOption> void assertOption(byte[] golden, OptionDecoder<T> decoder, T expected,
            String trace) throws MalformedPacketException {
        assertEquals(expected, decoder.decode(option(golden)), "decode");
        assertArrayEquals(golden, bytes(expected), "encode");
        assertEquals(trace, expected.trace(), "trace");
        assertEquals(trace, decoder.trace(option(golden)), "trace of the raw option");
    }

    /** Asserts that {@code parse} throws {@link MalformedPacketException} with exactly {@code message}. */
    public static void assertMalformed(String message, ThrowingRunnable parse) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, parse::run);
        assertEquals(message, e.getMessage());
    }

    /**
     * Emits into a buffer pre-filled with 0xA5 at offset 3, and checks that exactly
     * {@code golden.length} octets were written there and the rest is untouched.
     */
    public static void assertEmits(byte[] golden, Consumer<ByteBuffer> emit) {
        byte[] out = new byte[golden.length + 8];
        Arrays.fill(out, FILL);
        ByteBuffer buf = ByteBuffer.wrap(out);
        buf.position(3);
        emit.accept(buf);
        assertEquals(3 + golden.length, buf.position(), "octets written");
        assertArrayEquals(golden, Arrays.copyOfRange(out, 3, 3 + golden.length), "emitted octets");
        for (int i = 0; i < out.length; i++) {
            if (i < 3 || i >= 3 + golden.length) {
                assertEquals(FILL, out[i], "octet " + i + " must stay untouched");
            }
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
