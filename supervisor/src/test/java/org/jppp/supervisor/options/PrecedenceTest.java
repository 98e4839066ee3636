package org.jppp.supervisor.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.jppp.protocol.config.OptionException;
import org.junit.jupiter.api.Test;

/** pppd's order: $ETC/options, then the command line left to right (call/file read in place), then options.TTY. */
class PrecedenceTest extends EtcTestBase {

    private String source(OptionValues v, String key) {
        return v.setEntries().get(key).get(0).source();
    }

    @Test
    void peersFileOverridesOptionsFileAndLaterCommandLineOverridesPeersFile() throws OptionException {
        etc.write("options", "mru 1000\nholdoff 1\nlcp-echo-interval 5\n");
        etc.write("peers/isp", "mru 1200\nholdoff 2\n");
        OptionValues v = etc.load("call", "isp", "holdoff", "3");
        assertEquals(1200, v.integer("mru"));
        assertEquals(etc.peer("isp"), source(v, "mru"));
        assertEquals(3, v.integer("holdoff"));
        assertEquals(OptionsLoader.COMMAND_LINE, source(v, "holdoff"));
        assertEquals(5, v.integer("lcp-echo-interval"));
        assertEquals(tmp.resolve("options").toString(), source(v, "lcp-echo-interval"));
    }

    @Test
    void commandLineBeforeCallIsOverriddenByThePeersFile() throws OptionException {
        etc.write("peers/isp", "mru 1200\n");
        OptionValues v = etc.load("mru", "1300", "call", "isp");
        assertEquals(1200, v.integer("mru"));
    }

    @Test
    void withinAFileTheLaterWordWins() throws OptionException {
        etc.write("peers/isp", "persist\nmru 1300\nnopersist\nmru 1400\n");
        OptionValues v = etc.load("call", "isp");
        assertEquals(false, v.bool("persist"));
        assertEquals(1400, v.integer("mru"));
        assertEquals("nopersist", v.setEntries().get("persist").get(0).printed());
    }

    @Test
    void fileOptionReadsInPlaceAndNests() throws OptionException {
        Path extra = tmp.resolve("extra");
        etc.write("extra", "mru 1100\nfile " + tmp.resolve("inner") + "\n");
        etc.write("inner", "mtu 1000\n");
        OptionValues v = etc.load("file", extra.toString(), "mtu", "1200");
        assertEquals(1100, v.integer("mru"));
        assertEquals(extra.toString(), source(v, "mru"));
        assertEquals(1200, v.integer("mtu"));
    }

    @Test
    void ttyOptionsFileIsReadAfterTheCommandLine() throws OptionException {
        etc.write("options.ttyS0", "mru 900\n");
        OptionValues v = etc.load("ttyS0", "mru", "1000");
        assertEquals(900, v.integer("mru"));
        assertEquals(tmp.resolve("options.ttyS0").toString(), source(v, "mru"));
        assertEquals("usb.tty0", OptionsLoader.ttyName("/dev/usb/tty0"));
    }

    @Test
    void missingOptionsFileIsFineButMissingFileOptionIsNot() {
        assertEquals("Can't open options file " + tmp.resolve("nope") + ": No such file or directory",
                assertThrows(OptionException.class, () -> etc.load("file", tmp.resolve("nope").toString()))
                        .getMessage());
    }

    @Test
    void errorsNameTheFileAndLine() {
        etc.write("peers/x", "# provider\npersist\n\nmru 1492\nuser \"a b\"\nnoauth\nbogus\n");
        OptionException e = assertThrows(OptionException.class, () -> etc.load("call", "x"));
        assertEquals("In file " + etc.peer("x") + " (line 7): unrecognized option 'bogus'", e.getMessage());
        assertEquals(7, e.line());
    }

    @Test
    void badValueInAFileNamesTheOptionsLine() {
        etc.write("peers/x", "persist\nmru\n  abc\n");
        assertEquals("In file " + etc.peer("x") + " (line 2): invalid numeric parameter 'abc' for mru option "
                + "(expected an integer 128..16384)",
                assertThrows(OptionException.class, () -> etc.load("call", "x")).getMessage());
    }

    @Test
    void missingArgumentAtEndOfFile() {
        etc.write("peers/x", "persist\nuser\n");
        assertEquals("In file " + etc.peer("x") + " (line 2): too few parameters for option 'user'",
                assertThrows(OptionException.class, () -> etc.load("call", "x")).getMessage());
    }

    @Test
    void errorInANestedFileNamesTheInnerFile() {
        etc.write("peers/x", "persist\nfile " + tmp.resolve("inner") + "\n");
        etc.write("inner", "\n\nmultilink\n");
        assertEquals("In file " + tmp.resolve("inner") + " (line 3): option 'multilink' is not supported by jppp",
                assertThrows(OptionException.class, () -> etc.load("call", "x")).getMessage());
    }

    @Test
    void unterminatedQuoteInAFileNamesItsLine() {
        etc.write("options", "persist\n\nuser 'abc\n");
        assertEquals("In file " + tmp.resolve("options") + " (line 3): quoted word starting here runs to the "
                + "end of the file (missing closing ')",
                assertThrows(OptionException.class, () -> etc.load()).getMessage());
    }

    @Test
    void selfIncludingFileStopsWithAnError() {
        Path loop = tmp.resolve("loop");
        etc.write("loop", "file " + loop + "\n");
        OptionException e = assertThrows(OptionException.class, () -> etc.load("file", loop.toString()));
        assertEquals("options files nested more than 16 deep at " + loop, e.detail());
    }

    @Test
    void pluginOptionsExistOnlyAfterThePluginLine() {
        etc.write("peers/x", "rp_pppoe_service internet\nplugin rp-pppoe.so\n");
        assertEquals("In file " + etc.peer("x") + " (line 1): unrecognized option 'rp_pppoe_service'",
                assertThrows(OptionException.class, () -> etc.load("call", "x")).getMessage());
    }
}
