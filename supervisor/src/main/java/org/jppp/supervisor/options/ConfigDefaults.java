package org.jppp.supervisor.options;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jppp.protocol.config.IntRange;
import org.jppp.protocol.config.Limits;
import org.jppp.protocol.config.OptionException;
import org.jppp.supervisor.options.OptionSpec.Kind;

/**
 * The defaults of the options: the {@code pppd} block of application.conf (packaged in the jar),
 * overridden by {@code $JPPP_ETC_DIR/jppp.conf} when that file exists. Read once per run, and
 * checked like option words: a key that is no supported option, or a value out of range, is an
 * error naming the key.
 */
public final class ConfigDefaults {
    private ConfigDefaults() {}

    /** The environment variable and system property that override {@code jppp.etc-dir}. */
    public static final String ETC_DIR_ENV = "JPPP_ETC_DIR";
    public static final String ETC_DIR_PROPERTY = "jppp.etc-dir";

    /** The configuration root: $JPPP_ETC_DIR, else jppp.etc-dir (a -D system property wins over application.conf). */
    public static Path etcDir(Map<String, String> env, Config config) {
        String fromEnv = env.get(ETC_DIR_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Path.of(fromEnv);
        }
        return Path.of(config.getString(ETC_DIR_PROPERTY));
    }

    /** application.conf (with system properties), then {@code etcDir/jppp.conf} over it if present. */
    public static Config config(Config base, Path etcDir) throws OptionException {
        Path site = etcDir.resolve("jppp.conf");
        if (!Files.isRegularFile(site)) {
            return base;
        }
        try {
            return ConfigFactory.parseFile(site.toFile()).withFallback(base).resolve();
        } catch (ConfigException e) {
            throw new OptionException("In file " + site + ": " + e.getMessage());
        }
    }

    /** The default of every key that has one, keyed as in {@link OptionTable#keys()}. */
    public static Map<String, Object> read(Config config) throws OptionException {
        Config pppd = config.hasPath("pppd") ? config.getConfig("pppd") : ConfigFactory.empty();
        List<String> keys = OptionTable.keys();
        for (String key : pppd.root().keySet()) {
            if (!keys.contains(key)) {
                throw new OptionException("configuration key pppd." + key + " is not a supported pppd option");
            }
        }
        Map<String, Object> defaults = new HashMap<>();
        for (String key : keys) {
            String path = ConfigUtil.joinPath(key);
            if (!pppd.hasPath(path)) {
                if (OptionTable.keysWithDefaults().contains(key)) {
                    throw new OptionException("configuration key pppd." + key + " is missing (every option "
                            + "with a default needs one in application.conf)");
                }
                continue;
            }
            try {
                defaults.put(key, value(pppd, path, OptionTable.forKey(key).get(0)));
            } catch (ConfigException e) {
                throw new OptionException("configuration key pppd." + key + ": " + e.getMessage());
            }
        }
        return defaults;
    }

    private static Object value(Config pppd, String path, OptionSpec spec) throws OptionException {
        String where = "configuration key pppd." + spec.key() + ": ";
        if (spec.kind() == Kind.FLAG && spec.value() instanceof String) {
            String v = pppd.getString(path);
            List<Object> choices = OptionTable.choices(spec.key());
            if (!choices.contains(v)) {
                throw new OptionException(where + "'" + v + "' is not one of " + choices);
            }
            return v;
        }
        return switch (spec.kind()) {
            case FLAG, IGNORED -> pppd.getBoolean(path);
            case INCREMENT -> checked(where, spec.name(), pppd.getInt(path), Limits.NON_NEGATIVE);
            case INT -> checked(where, spec.name(), pppd.getInt(path), spec.range());
            case STRING -> pppd.getString(path);
            case DECIMAL -> {
                double v = pppd.getDouble(path);
                if (!(v >= 1.0) || Double.isInfinite(v)) {
                    throw new OptionException(where + v + " (expected a number >= 1)");
                }
                yield v;
            }
            default -> throw new OptionException(where + "this option cannot have a default");
        };
    }

    private static int checked(String where, String option, int value, IntRange range) throws OptionException {
        if (!range.contains(value)) {
            throw new OptionException(where + range.complaint(option));
        }
        return value;
    }
}
