package org.jppp.protocol.pppoe;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.wire.MalformedPacketException;

/**
 * A Discovery stage packet (RFC 2516 §5): PADI, PADO, PADR, PADS, PADT or an unknown code, with
 * its session id (0 except in PADS and PADT) and tag list.
 *
 * @param code      the CODE field, open
 * @param sessionId 0..0xFFFF
 * @param tags      in wire order, duplicates kept (a PADO may list several Service-Names)
 */
public record PppoeDiscovery(PppoeCode code, int sessionId, List<PppoeTag> tags) implements Emittable {
    static final String WHAT = "PPPoE discovery";

    public PppoeDiscovery {
        PppoeHeader.checkSessionId(sessionId);
        tags = List.copyOf(tags);
        int payload = 0;
        for (PppoeTag tag : tags) {
            if (tag.value().size() > 0xFFFF) {
                throw new IllegalArgumentException("PPPoE tag " + PppoeTag.name(tag.type()) + " too long");
            }
            payload += tag.encodedLength();
        }
        if (payload > 0xFFFF) {
            throw new IllegalArgumentException("PPPoE discovery payload too long: " + payload);
        }
    }

    public static PppoeDiscovery of(PppoeCode code, int sessionId, PppoeTag... tags) {
        return new PppoeDiscovery(code, sessionId, List.of(tags));
    }

    /**
     * Parses the PPPoE header and tags (the buffer starts after the Ethernet header). Octets past
     * LENGTH are Ethernet padding and ignored.
     */
    public static PppoeDiscovery parse(ByteBuffer buf) throws MalformedPacketException {
        PppoeHeader header = PppoeHeader.parse(buf, WHAT);
        List<PppoeTag> tags = PppoeTag.parseList(header.payload(buf));
        return new PppoeDiscovery(header.code(), header.sessionId(), tags);
    }

    public PppoeHeader header() {
        return new PppoeHeader(code, sessionId, encodedLength() - PppoeConstants.HEADER_LENGTH);
    }

    @Override
    public int encodedLength() {
        return PppoeConstants.HEADER_LENGTH + tags.stream().mapToInt(PppoeTag::encodedLength).sum();
    }

    @Override
    public void emit(ByteBuffer out) {
        header().emit(out);
        tags.forEach(t -> t.emit(out));
    }

    /** The first tag of the given kind. */
    public <T extends PppoeTag> Optional<T> first(Class<T> kind) {
        return all(kind).stream().findFirst();
    }

    /** Every tag of the given kind, in wire order. */
    public <T extends PppoeTag> List<T> all(Class<T> kind) {
        return tags.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Every tag of the given TAG_TYPE, in wire order. */
    public List<PppoeTag> all(int type) {
        return tags.stream().filter(t -> t.type() == type).toList();
    }

    private Optional<ByteString> firstValue(int type) {
        return all(type).stream().findFirst().map(PppoeTag::value);
    }

    private Optional<String> firstText(int type) {
        return all(type).stream().findFirst().map(t -> ((PppoeTag.Text) t).text());
    }

    /** The first Service-Name; an empty string means any service (RFC 2516 appendix A). */
    public Optional<String> serviceName() {
        return firstText(PppoeTag.SERVICE_NAME);
    }

    /** All Service-Names: a PADO lists every service the AC offers. */
    public List<String> serviceNames() {
        return all(PppoeTag.SERVICE_NAME).stream().map(t -> ((PppoeTag.Text) t).text()).toList();
    }

    public Optional<String> acName() {
        return firstText(PppoeTag.AC_NAME);
    }

    public Optional<ByteString> hostUniq() {
        return firstValue(PppoeTag.HOST_UNIQ);
    }

    public Optional<ByteString> cookie() {
        return firstValue(PppoeTag.AC_COOKIE);
    }

    public Optional<ByteString> relaySessionId() {
        return firstValue(PppoeTag.RELAY_SESSION_ID);
    }

    /** The RFC 4638 PPP-Max-Payload, if the sender announced one. */
    public OptionalInt maxPayload() {
        return first(PppoeTag.PppMaxPayload.class).map(t -> OptionalInt.of(t.maxPayload())).orElse(OptionalInt.empty());
    }

    /** Service-Name-Error, AC-System-Error and Generic-Error tags, in wire order. */
    public List<PppoeTag.Text> errors() {
        return all(PppoeTag.Text.class).stream().filter(PppoeTag.Text::isError).toList();
    }

    @Override
    public String toString() {
        return code + " session=0x" + Integer.toHexString(sessionId) + " " + tags;
    }
}
