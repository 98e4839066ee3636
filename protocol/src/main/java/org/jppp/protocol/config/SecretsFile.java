package org.jppp.protocol.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jppp.protocol.auth.Secret;
import org.jppp.protocol.config.OptionsTokenizer.Word;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pap-secrets and chap-secrets files (pppd(8) "AUTHENTICATION"; auth.c scan_authfile,
 * set_allowed_addrs, check_access). Words are split exactly as in options files, by
 * {@link OptionsTokenizer}; each logical line (backslash-newline continues one) is an entry
 * {@code client server secret [address ...] [-- option ...]}.
 *
 * <p>Where jppp differs from pppd:
 * <ul>
 *   <li>pppd silently skips a line with fewer than three words; jppp refuses the file with an
 *       error naming the file and line, since a broken line is usually a quoting mistake that
 *       would otherwise surface as a puzzling authentication failure. The message never quotes
 *       the line's words, one of which may be a secret.</li>
 *   <li>pppd reads a {@code @/path} secret only when that entry is the best match so far; jppp
 *       reads all of them while parsing. An entry whose file cannot be read, or holds no word,
 *       is dropped with pppd's warning either way, so lookups give the same answer.</li>
 *   <li>Address words are numeric only (see {@link SecretsAddressRule}).</li>
 * </ul>
 *
 * <p>Nothing here logs or throws a secret: warnings name files, lines and address words only.
 */
public final class SecretsFile {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsFile.class);

    /** The word that separates the address list from per-peer options. */
    static final String OPTIONS_SEPARATOR = "--";

    /** pppd's check_access mask: S_IRWXG | S_IRWXO. */
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretsFile() {
    }

    /**
     * Reads and parses a secrets file (UTF-8), warning when group or others have any access to it.
     *
     * @throws IOException     the file cannot be read
     * @throws OptionException a quoted word is never closed, or a line has fewer than three words
     */
    public static Secrets parse(Path path) throws IOException, OptionException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        warnIfAccessible(path);
        return parse(text, path.toString());
    }

    /**
     * Parses the text of a secrets file. {@code @/path} secrets are still read from the file
     * system.
     *
     * @param fileName used in messages and recorded in each entry
     * @throws OptionException a quoted word is never closed, or a line has fewer than three words
     */
    public static Secrets parse(String text, String fileName) throws OptionException {
        List<List<Word>> lines;
        try {
            lines = OptionsTokenizer.tokenizeLines(text);
        } catch (OptionException e) {
            throw e.in(fileName, 0);
        }
        List<SecretsEntry> entries = new ArrayList<>();
        for (List<Word> line : lines) {
            entry(line, fileName).ifPresent(entries::add);
        }
        return new Secrets(fileName, entries);
    }

    private static Optional<SecretsEntry> entry(List<Word> words, String file) throws OptionException {
        int line = words.get(0).line();
        if (words.size() < 3) {
            throw new OptionException("entry has " + words.size() + (words.size() == 1 ? " word" : " words")
                    + " (expected client, server and secret)").in(file, line);
        }
        Optional<Secret> secret = secret(words.get(2).text());
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        List<String> addresses = new ArrayList<>();
        List<String> options = new ArrayList<>();
        List<String> target = addresses;
        for (Word word : words.subList(3, words.size())) {
            if (target == addresses && word.text().equals(OPTIONS_SEPARATOR)) {
                target = options;
            } else {
                target.add(word.text());
            }
        }
        List<SecretsAddressRule> rules = new ArrayList<>();
        boolean any = addressRules(addresses, rules, file, line);
        return Optional.of(new SecretsEntry(words.get(0).text(), words.get(1).text(), secret.get(),
                addresses, rules, any, options, file, line));
    }

    /**
     * The secret word itself, or for {@code @/path} the first word of that file (read with the
     * same tokenizer, as pppd's getword does). Only an absolute path counts: pppd takes
     * {@code @} followed by anything else as a literal secret.
     */
    private static Optional<Secret> secret(String word) {
        if (!word.startsWith("@/")) {
            return Optional.of(Secret.of(word));
        }
        Path indirect = Path.of(word.substring(1));
        String text;
        try {
            text = Files.readString(indirect, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("can't open indirect secret file {}", indirect);
            return Optional.empty();
        }
        warnIfAccessible(indirect);
        try {
            List<Word> secretWords = OptionsTokenizer.tokenize(text);
            if (!secretWords.isEmpty()) {
                return Optional.of(Secret.of(secretWords.get(0).text()));
            }
        } catch (OptionException e) {
            // An unclosed quote: treated like an empty file below, without echoing any text.
        }
        LOG.warn("no secret in indirect secret file {}", indirect);
        return Optional.empty();
    }

    /**
     * Fills {@code rules} from the address words as auth.c set_allowed_addrs reads them: stop at
     * {@code -} (nothing further is allowed) or {@code *} (everything further is), skip a word
     * that is not an address with pppd's warning. Returns whether a {@code *} was reached.
     */
    private static boolean addressRules(List<String> words, List<SecretsAddressRule> rules, String file, int line) {
        for (String word : words) {
            if (word.equals("-")) {
                return false;
            }
            if (word.equals(SecretsEntry.WILDCARD)) {
                return true;
            }
            try {
                rules.add(SecretsAddressRule.parse(word));
            } catch (IllegalArgumentException e) {
                LOG.warn("In file {} (line {}): {}", file, line, e.getMessage());
            }
        }
        return false;
    }

    /** pppd's check_access: warn when group or others have any permission on a secrets file. */
    static void warnIfAccessible(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                LOG.warn("Warning - secret file {} has world and/or group access", path);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: there are no group and other bits to check.
        } catch (IOException e) {
            LOG.warn("cannot stat secret file {}: {}", path, e.getMessage());
        }
    }
}
