package org.jppp.actors.link;

import java.util.function.Consumer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.util.ByteString;

/**
 * The lower link of one PPP session, as {@link LinkIo} sees it.
 *
 * @param frames one element per PPP frame in both directions: a 2-octet Protocol field and the
 *               Information field (RFC 1661 §2), no Address/Control, no FCS. Serial links stack
 *               {@link HdlcLink} under it; PPPoE links stack the session framing.
 * @param tuner  applies what LCP negotiated to the framing (ACCM, MRU, PFC/ACFC); a no-op for
 *               links whose framing has no such parameters
 */
public record LowerLink(Flow<ByteString, ByteString, ?> frames, Consumer<LinkParameters> tuner) {

    /** A link whose framing negotiates nothing (PPPoE, in-memory links in tests). */
    public static LowerLink of(Flow<ByteString, ByteString, ?> frames) {
        return new LowerLink(frames, p -> { });
    }
}
