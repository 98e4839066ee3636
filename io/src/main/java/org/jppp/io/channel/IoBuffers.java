package org.jppp.io.channel;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One native scratch buffer per thread for {@code read}/{@code write}. Data is copied into a Java
 * {@code ByteString} right after {@code read} and out of one right before {@code write}, so the
 * buffer is needed only for the duration of a call. Keeping it per thread (a handful of
 * stream-dispatcher threads) rather than per fd keeps native memory flat with thousands of links.
 * Public for the packet endpoints, which write from the same stream threads.
 * 64 KiB holds the largest IP packet a TUN can return, so packet reads are never truncated.
 */
public final class IoBuffers {
    public static final int SIZE = 65536;

    private static final ThreadLocal<IoBuffers> LOCAL = ThreadLocal.withInitial(IoBuffers::new);

    public final Memory memory = new Memory(SIZE);
    /**
     * A view of {@link #memory} for copying {@code ByteString}s in or emitting wire formats (hence
     * big-endian: JNA hands out native order); always positioned at 0 when handed out.
     */
    private final ByteBuffer view = memory.getByteBuffer(0, SIZE).order(ByteOrder.BIG_ENDIAN);

    private IoBuffers() {}

    public static IoBuffers get() {
        return LOCAL.get();
    }

    public ByteBuffer clearedView() {
        view.clear();
        return view;
    }
}
