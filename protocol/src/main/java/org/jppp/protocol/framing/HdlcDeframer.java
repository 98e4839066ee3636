package org.jppp.protocol.framing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.pekko.util.ByteString;

/**
 * The receive state machine of RFC 1662 §4 async framing, fed arbitrary chunks of the serial
 * line. Owned by one {@link HdlcDecoder} logic (one per materialization), never shared.
 *
 * <p>Rules, in the order applied to each octet:
 * <ol>
 *   <li>Until the first Flag the line carries no frame (modem chatter, a frame cut in half):
 *       octets are skipped without counting.</li>
 *   <li>An unescaped octet below 0x20 flagged in the receive ACCM is discarded before anything
 *       else, including the FCS, because the DCE may have inserted it (RFC 1662 §3.1, §7.1).</li>
 *   <li>0x7D marks the next octet, which is XORed with 0x20 (RFC 1662 §4.2).</li>
 *   <li>A Flag closes the frame. The frame is then dropped and counted if it was aborted
 *       (0x7D right before the Flag, RFC 1662 §4.3), longer than MRU + 4 header octets + FCS,
 *       a runt (non-empty but shorter than 2 octets plus the FCS: the 4 octets of RFC 1662 §4.3
 *       for FCS-16, 6 for FCS-32), or fails the good-residue check. Nothing between two Flags
 *       is the inter-frame fill of RFC 1662 §4.1, ignored without counting.</li>
 * </ol>
 * A good frame is passed up without its FCS; address and control octets are kept as received
 * (decompressing ACFC is the PPP layer's job, RFC 1662 §3.2).
 */
final class HdlcDeframer {
    /** Address, control and a two-octet protocol field in front of the information field. */
    static final int HEADER_OCTETS = 4;
    private static final int MAX_FCS_OCTETS = 4;

    private final HdlcSettings settings;
    private final Counters<HdlcCounter> counters;
    private byte[] frame = new byte[256];
    private int length;
    private boolean hunting = true;
    private boolean escaped;
    private boolean tooLong;

    HdlcDeframer(HdlcSettings settings, Counters<HdlcCounter> counters) {
        this.settings = settings;
        this.counters = counters;
    }

    /** Consumes one chunk of the line, handing every good frame to {@code sink} in order. */
    void accept(ByteString chunk, Consumer<ByteString> sink) {
        int accm = settings.receiveAccm();
        int capacity = settings.receiveMru() + HEADER_OCTETS + MAX_FCS_OCTETS;
        ByteBuffer bytes = chunk.asByteBuffer();
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            int octet = bytes.get(i) & 0xFF;
            if (octet == HdlcEncoder.FLAG) {
                close(sink);
            } else if (!hunting) {
                receive(octet, accm, capacity);
            }
        }
    }

    private void receive(int octet, int accm, int capacity) {
        if (octet < 0x20 && ((accm >>> octet) & 1) != 0) {
            counters.increment(HdlcCounter.CONTROL_DISCARDED);
        } else if (octet == HdlcEncoder.ESCAPE) {
            escaped = true;
        } else {
            append(escaped ? octet ^ HdlcEncoder.XOR : octet, capacity);
            escaped = false;
        }
    }

    private void append(int octet, int capacity) {
        if (length >= capacity) {
            tooLong = true;
            return;
        }
        if (length == frame.length) {
            frame = Arrays.copyOf(frame, Math.min(capacity, frame.length * 2));
        }
        frame[length++] = (byte) octet;
    }

    private void close(Consumer<ByteString> sink) {
        if (!hunting) {
            HdlcCounter verdict = verdict();
            if (verdict == HdlcCounter.FRAMES_IN) {
                sink.accept(ByteString.fromArray(frame, 0, length - settings.receiveFcs().octets()));
            }
            if (verdict != null) {
                counters.increment(verdict);
            }
        }
        hunting = false;
        escaped = false;
        tooLong = false;
        length = 0;
    }

    /** What became of the frame just closed; null for the empty fill between two Flags. */
    private HdlcCounter verdict() {
        FcsMode fcs = settings.receiveFcs();
        if (escaped) {
            return HdlcCounter.ABORTED;
        }
        if (tooLong || length - fcs.octets() > settings.receiveMru() + HEADER_OCTETS) {
            return HdlcCounter.TOO_LONG;
        }
        if (length == 0) {
            return null;
        }
        if (length < 2 + fcs.octets()) {
            return HdlcCounter.RUNT;
        }
        return fcs.check(frame, 0, length) ? HdlcCounter.FRAMES_IN : HdlcCounter.BAD_FCS;
    }
}
