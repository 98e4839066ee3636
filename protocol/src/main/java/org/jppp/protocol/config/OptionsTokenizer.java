package org.jppp.protocol.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a pppd options file (or secrets file) into words, the way pppd's
 * {@code getword()} in options.c reads them:
 * <ul>
 *   <li>words are separated by white space (space, tab, newline, CR, VT, FF);</li>
 *   <li>{@code #} outside quotes starts a comment that runs to the end of the line, also right
 *       after a word ({@code persist#x} is the word {@code persist}); a backslash does not
 *       continue a comment;</li>
 *   <li>{@code "} or {@code '} quote: up to the same quote character everything is literal
 *       (white space, {@code #}, newlines, the other quote character); quotes may appear in
 *       the middle of a word and do not nest ({@code ab"c d"e} is {@code abc de});
 *       {@code ""} is an empty word;</li>
 *   <li>a backslash escapes, also inside quotes: {@code \a \b \f \n \r \t}, {@code \s} for a
 *       space, {@code \ddd} (one to three octal digits), {@code \xHH} (zero to two hex digits),
 *       and any other character stands for itself ({@code \\ \" \' \#}); a backslash before a
 *       newline removes both (line continuation).</li>
 * </ul>
 * pppd has no {@code \^C} control escape in options files (chat has): {@code \^} is a plain
 * {@code ^}. Where pppd only warns about a quoted word running to the end of the file, jppp
 * refuses the text, naming the line where the word starts. pppd's 1024-byte word limit is not
 * imposed.
 */
public final class OptionsTokenizer {

    /** One word of an options file and the 1-based line on which it starts. */
    public record Word(String text, int line) {
        @Override
        public String toString() {
            return text + "@" + line;
        }
    }

    private final String text;
    private int pos;
    private int line = 1;
    /** Whether skipToWord passed an unescaped newline: pppd getword's {@code *newlinep}. */
    private boolean newlineSeen;

    private OptionsTokenizer(String text) {
        this.text = text;
    }

    /**
     * The words of {@code text} in order.
     *
     * @throws OptionException naming the line where a quoted word starts that is never closed
     */
    public static List<Word> tokenize(String text) throws OptionException {
        OptionsTokenizer t = new OptionsTokenizer(text);
        List<Word> words = new ArrayList<>();
        while (t.skipToWord()) {
            words.add(t.readWord());
        }
        return List.copyOf(words);
    }

    /**
     * The words of {@code text} grouped into logical lines, as pppd's secrets-file scanner sees
     * them through getword's newline flag: a word starts a new line when an unescaped newline
     * lies between it and the previous word. A backslash-newline continues the line, and a
     * newline inside a quoted word does not start one. Empty lines are not returned.
     *
     * @throws OptionException naming the line where a quoted word starts that is never closed
     */
    public static List<List<Word>> tokenizeLines(String text) throws OptionException {
        OptionsTokenizer t = new OptionsTokenizer(text);
        List<List<Word>> lines = new ArrayList<>();
        List<Word> current = null;
        while (t.skipToWord()) {
            if (current == null || t.newlineSeen) {
                current = new ArrayList<>();
                lines.add(current);
            }
            t.newlineSeen = false;
            current.add(t.readWord());
        }
        return lines.stream().map(List::copyOf).toList();
    }

    /** Skips white space, comments and line continuations; false at the end of the text. */
    private boolean skipToWord() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '\\' && pos + 1 == text.length()) {
                pos++;
            } else if (isSpace(c)) {
                newlineSeen |= consume() == '\n';
            } else {
                return true;
            }
        }
        return false;
    }

    private Word readWord() throws OptionException {
        int startLine = line;
        StringBuilder word = new StringBuilder();
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                escape(word);
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    pos++;
                } else {
                    word.append(consume());
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                pos++;
            } else if (isSpace(c) || c == '#') {
                break;
            } else {
                word.append(consume());
            }
        }
        if (quote != 0) {
            throw new OptionException("quoted word starting here runs to the end of the file "
                    + "(missing closing " + quote + ")", startLine);
        }
        return new Word(word.toString(), startLine);
    }

    /** Reads the escape at {@code pos} (a backslash) and appends what it stands for. */
    private void escape(StringBuilder word) {
        pos++;
        if (pos >= text.length()) {
            return;
        }
        char c = consume();
        switch (c) {
            case '\n' -> { }
            case 'a' -> word.append('\u0007');
            case 'b' -> word.append('\b');
            case 'f' -> word.append('\f');
            case 'n' -> word.append('\n');
            case 'r' -> word.append('\r');
            case 's' -> word.append(' ');
            case 't' -> word.append('\t');
            case 'x' -> word.append((char) digits(0, 2, 16));
            default -> {
                if (c >= '0' && c <= '7') {
                    // A char holds one byte in pppd: \777 keeps its low eight bits.
                    word.append((char) (digits(c - '0', 2, 8) & 0xFF));
                } else {
                    word.append(c);
                }
            }
        }
    }

    /** Reads up to {@code max} more digits of {@code radix} onto {@code value}. */
    private int digits(int value, int max, int radix) {
        int v = value;
        for (int n = 0; n < max && pos < text.length(); n++) {
            char c = text.charAt(pos);
            int d = c < 0x80 ? Character.digit(c, radix) : -1;
            if (d < 0) {
                break;
            }
            v = v * radix + d;
            pos++;
        }
        return v;
    }

    private char consume() {
        char c = text.charAt(pos++);
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** C's isspace() in the "C" locale, which pppd uses. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
