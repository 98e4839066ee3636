package org.jppp.protocol.config;

import static org.jppp.protocol.config.SecretsAddressRuleTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.auth.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pppd(8) "AUTHENTICATION": the secrets-file format, read like an options file. */
class SecretsFileTest {
    private static final String FILE = "/etc/ppp/chap-secrets";

    @TempDir
    Path dir;

    private static final String GOLDEN = """
            # Secrets for authentication using CHAP
            # client    server   secret              IP addresses
            alice       gw       "open sesame"       10.0.0.2
            bob         *        b\\#ob\\ pw          10.1.0.0/16 !10.1.0.1 -- mtu 1400 ipparam "bob home"
            *           gw       ""                  -     # anyone else, no address
            carol       gw       'it''s' \\
                                 10.2.0.3 10.2.0.4
            dave        "my gw"  x#y                 *
            """;

    @Test
    void golden_entriesInOrderWithLines() throws OptionException {
        Secrets secrets = SecretsFile.parse(GOLDEN, FILE);
        List<SecretsEntry> e = secrets.entries();
        assertEquals(5, e.size());
        assertEquals(List.of("alice", "bob", "*", "carol", "dave"), e.stream().map(SecretsEntry::client).toList());
        assertEquals(List.of("gw", "*", "gw", "gw", "my gw"), e.stream().map(SecretsEntry::server).toList());
        assertEquals(List.of(3, 4, 5, 6, 8), e.stream().map(SecretsEntry::line).toList());
        assertEquals(FILE, secrets.file());
        assertEquals(FILE, e.get(0).file());
    }

    @Test
    void golden_secretsAreUnquotedAndUnescaped() throws OptionException {
        List<SecretsEntry> e = SecretsFile.parse(GOLDEN, FILE).entries();
        assertEquals("open sesame", e.get(0).secret().reveal()); // double quotes keep the space
        assertEquals("b#ob pw", e.get(1).secret().reveal());     // \# and \<space> escapes
        assertEquals(Secret.empty(), e.get(2).secret());         // "" is the empty secret
        assertEquals("its", e.get(3).secret().reveal());         // 'it''s': two quoted pieces
        assertEquals("x", e.get(4).secret().reveal());           // # right after a word is a comment
    }

    @Test
    void golden_addressesAndOptions() throws OptionException {
        List<SecretsEntry> e = SecretsFile.parse(GOLDEN, FILE).entries();
        assertEquals(List.of("10.0.0.2"), e.get(0).addresses());
        assertEquals(List.of(), e.get(0).options());
        assertEquals(List.of("10.1.0.0/16", "!10.1.0.1"), e.get(1).addresses());
        assertEquals(List.of("mtu", "1400", "ipparam", "bob home"), e.get(1).options());
        assertEquals(List.of("-"), e.get(2).addresses());
        // The backslash-newline continues carol's line, so both addresses are hers.
        assertEquals(List.of("10.2.0.3", "10.2.0.4"), e.get(3).addresses());
        assertEquals(List.of(), e.get(4).addresses()); // x#y: the rest of the line is a comment
    }

    @Test
    void optionsWithoutAddresses_andSecondSeparatorIsAnOption() throws OptionException {
        SecretsEntry e = SecretsFile.parse("a b c -- debug -- x\n", FILE).entries().get(0);
        assertEquals(List.of(), e.addresses());
        assertEquals(List.of("debug", "--", "x"), e.options());
    }

    @Test
    void emptyFile_noEntries() throws OptionException {
        assertEquals(List.of(), SecretsFile.parse("# nothing\n\n", FILE).entries());
    }

    @Test
    void lineWithTwoWords_isAnErrorNamingFileAndLine_withoutTheWords() {
        OptionException ex = assertThrows(OptionException.class,
                () -> SecretsFile.parse("alice gw pw\nbob hunter2\n", FILE));
        assertEquals("In file /etc/ppp/chap-secrets (line 2): entry has 2 words (expected client, server and secret)",
                ex.getMessage());
        assertEquals(2, ex.line());
    }

    @Test
    void lineWithOneWord_isAnError() {
        OptionException ex = assertThrows(OptionException.class, () -> SecretsFile.parse("\n\nhunter2\n", FILE));
        assertEquals("In file /etc/ppp/chap-secrets (line 3): entry has 1 word (expected client, server and secret)",
                ex.getMessage());
    }

    @Test
    void unclosedQuote_isAnErrorNamingFileAndLine_withoutTheSecret() {
        OptionException ex = assertThrows(OptionException.class,
                () -> SecretsFile.parse("a b c\nalice gw \"hunter2\n", FILE));
        assertEquals("In file /etc/ppp/chap-secrets (line 2): quoted word starting here runs to the end of the file"
                + " (missing closing \")", ex.getMessage());
        assertFalse(ex.getMessage().contains("hunter2"));
    }

    @Test
    void toString_neverShowsTheSecret() throws OptionException {
        Secrets secrets = SecretsFile.parse("alice gw hunter2 10.0.0.1 -- debug\n", FILE);
        assertFalse(secrets.toString().contains("hunter2"));
        assertFalse(secrets.entries().get(0).toString().contains("hunter2"));
        assertTrue(secrets.entries().get(0).toString().contains("Secret[hidden]"));
    }

    // ---- @/path secrets (auth.c scan_authfile) ----

    @Test
    void indirectSecret_isTheFirstWordOfTheFile() throws Exception {
        Path pw = write("pw", "\"pass word\" ignored\nmore\n", "rw-------");
        SecretsEntry e = SecretsFile.parse("alice gw @" + pw + " 10.0.0.1\n", FILE).entries().get(0);
        assertEquals("pass word", e.secret().reveal());
        assertEquals(List.of("10.0.0.1"), e.addresses());
    }

    @Test
    void atWithoutAbsolutePath_isALiteralSecret() throws OptionException {
        assertEquals("@pw", SecretsFile.parse("a b @pw\n", FILE).entries().get(0).secret().reveal());
    }

    @Test
    void unreadableIndirectSecret_dropsTheEntryWithAWarning_andALesserMatchWins() throws OptionException {
        Path missing = dir.resolve("missing");
        try (LogCapture log = new LogCapture(SecretsFile.class)) {
            Secrets secrets = SecretsFile.parse("alice gw @" + missing + "\n* gw fallback\n", FILE);
            assertEquals(1, secrets.entries().size());
            assertEquals("fallback", secrets.lookup("alice", "gw").orElseThrow().secret().reveal());
            assertEquals(List.of("can't open indirect secret file " + missing), log.messages(Level.WARN));
        }
    }

    @Test
    void emptyIndirectSecretFile_dropsTheEntryWithAWarning() throws Exception {
        Path empty = write("empty", "# only a comment\n", "rw-------");
        try (LogCapture log = new LogCapture(SecretsFile.class)) {
            assertEquals(List.of(), SecretsFile.parse("alice gw @" + empty + "\n", FILE).entries());
            assertEquals(List.of("no secret in indirect secret file " + empty), log.messages(Level.WARN));
        }
    }

    // ---- permissions (auth.c check_access) ----

    @Test
    void groupReadableFile_warnsNamingTheFile_notTheSecret() throws Exception {
        Path file = write("chap-secrets", "alice gw hunter2\n", "rw-r-----");
        try (LogCapture log = new LogCapture(SecretsFile.class)) {
            Secrets secrets = SecretsFile.parse(file);
            assertEquals("hunter2", secrets.entries().get(0).secret().reveal());
            assertEquals(List.of("Warning - secret file " + file + " has world and/or group access"),
                    log.messages(Level.WARN));
            assertTrue(log.all().stream().noneMatch(m -> m.contains("hunter2")));
        }
    }

    @Test
    void worldExecutableFile_warnsToo() throws Exception {
        Path file = write("pap-secrets", "a b c\n", "rw------x");
        try (LogCapture log = new LogCapture(SecretsFile.class)) {
            SecretsFile.parse(file);
            assertEquals(1, log.messages(Level.WARN).size());
        }
    }

    @Test
    void ownerOnlyFile_noWarning() throws Exception {
        Path file = write("chap-secrets", "alice gw hunter2\n", "rw-------");
        try (LogCapture log = new LogCapture(SecretsFile.class)) {
            assertEquals(1, SecretsFile.parse(file).entries().size());
            assertEquals(List.of(), log.all());
        }
    }

    @Test
    void indirectSecretFile_isCheckedToo() throws Exception {
        Path pw = write("pw", "hunter2\n", "rw-rw-rw-");
        Path file = write("chap-secrets", "alice gw @" + pw + "\n", "rw-------");
        try (LogCapture log = new LogCapture(SecretsFile.class)) {
            assertEquals("hunter2", SecretsFile.parse(file).entries().get(0).secret().reveal());
            assertEquals(List.of("Warning - secret file " + pw + " has world and/or group access"),
                    log.messages(Level.WARN));
        }
    }

    @Test
    void missingFile_isAnIOException() {
        assertThrows(IOException.class, () -> SecretsFile.parse(dir.resolve("nope")));
    }

    @Test
    void unusableAddressWord_isSkippedWithAWarningNamingFileAndLine() throws OptionException {
        try (LogCapture log = new LogCapture(SecretsFile.class)) {
            SecretsEntry e = SecretsFile.parse("\nalice gw hunter2 gw.example 10.0.0.9/40 10.0.0.9\n", FILE)
                    .entries().get(0);
            assertEquals(List.of("gw.example", "10.0.0.9/40", "10.0.0.9"), e.addresses());
            assertEquals(1, e.addressRules().size());
            assertTrue(e.allowsAddress(ip("10.0.0.9")));
            assertEquals(List.of(
                    "In file /etc/ppp/chap-secrets (line 2): unknown host gw.example in auth. address list",
                    "In file /etc/ppp/chap-secrets (line 2): invalid address length 40 in auth. address list"),
                    log.messages(Level.WARN));
            assertTrue(log.all().stream().noneMatch(m -> m.contains("hunter2")));
        }
    }

    @Test
    void lookupOnParsedFile() throws OptionException {
        Secrets secrets = SecretsFile.parse(GOLDEN, FILE);
        assertEquals(Optional.of("open sesame"), secrets.lookup("alice", "gw").map(x -> x.secret().reveal()));
        assertEquals(Optional.of(""), secrets.lookup("zed", "gw").map(x -> x.secret().reveal()));
        assertEquals(Optional.of("x"), secrets.lookup("dave", "my gw").map(x -> x.secret().reveal()));
        assertEquals(Optional.empty(), secrets.lookup("zed", "other"));
    }

    private Path write(String name, String content, String permissions) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
