package org.jppp.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jppp.protocol.config.OptionsTokenizer.Word;
import org.junit.jupiter.api.Test;

/** The word rules of pppd's getword() (options.c), one rule per test. */
class OptionsTokenizerTest {

    private static List<String> texts(String text) throws OptionException {
        return OptionsTokenizer.tokenize(text).stream().map(Word::text).toList();
    }

    @Test
    void whitespaceSeparatesWords() throws OptionException {
        assertEquals(List.of("mru", "1492", "persist", "noauth"),
                texts("  mru\t1492\n\npersist \r\n\u000B\fnoauth  "));
    }

    @Test
    void emptyAndBlankTextHaveNoWords() throws OptionException {
        assertEquals(List.of(), texts(""));
        assertEquals(List.of(), texts(" \n\t\n"));
        assertEquals(List.of(), texts("# only a comment"));
    }

    @Test
    void wordsCarryTheLineTheyStartOn() throws OptionException {
        assertEquals(List.of(new Word("a", 1), new Word("b", 1), new Word("c", 3), new Word("d", 4)),
                OptionsTokenizer.tokenize("a b\n\nc\n   d\n"));
    }

    @Test
    void hashStartsACommentToTheEndOfTheLine() throws OptionException {
        assertEquals(List.of("persist", "noauth"), texts("# header\npersist # keep it up\nnoauth"));
    }

    @Test
    void hashRightAfterAWordEndsTheWordAndStartsAComment() throws OptionException {
        assertEquals(List.of("persist", "noauth"), texts("persist#comment text\nnoauth"));
    }

    @Test
    void backslashDoesNotContinueAComment() throws OptionException {
        assertEquals(List.of("noauth"), texts("# comment \\\nnoauth"));
    }

    @Test
    void doubleQuotesGroupWhitespaceAndHash() throws OptionException {
        assertEquals(List.of("user", "some one # not a comment"),
                texts("user \"some one # not a comment\""));
    }

    @Test
    void singleQuotesGroupAndKeepDoubleQuotesLiteral() throws OptionException {
        assertEquals(List.of("say \"hi\""), texts("'say \"hi\"'"));
        assertEquals(List.of("it's"), texts("\"it's\""));
    }

    @Test
    void quotesMayStartAndEndInsideAWord() throws OptionException {
        assertEquals(List.of("abc de", "x"), texts("ab\"c d\"e x"));
    }

    @Test
    void emptyQuotesAreAnEmptyWord() throws OptionException {
        assertEquals(List.of("remotename", "", "persist"), texts("remotename \"\" persist"));
        assertEquals(List.of(""), texts("''"));
    }

    @Test
    void quotedWordMaySpanLinesAndLaterWordsCountThem() throws OptionException {
        assertEquals(List.of(new Word("a\nb", 1), new Word("c", 2)),
                OptionsTokenizer.tokenize("\"a\nb\" c"));
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereTheWordStarts() {
        OptionException e = assertThrows(OptionException.class,
                () -> OptionsTokenizer.tokenize("persist\nuser \"abc\n\ndef"));
        assertEquals(2, e.line());
        assertEquals("line 2: quoted word starting here runs to the end of the file (missing closing \")",
                e.getMessage());
        assertEquals("In file /etc/ppp/peers/isp (line 2): quoted word starting here runs to the end "
                + "of the file (missing closing \")", e.in("/etc/ppp/peers/isp", 0).getMessage());
    }

    @Test
    void unterminatedSingleQuoteIsRefusedToo() {
        OptionException e = assertThrows(OptionException.class, () -> OptionsTokenizer.tokenize("'abc"));
        assertEquals(1, e.line());
    }

    @Test
    void backslashEscapesQuotesBackslashAndHash() throws OptionException {
        assertEquals(List.of("a\"b", "c'd", "e\\f", "#g"), texts("a\\\"b c\\'d e\\\\f \\#g"));
    }

    @Test
    void backslashEscapesWorkInsideQuotes() throws OptionException {
        assertEquals(List.of("pa\"ss word"), texts("\"pa\\\"ss word\""));
    }

    @Test
    void letterEscapesGiveControlCharacters() throws OptionException {
        assertEquals(List.of("\u0007\b\f\n\r\t"), texts("\\a\\b\\f\\n\\r\\t"));
    }

    @Test
    void backslashSIsASpace() throws OptionException {
        assertEquals(List.of("two words"), texts("two\\swords"));
    }

    @Test
    void backslashSpaceKeepsTheSpaceInTheWord() throws OptionException {
        assertEquals(List.of("a b"), texts("a\\ b"));
    }

    @Test
    void octalEscapesTakeOneToThreeDigits() throws OptionException {
        assertEquals(List.of("A", "\u0000x", "S4", "\u00ff"), texts("\\101 \\0x \\1234 \\777"));
    }

    @Test
    void hexEscapesTakeUpToTwoDigits() throws OptionException {
        assertEquals(List.of("A", "\u00abc", "\u0000z", "\u000f"), texts("\\x41 \\xabc \\xz \\xF"));
    }

    @Test
    void otherEscapedCharactersStandForThemselves() throws OptionException {
        assertEquals(List.of("^C", "q", "v"), texts("\\^C \\q \\v"));
    }

    @Test
    void backslashNewlineContinuesTheWordOnTheNextLine() throws OptionException {
        assertEquals(List.of(new Word("foobar", 1), new Word("baz", 2)),
                OptionsTokenizer.tokenize("foo\\\nbar baz"));
    }

    @Test
    void backslashNewlineBetweenWordsIsRemoved() throws OptionException {
        assertEquals(List.of(new Word("mru", 1), new Word("1492", 2)),
                OptionsTokenizer.tokenize("mru \\\n 1492"));
        assertEquals(List.of(new Word("x", 2)), OptionsTokenizer.tokenize("\\\nx"));
    }

    @Test
    void escapeMayStartAWord() throws OptionException {
        assertEquals(List.of(new Word(" lead", 2)), OptionsTokenizer.tokenize("\n\\slead"));
    }

    @Test
    void trailingBackslashAtEndOfTextIsDropped() throws OptionException {
        assertEquals(List.of("abc"), texts("abc\\"));
        assertEquals(List.of("abc"), texts("abc \\"));
    }

    @Test
    void crlfLineEndsAreWhitespace() throws OptionException {
        assertEquals(List.of(new Word("persist", 1), new Word("mtu", 2), new Word("1492", 2)),
                OptionsTokenizer.tokenize("persist\r\nmtu 1492\r\n"));
    }
}
