package org.jppp.bench;

import java.nio.ByteBuffer;
import org.jppp.protocol.pppoe.PppoeCode;
import org.jppp.protocol.pppoe.PppoeDiscovery;
import org.jppp.protocol.pppoe.PppoeTag;
import org.jppp.protocol.wire.MalformedPacketException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Parsing one PADO (RFC 2516 §5.2) with the tags a real access concentrator sends: Service-Name,
 * AC-Name, Host-Uniq echoed back and an AC-Cookie. This is what a server under a PADI/PADR flood
 * or a client hearing many concentrators runs per frame. The baseline copies the same octets.
 */
public class PppoeDiscoveryBench extends PacketBench {
    private byte[] pado;

    @Setup
    public void setUp() {
        PppoeDiscovery packet = PppoeDiscovery.of(PppoeCode.PADO, 0,
                PppoeTag.serviceName("internet"),
                PppoeTag.acName("jppp-ac"),
                PppoeTag.hostUniq(Packets.random(8, 1)),
                PppoeTag.acCookie(Packets.random(20, 2)));
        ByteBuffer b = ByteBuffer.allocate(packet.encodedLength());
        packet.emit(b);
        pado = b.array();
        baseline = ByteBuffer.wrap(pado);
    }

    @Benchmark
    public PppoeDiscovery parse() throws MalformedPacketException {
        return PppoeDiscovery.parse(ByteBuffer.wrap(pado));
    }
}
