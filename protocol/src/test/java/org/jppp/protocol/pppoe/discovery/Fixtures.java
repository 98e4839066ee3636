package org.jppp.protocol.pppoe.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.util.ByteString;
import org.jppp.protocol.pppoe.EthernetHeader;
import org.jppp.protocol.pppoe.MacAddress;
import org.jppp.protocol.pppoe.PppoeCode;
import org.jppp.protocol.pppoe.PppoeConstants;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeTag;
import org.jppp.protocol.testutil.Golden;
import org.jppp.protocol.wire.MalformedPacketException;

/** Addresses, configurations and frame helpers shared by the discovery tests. */
final class Fixtures {
    static final MacAddress HOST = MacAddress.parse("02:00:00:00:00:01");
    static final MacAddress AC = MacAddress.parse("a0:f3:e4:4f:e3:b0");
    static final MacAddress OTHER_AC = MacAddress.parse("02:00:00:00:00:99");
    static final ByteString HOST_UNIQ = Golden.byteString(0xde, 0xad, 0xbe, 0xef);
    static final ByteString COOKIE = Golden.byteString(1, 2, 3, 4, 5, 6, 7, 8);
    static final ByteString RELAY = Golden.byteString(0x0a, 0x0b, 0x0c);
    static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    // Ethernet headers of the golden frames (RFC 2516 §4): destination, source, EtherType.

    static final byte[] BROADCAST_FROM_HOST = Golden.bytes(
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // destination = broadcast (RFC 2516 §5.1)
            0x02, 0x00, 0x00, 0x00, 0x00, 0x01, // source = the host
            0x88, 0x63);            // EtherType = PPPoE Discovery

    static final byte[] TO_AC_FROM_HOST = Golden.bytes(
            0xa0, 0xf3, 0xe4, 0x4f, 0xe3, 0xb0, // destination = the chosen AC
            0x02, 0x00, 0x00, 0x00, 0x00, 0x01, // source = the host
            0x88, 0x63);            // EtherType = PPPoE Discovery

    static final byte[] TO_HOST_FROM_AC = Golden.bytes(
            0x02, 0x00, 0x00, 0x00, 0x00, 0x01, // destination = the host, unicast
            0xa0, 0xf3, 0xe4, 0x4f, 0xe3, 0xb0, // source = the AC
            0x88, 0x63);            // EtherType = PPPoE Discovery

    // Tags of the golden frames.

    static final byte[] HOST_UNIQ_TAG = Golden.bytes(
            0x01, 0x03,             // TAG_TYPE = Host-Uniq
            0x00, 0x04,             // TAG_LENGTH = 4
            0xde, 0xad, 0xbe, 0xef); // TAG_VALUE, opaque, echoed unchanged

    static final byte[] RELAY_TAG = Golden.bytes(
            0x01, 0x10,             // TAG_TYPE = Relay-Session-Id
            0x00, 0x03,             // TAG_LENGTH = 3
            0x0a, 0x0b, 0x0c);      // TAG_VALUE, opaque, echoed unchanged

    static final byte[] INET_TAG = Golden.bytes(
            0x01, 0x01,             // TAG_TYPE = Service-Name
            0x00, 0x04,             // TAG_LENGTH = 4
            'i', 'n', 'e', 't');    // TAG_VALUE = "inet"

    static final byte[] MAX_PAYLOAD_1500_TAG = Golden.bytes(
            0x01, 0x20,             // TAG_TYPE = PPP-Max-Payload (RFC 4638 §4)
            0x00, 0x02,             // TAG_LENGTH = 2
            0x05, 0xdc);            // TAG_VALUE = 1500

    private Fixtures() {
    }

    /** pppd's defaults: any service and AC, 5 s, 3 attempts, no RFC 4638. */
    static ClientConfig client() {
        return new ClientConfig(HOST, "enp4s0", Optional.empty(), Optional.empty(), Optional.empty(), HOST_UNIQ,
                OptionalInt.empty(), Duration.ofSeconds(5), 3, false);
    }

    static ClientConfig client(Optional<String> service, Optional<String> acName, Optional<MacAddress> acMac) {
        ClientConfig c = client();
        return new ClientConfig(c.ourMac(), c.interfaceName(), service, acName, acMac, c.hostUniq(),
                c.maxPayload(), c.timeout(), c.attempts(), c.printAcNames());
    }

    static ClientConfig clientWithMaxPayload(int maxPayload) {
        ClientConfig c = client();
        return new ClientConfig(c.ourMac(), c.interfaceName(), c.service(), c.acName(), c.acMac(), c.hostUniq(),
                OptionalInt.of(maxPayload), c.timeout(), c.attempts(), c.printAcNames());
    }

    static EthernetHeader header(MacAddress destination, MacAddress source) {
        return new EthernetHeader(destination, source, PppoeConstants.ETHERTYPE_DISCOVERY);
    }

    /** A well-formed PADO from {@code ac} to HOST: AC-Name, the services, Host-Uniq, cookie, extra tags. */
    static PppoeDiscovery pado(String acName, List<String> services, PppoeTag... extra) {
        List<PppoeTag> tags = new java.util.ArrayList<>();
        tags.add(PppoeTag.acName(acName));
        services.forEach(s -> tags.add(PppoeTag.serviceName(s)));
        tags.add(new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, HOST_UNIQ));
        tags.add(new PppoeTag.Opaque(PppoeTag.AC_COOKIE, COOKIE));
        tags.addAll(List.of(extra));
        return new PppoeDiscovery(PppoeCode.PADO, 0, tags);
    }

    static PppoeDiscovery pado() {
        return pado("ac1", List.of(""));
    }

    static PppoeDiscovery pads(int sessionId, PppoeTag... extra) {
        List<PppoeTag> tags = new java.util.ArrayList<>();
        tags.add(PppoeTag.serviceName(""));
        tags.add(new PppoeTag.Opaque(PppoeTag.HOST_UNIQ, HOST_UNIQ));
        tags.addAll(List.of(extra));
        return new PppoeDiscovery(PppoeCode.PADS, sessionId, tags);
    }

    /** The frame of a Send parsed back through the wire formats, checking its Ethernet header. */
    static PppoeDiscovery parseSent(DiscoveryAction.Send send, MacAddress source, MacAddress destination) {
        ByteBuffer frame = send.frame().asByteBuffer();
        try {
            EthernetHeader header = EthernetHeader.parse(frame);
            assertEquals(header(destination, source), header);
            return PppoeDiscovery.parse(frame);
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted frame does not parse", e);
        }
    }

    static byte[] bytes(ByteString s) {
        return s.toArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
