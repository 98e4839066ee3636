package org.jppp.io.tun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.jppp.io.IoTestSupport;
import org.jppp.io.posix.NativeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TUN devices in a fresh network namespace (see {@link NetNamespace}); the only traffic is an
 * ICMP echo to the kernel's own address on the TUN.
 */
class TunDeviceTest extends IoTestSupport {
    private static final Inet4Address LOCAL = inet4("10.250.7.1");
    private static final Inet4Address PEER = inet4("10.250.7.2");

    private NetNamespace namespace;
    private IfControl control;

    @BeforeAll
    void createNamespace() throws Exception {
        namespace = NetNamespace.create();
        control = namespace.inside(IfControl::open);
    }

    @AfterAll
    void deleteNamespace() throws Exception {
        if (control != null) {
            control.close();
        }
        if (namespace != null) {
            namespace.close();
        }
    }

    @Test
    void configure_addressesMtuQueueUpAndIpv6LinkLocal() throws Exception {
        try (TunDevice tun = create("jt%d")) {
            assertTrue(tun.name().matches("jt\\d+"), tun.name());
            tun.setAddresses(LOCAL, PEER);
            tun.setMtu(1400);
            tun.setTxQueueLength(3000);
            tun.setUp(true);
            tun.addIpv6LinkLocal(0x0211_22ff_fe33_4455L);
            assertEquals(1400, tun.mtu());
            String addresses = namespace.ip("-o", "addr", "show", "dev", tun.name()).output();
            assertTrue(addresses.contains("inet 10.250.7.1 peer 10.250.7.2/32"), addresses);
            assertTrue(addresses.contains("inet6 fe80::211:22ff:fe33:4455/64 scope link"), addresses);
            String link = namespace.ip("-o", "link", "show", "dev", tun.name()).output();
            assertTrue(link.contains("mtu 1400"), link);
            assertTrue(link.contains(",UP"), link);
            assertTrue(link.contains("qlen 3000"), link);
            tun.setUp(false);
            assertTrue(!namespace.ip("-o", "link", "show", "dev", tun.name()).output().contains(",UP"));
        }
    }

    /** What a unit cache relies on to hand an interface to the next session without the last one's state. */
    @Test
    void clearIpv4AddressAndRemoveLinkLocal_leaveNoAddressOrPeerRoute() throws Exception {
        try (TunDevice tun = create("jt%d")) {
            tun.setAddresses(LOCAL, PEER);
            tun.setUp(true);
            tun.addIpv6LinkLocal(0x0211_22ff_fe33_4455L);
            int ifindex = tun.ifindex();
            assertTrue(namespace.ip("-o", "route", "show", "dev", tun.name()).output().contains("10.250.7.2"));

            assertTrue(tun.removeIpv6LinkLocal(0x0211_22ff_fe33_4455L));
            assertTrue(!tun.removeIpv6LinkLocal(0x0211_22ff_fe33_4455L), "a second removal finds nothing");
            tun.clearIpv4Address();
            tun.clearIpv4Address();
            tun.setUp(false);

            String addresses = namespace.ip("-o", "addr", "show", "dev", tun.name()).output();
            assertTrue(!addresses.contains("inet "), addresses);
            assertTrue(!addresses.contains("fe80::211:22ff:fe33:4455"), addresses);
            assertEquals("", namespace.ip("-o", "route", "show", "dev", tun.name()).output().trim());
            assertTrue(!tun.isUp());
            // The same interface takes new addresses as a new one would.
            tun.setAddresses(inet4("10.250.8.1"), inet4("10.250.8.2"));
            tun.setUp(true);
            assertEquals(ifindex, tun.ifindex());
            String again = namespace.ip("-o", "addr", "show", "dev", tun.name()).output();
            assertTrue(again.contains("inet 10.250.8.1 peer 10.250.8.2/32"), again);
            assertTrue(!again.contains("10.250.7."), again);
        }
    }

    @Test
    void echoRequestToLocalAddress_isAnsweredThroughTheTun() throws Exception {
        try (TunDevice tun = create("jt%d")) {
            tun.setAddresses(LOCAL, PEER);
            tun.setUp(true);
            byte[] payload = "jppp tun test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            CompletionStage<ByteString> reply = tun.source()
                    .filter(packet -> isIpv4Icmp(packet) && packet.apply(20) == 0)
                    .runWith(Sink.head(), system);
            await(Source.single(echoRequest(PEER, LOCAL, 0x4a50, 7, payload)).runWith(tun.sink(), system));
            ByteBuffer ip = await(reply).asByteBuffer().order(ByteOrder.BIG_ENDIAN);
            assertArrayEquals(LOCAL.getAddress(), bytes(ip, 12, 4), "reply source");
            assertArrayEquals(PEER.getAddress(), bytes(ip, 16, 4), "reply destination");
            assertEquals(0, checksum(bytes(ip, 0, 20)), "IPv4 header checksum");
            assertEquals(0, checksum(bytes(ip, 20, ip.limit() - 20)), "ICMP checksum");
            assertEquals(0x4a50, ip.getShort(24) & 0xffff, "identifier");
            assertEquals(7, ip.getShort(26), "sequence");
            assertArrayEquals(payload, bytes(ip, 28, payload.length));
        }
    }

    @Test
    void nonIpPacket_isDroppedAndCounted_streamGoesOn() throws Exception {
        try (TunDevice tun = create("jt%d")) {
            tun.setUp(true);
            await(Source.single(ByteString.fromArray(new byte[] {0x00, 0x01, 0x02})).runWith(tun.sink(), system));
            assertEquals(1, tun.channel().droppedWrites());
        }
    }

    @Test
    void patternName_isResolved_andExactNameInUseIsEbusy() throws Exception {
        try (TunDevice first = create("ppp%d"); TunDevice second = create("ppp%d")) {
            assertEquals("ppp0", first.name());
            assertEquals("ppp1", second.name());
            NativeException e = assertThrows(NativeException.class, () -> create("ppp0"));
            assertEquals("ioctl(TUNSETIFF, ppp0): EBUSY (Device or resource busy)", e.getMessage());
        }
    }

    @Test
    void close_deletesTheInterface() throws Exception {
        TunDevice tun = create("jtclose");
        assertEquals(0, namespace.ip("link", "show", "dev", "jtclose").status());
        tun.close();
        tun.close();
        assertNotEquals(0, namespace.ip("link", "show", "dev", "jtclose").status());
    }

    @Test
    void invalidName_isRejectedBeforeAnySyscall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TunDevice.create(loop, "name-longer-than-15", control));
        assertEquals("invalid interface name \"name-longer-than-15\" (1 to 15 ASCII characters)", e.getMessage());
    }

    private TunDevice create(String name) {
        return namespace.inside(() -> TunDevice.create(loop, name, control));
    }

    private static boolean isIpv4Icmp(ByteString packet) {
        return packet.size() >= 28 && (packet.apply(0) & 0xf0) == 0x40 && packet.apply(9) == 1;
    }

    /** IPv4 header (20 octets, RFC 791) plus ICMP echo request (RFC 792), both checksummed. */
    private static ByteString echoRequest(Inet4Address source, Inet4Address destination, int id, int sequence,
            byte[] payload) {
        ByteBuffer packet = ByteBuffer.allocate(28 + payload.length).order(ByteOrder.BIG_ENDIAN);
        packet.put((byte) 0x45);                    // version 4, IHL 5
        packet.put((byte) 0);                       // TOS
        packet.putShort((short) packet.capacity()); // total length
        packet.putShort((short) 0x1234);            // identification
        packet.putShort((short) 0x4000);            // flags: don't fragment
        packet.put((byte) 64);                      // TTL
        packet.put((byte) 1);                       // protocol = ICMP
        packet.putShort((short) 0);                 // header checksum, filled below
        packet.put(source.getAddress());
        packet.put(destination.getAddress());
        packet.put((byte) 8);                       // ICMP type = echo request
        packet.put((byte) 0);                       // code
        packet.putShort((short) 0);                 // ICMP checksum, filled below
        packet.putShort((short) id);
        packet.putShort((short) sequence);
        packet.put(payload);
        byte[] bytes = packet.array();
        packet.putShort(10, (short) checksum(java.util.Arrays.copyOfRange(bytes, 0, 20)));
        packet.putShort(22, (short) checksum(java.util.Arrays.copyOfRange(bytes, 20, bytes.length)));
        return ByteString.fromArray(bytes);
    }

    /** The Internet checksum (RFC 1071); 0 over data that includes a correct checksum. */
    private static int checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            int high = data[i] & 0xff;
            int low = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static byte[] bytes(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return bytes;
    }

    private static Inet4Address inet4(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
