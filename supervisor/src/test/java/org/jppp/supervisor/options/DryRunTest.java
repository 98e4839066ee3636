package org.jppp.supervisor.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jppp.protocol.config.OptionException;
import org.junit.jupiter.api.Test;

/** The dryrun listing: pppd's print_options() format, sources, and hidden passwords. */
class DryRunTest extends EtcTestBase {

    static String fixture(String name) throws IOException {
        try (InputStream in = DryRunTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void goldenListingWithSourcesAndHiddenPassword() throws OptionException {
        etc.write("options", "lock\nlcp-echo-interval 30\n");
        etc.write("peers/isp", "ttyS0 115200\npersist\nuser \"bob \\\"the\\\" builder\"\npassword 'top secret'\n"
                + "ms-dns 10.0.0.53\n10.0.0.1:\n");
        String options = tmp.resolve("options").toString();
        String peer = etc.peer("isp");
        assertEquals("pppd options in effect:\n"
                + "/dev/ttyS0\t\t# (from " + peer + ")\n"
                + "115200\t\t# (from " + peer + ")\n"
                + "persist\t\t# (from " + peer + ")\n"
                + "debug\t\t# (from command line)\n"
                + "dryrun\t\t# (from command line)\n"
                + "lock\t\t# (from " + options + ")\n"
                + "user bob \\\"the\\\" builder\t\t# (from " + peer + ")\n"
                + "password ??????\t\t# (from " + peer + ")\n"
                + "lcp-echo-interval 30\t\t# (from " + options + ")\n"
                + "10.0.0.1:10.0.0.2\t\t# (from command line)\n"
                + "ms-dns 10.0.0.53\t\t# (from " + peer + ")\n"
                + "ms-dns 10.0.0.54\t\t# (from command line)\n",
                etc.dryrun("call", "isp", "debug", "dryrun", ":10.0.0.2", "ms-dns", "10.0.0.54"));
    }

    @Test
    void debianStockOptionsFileParsesUnchanged() throws Exception {
        etc.write("options", fixture("debian-options"));
        String src = "\t\t# (from " + tmp.resolve("options") + ")\n";
        assertEquals("pppd options in effect:\n"
                + "dryrun\t\t# (from command line)\n"
                + "hide-password" + src
                + "modem" + src
                + "crtscts" + src
                + "lock" + src
                + "auth" + src
                + "asyncmap 0" + src
                + "lcp-echo-interval 30" + src
                + "lcp-echo-failure 4" + src
                + "noipx" + src,
                etc.dryrun("dryrun"));
    }

    @Test
    void archStylePppoePeerParsesUnchanged() throws Exception {
        etc.write("peers/provider", fixture("arch-pppoe-peer"));
        String src = "\t\t# (from " + etc.peer("provider") + ")\n";
        assertEquals("pppd options in effect:\n"
                + "persist" + src
                + "holdoff 5" + src
                + "maxfail 0" + src
                + "plugin rp-pppoe.so" + src
                + "hide-password" + src
                + "noauth" + src
                + "name someone@isp" + src
                + "user someone@isp" + src
                + "mru 1492" + src
                + "mtu 1492" + src
                + "lcp-echo-interval 20" + src
                + "lcp-echo-failure 3" + src
                + "noipdefault" + src
                + "defaultroute" + src
                + "usepeerdns" + src
                + "eth0" + src,
                etc.dryrun("call", "provider"));
        assertEquals(java.util.List.of("Plugin rp-pppoe.so loaded."), etc.info);
    }
}
