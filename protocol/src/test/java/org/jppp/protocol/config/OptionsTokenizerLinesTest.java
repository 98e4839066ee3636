package org.jppp.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OptionsTokenizer#tokenizeLines}: logical lines as pppd getword's newline flag gives them. */
class OptionsTokenizerLinesTest {

    private static List<List<String>> lines(String text) throws OptionException {
        return OptionsTokenizer.tokenizeLines(text).stream()
                .map(line -> line.stream().map(OptionsTokenizer.Word::text).toList())
                .toList();
    }

    @Test
    void eachNewlineStartsALine_blankAndCommentLinesVanish() throws OptionException {
        assertEquals(List.of(List.of("a", "b"), List.of("c")), lines("a b\n\n# comment\n   \nc # tail\n"));
    }

    @Test
    void backslashNewlineContinuesTheLine() throws OptionException {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d")), lines("a b \\\n   c\nd"));
    }

    @Test
    void newlineInsideAQuotedWordDoesNotStartALine() throws OptionException {
        assertEquals(List.of(List.of("a", "x\ny", "b"), List.of("c")), lines("a \"x\ny\" b\nc"));
    }

    @Test
    void wordsKeepTheirStartLine() throws OptionException {
        List<List<OptionsTokenizer.Word>> lines = OptionsTokenizer.tokenizeLines("\n\na b \\\n c\n");
        assertEquals(List.of(new OptionsTokenizer.Word("a", 3), new OptionsTokenizer.Word("b", 3),
                new OptionsTokenizer.Word("c", 4)), lines.get(0));
    }

    @Test
    void emptyText_noLines() throws OptionException {
        assertEquals(List.of(), lines(""));
        assertEquals(List.of(), lines("# only a comment\n"));
    }
}
