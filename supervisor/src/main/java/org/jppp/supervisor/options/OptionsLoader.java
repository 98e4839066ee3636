package org.jppp.supervisor.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jppp.protocol.config.Limits;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.OptionsTokenizer;
import org.jppp.protocol.config.OptionsTokenizer.Word;
import org.jppp.supervisor.options.OptionSpec.Kind;

/**
 * Reads options in pppd's order (main.c, options.c): {@code $ETC/options}, then the command line
 * from left to right, where {@code call NAME} reads {@code $ETC/peers/NAME} and {@code file F}
 * reads F at that point, then {@code $ETC/options.TTYNAME} for a tty device. A later option
 * overrides an earlier one. Each value remembers its source for {@code dryrun}.
 */
public final class OptionsLoader {
    /** The source pppd prints for options given as arguments. */
    public static final String COMMAND_LINE = "command line";
    private static final int MAX_NESTING = 16;
    private static final List<String> PPPOE_PLUGINS = List.of("rp-pppoe.so", "pppoe.so");

    private final Path etcDir;
    private final SystemProbe probe;
    private final Consumer<String> info;
    private final OptionValues values;
    private boolean pluginLoaded;
    private int nesting;

    private OptionsLoader(Path etcDir, Map<String, Object> defaults, SystemProbe probe, Consumer<String> info) {
        this.etcDir = etcDir;
        this.probe = probe;
        this.info = info;
        this.values = new OptionValues(defaults);
    }

    /**
     * Reads every option source of one run.
     *
     * @param etcDir   the configuration root (pppd: /etc/ppp)
     * @param args     the command-line words
     * @param defaults the value of every key before any option (from application.conf)
     * @param info     receives pppd's informational lines, e.g. {@code Plugin rp-pppoe.so loaded.}
     */
    public static OptionValues load(Path etcDir, List<String> args, Map<String, Object> defaults,
            SystemProbe probe, Consumer<String> info) throws OptionException {
        OptionsLoader loader = new OptionsLoader(etcDir, defaults, probe, info);
        loader.readFile(etcDir.resolve("options"), false);
        loader.apply(args.stream().map(a -> new Word(a, 0)).toList(), COMMAND_LINE, null);
        Optional<String> device = loader.values.string(OptionTable.DEVICE);
        if (device.isPresent() && !loader.pluginLoaded) {
            loader.readFile(etcDir.resolve("options." + ttyName(device.get())), false);
        }
        return loader.values;
    }

    /** pppd's options_for_tty name: the path without /dev/, slashes turned into dots. */
    static String ttyName(String device) {
        String dev = device.startsWith("/dev/") ? device.substring(5) : device;
        return dev.replace('/', '.');
    }

    private void readFile(Path file, boolean mustExist) throws OptionException {
        String name = file.toString();
        if (!Files.exists(file)) {
            if (!mustExist) {
                return;
            }
            throw new OptionException("Can't open options file " + name + ": No such file or directory");
        }
        if (nesting >= MAX_NESTING) {
            throw new OptionException("options files nested more than " + MAX_NESTING + " deep at " + name);
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new OptionException("Can't open options file " + name + ": No such file or directory");
        } catch (IOException e) {
            throw new OptionException("Can't open options file " + name + ": " + e.getMessage());
        }
        List<Word> words;
        try {
            words = OptionsTokenizer.tokenize(text);
        } catch (OptionException e) {
            throw e.in(name, 0);
        }
        nesting++;
        apply(words, name, name);
        nesting--;
    }

    /** Applies {@code words} from {@code source}; errors are located in {@code file} when not null. */
    private void apply(List<Word> words, String source, String file) throws OptionException {
        int i = 0;
        while (i < words.size()) {
            Word w = words.get(i);
            try {
                i = applyOne(words, i, source);
            } catch (OptionException e) {
                throw file == null || e.file() != null ? e : e.in(file, w.line());
            }
        }
    }

    private int applyOne(List<Word> words, int i, String source) throws OptionException {
        String word = words.get(i).text();
        Optional<OptionSpec> found = OptionTable.find(word, pluginLoaded);
        if (found.isEmpty()) {
            byForm(word, source);
            return i + 1;
        }
        OptionSpec spec = found.get();
        if (spec.kind() == Kind.UNSUPPORTED) {
            // The row's help is "not supported by jppp", with the reason after a colon where one helps.
            throw new OptionException("option '" + word + "' is " + spec.help());
        }
        if (i + spec.arguments() >= words.size()) {
            throw new OptionException("too few parameters for option '" + word + "'");
        }
        String arg = spec.arguments() == 1 ? words.get(i + 1).text() : null;
        set(spec, arg, source);
        return i + 1 + spec.arguments();
    }

    private void set(OptionSpec spec, String arg, String source) throws OptionException {
        String name = spec.name();
        String key = spec.key();
        switch (spec.kind()) {
            case FLAG -> values.put(key, spec.value(), name, source);
            case IGNORED -> values.put(key, Boolean.TRUE, name, source);
            case INCREMENT -> {
                int level = values.isSet(key) ? values.integer(key) + 1 : 1;
                values.put(key, level, String.join(" ", Collections.nCopies(level, name)), source);
            }
            case INT -> {
                int v = Arguments.integer(name, arg, spec.range());
                values.put(key, v, name + " " + v, source);
            }
            case DECIMAL -> {
                double v = Arguments.factor(name, arg);
                values.put(key, v, name + " " + arg, source);
            }
            case HEX_OR -> {
                int v = Arguments.hex32(name, arg) | values.optionalInt(key).orElse(0);
                values.put(key, v, name + " " + Integer.toHexString(v), source);
            }
            case STRING -> values.put(key, arg, name + " " + Arguments.quoted(arg), source);
            case SECRET -> values.put(key, arg, name + " ??????", source);
            case IPV4 -> {
                var mask = Arguments.netmask(arg);
                values.put(key, mask, name + " " + mask.getHostAddress(), source);
            }
            case IPV4_LIST -> {
                var a = Arguments.address(name, arg);
                // pppd keeps two: a third replaces the second (ipcp.c setdnsaddr/setwinsaddr).
                values.append(key, a, name + " " + a.getHostAddress(), source, 2);
            }
            case IPV6_IDS -> {
                InterfaceIds ids = Arguments.interfaceIds(arg);
                InterfaceIds merged = values.get(key).map(InterfaceIds.class::cast)
                        .map(old -> old.overriddenBy(ids)).orElse(ids);
                values.put(key, merged, name + " " + arg, source);
            }
            case FILE -> readFile(path(arg, Path.of("")), true);
            case CALL -> readFile(path(checkedPeerName(arg), etcDir.resolve("peers")), true);
            case PLUGIN -> loadPlugin(arg, source);
            case UNSUPPORTED, WILD -> throw new IllegalStateException("not a settable row: " + name);
        }
    }

    /** {@code name} resolved against {@code dir}, or the error pppd gives for a file it cannot open. */
    private static Path path(String name, Path dir) throws OptionException {
        try {
            return dir.resolve(name);
        } catch (InvalidPathException e) {
            throw new OptionException("Can't open options file " + Arguments.quoted(name) + ": " + e.getReason());
        }
    }

    /** pppd's callfile(): no leading /, no empty name, no ".." component. */
    private static String checkedPeerName(String name) throws OptionException {
        boolean ok = !name.isEmpty() && !name.startsWith("/");
        for (String part : name.split("/", -1)) {
            ok &= !part.equals("..");
        }
        if (!ok) {
            throw new OptionException("call option value may not contain .. or start with /");
        }
        return name;
    }

    private void loadPlugin(String arg, String source) throws OptionException {
        String base = arg.substring(arg.lastIndexOf('/') + 1);
        if (!PPPOE_PLUGINS.contains(base)) {
            throw new OptionException("plugin '" + arg + "' is not supported by jppp"
                    + " (only rp-pppoe.so and pppoe.so, built in)");
        }
        values.append("plugin", arg, "plugin " + Arguments.quoted(arg), source, Integer.MAX_VALUE);
        if (!pluginLoaded) {
            pluginLoaded = true;
            info.accept("Plugin " + arg + " loaded.");
        }
    }

    /**
     * A word that is no option name: in pppd's order, the PPPoE plugin's interface, a tty device,
     * a speed, then {@code local:remote}.
     */
    private void byForm(String word, String source) throws OptionException {
        if (pluginLoaded && word.startsWith("nic-") && word.length() > 4) {
            values.put(OptionTable.NIC, word.substring(4), word, source);
        } else if (pluginLoaded && probe.interfaceExists(word)) {
            values.put(OptionTable.NIC, word, word, source);
        } else if (word.startsWith("/") || probe.deviceExists(word)) {
            String path = word.startsWith("/") ? word : "/dev/" + word;
            values.put(OptionTable.DEVICE, path, path, source);
        } else if (!word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int speed = Arguments.integer(OptionTable.SPEED, word, Limits.POSITIVE);
            values.put(OptionTable.SPEED, speed, Integer.toString(speed), source);
        } else if (word.indexOf(':') >= 0 && !word.equals(":")) {
            AddressPair pair = Arguments.addressPair(word);
            AddressPair merged = values.get(OptionTable.ADDRESSES).map(AddressPair.class::cast)
                    .map(old -> old.overriddenBy(pair)).orElse(pair);
            values.put(OptionTable.ADDRESSES, merged, merged.printed(), source);
        } else {
            throw new OptionException("unrecognized option '" + word + "'");
        }
    }
}
