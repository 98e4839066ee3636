package org.jppp.protocol.framing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.util.ByteStringBuilder;

/** Test material for framing: random PPP frames and a serial line that re-chunks bytes. */
final class Line {
    private Line() {
    }

    /** Frames of random octets (all 256 values, so flags, escapes and control characters occur). */
    static List<ByteString> randomFrames(Random random, int count, int minLength, int maxLength) {
        List<ByteString> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] f = new byte[minLength + random.nextInt(maxLength - minLength + 1)];
            random.nextBytes(f);
            frames.add(ByteString.fromArray(f));
        }
        return frames;
    }

    static ByteString concat(List<ByteString> parts) {
        ByteStringBuilder b = new ByteStringBuilder();
        parts.forEach(b::append);
        return b.result();
    }

    static List<ByteString> split(ByteString bytes, int size) {
        List<ByteString> chunks = new ArrayList<>();
        for (int i = 0; i < bytes.size(); i += size) {
            chunks.add(bytes.slice(i, Math.min(bytes.size(), i + size)));
        }
        return chunks;
    }

    static List<ByteString> rechunk(ByteString bytes, Random random, int maxChunk) {
        List<ByteString> chunks = new ArrayList<>();
        int i = 0;
        while (i < bytes.size()) {
            int n = Math.min(bytes.size() - i, 1 + random.nextInt(maxChunk));
            chunks.add(bytes.slice(i, i + n));
            i += n;
        }
        return chunks;
    }

    /** Runs the receive state machine over chunks, as the decoder stage does. */
    static List<ByteString> deframe(HdlcSettings settings, Counters<HdlcCounter> counters, List<ByteString> chunks) {
        HdlcDeframer deframer = new HdlcDeframer(settings, counters);
        List<ByteString> frames = new ArrayList<>();
        chunks.forEach(c -> deframer.accept(c, frames::add));
        return frames;
    }

    static ByteString encodeAll(List<ByteString> frames, int accm, FcsMode fcs) {
        return concat(frames.stream().map(f -> HdlcEncoder.encode(f, accm, fcs)).toList());
    }
}
