package org.jppp.tests.serial;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading logs the way the tests do: how many times a line (or any pattern) has been logged. */
public final class Logs {
    private Logs() {}

    /** The number of (non-overlapping) matches of {@code pattern} in {@code text}. */
    public static int count(CharSequence text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** {@code text} as a pattern matching itself only (a log line's fixed wording). */
    public static Pattern literal(String text) {
        return Pattern.compile(text, Pattern.LITERAL);
    }
}
