package org.jppp.tests.oracle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a classic libpcap file (link type Ethernet) so a real decoder can judge our frames. */
final class PcapWriter {
    private static final int LINKTYPE_ETHERNET = 1;

    private PcapWriter() {}

    static void write(Path file, List<byte[]> frames) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xA1B2C3D4); // magic, microsecond timestamps
            header.putShort((short) 2).putShort((short) 4); // version 2.4
            header.putInt(0).putInt(0); // thiszone, sigfigs
            header.putInt(65535); // snaplen
            header.putInt(LINKTYPE_ETHERNET);
            out.write(header.array());
            int second = 1_700_000_000;
            for (byte[] frame : frames) {
                ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                rec.putInt(second++).putInt(0).putInt(frame.length).putInt(frame.length);
                out.write(rec.array());
                out.write(frame);
            }
        }
    }
}
