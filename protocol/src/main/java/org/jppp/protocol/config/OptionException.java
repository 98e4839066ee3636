package org.jppp.protocol.config;

/**
 * A user error in pppd options: an unknown or unsupported word, a missing or bad argument, a
 * malformed options file. The message is what pppd would print, extended with where the error
 * is: {@code In file /etc/ppp/peers/isp (line 7): unrecognized option 'bogus'} for a file,
 * the bare detail for the command line.
 *
 * <p>It is never shown with a stack trace: the command-line front end prints the message and
 * exits with pppd's EXIT_OPTION_ERROR (2).
 */
public final class OptionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String detail;
    private final String file;
    private final int line;

    /** An error with no known location (the command line, or a value check). */
    public OptionException(String detail) {
        this(detail, null, 0);
    }

    /** An error at a line of text whose file name is not known yet (the tokenizer). */
    public OptionException(String detail, int line) {
        this(detail, null, line);
    }

    private OptionException(String detail, String file, int line) {
        super(format(detail, file, line));
        this.detail = detail;
        this.file = file;
        this.line = line;
    }

    /** The same error, located in {@code file} at {@code line} (a line of 0 keeps this one's). */
    public OptionException in(String file, int line) {
        return new OptionException(detail, file, line > 0 ? line : this.line);
    }

    /** The message without the location, e.g. {@code unrecognized option 'bogus'}. */
    public String detail() {
        return detail;
    }

    /** The file the error is in, or null (command line, or not yet known). */
    public String file() {
        return file;
    }

    /** The 1-based line of the error, or 0 when unknown. */
    public int line() {
        return line;
    }

    private static String format(String detail, String file, int line) {
        if (file != null) {
            return "In file " + file + (line > 0 ? " (line " + line + ")" : "") + ": " + detail;
        }
        return line > 0 ? "line " + line + ": " + detail : detail;
    }
}
