package org.jppp.supervisor.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jppp.protocol.config.OptionException;
import org.jppp.protocol.config.PppdSettings;
import org.jppp.supervisor.options.ConfigDefaults;
import org.jppp.supervisor.options.DryRun;
import org.jppp.supervisor.options.OptionValues;
import org.jppp.supervisor.options.OptionsLoader;
import org.jppp.supervisor.options.SettingsFactory;
import org.jppp.supervisor.options.SystemProbe;
import org.jppp.supervisor.pppoe.PppoeConnection;
import org.jppp.supervisor.run.Detacher;
import org.jppp.supervisor.run.PppdRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/pppd [options]}: reads the options as pppd does, checks them, and for {@code dryrun}
 * prints them with their sources; otherwise runs the link ({@link PppdRun}), in a child JVM that
 * detaches as pppd does unless {@code nodetach} ({@link Detacher}). Option errors go to stderr as pppd words them and exit with
 * pppd's EXIT_OPTION_ERROR (2), never with a stack trace.
 */
public final class Pppd {
    /** pppd's exit statuses (pppd.h). */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FATAL_ERROR = 1;
    public static final int EXIT_OPTION_ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Pppd.class);

    private Pppd() {}

    public static void main(String[] args) {
        Detacher.enterChild();
        System.exit(run(List.of(args), System.getenv(), SystemProbe.host(), System.out, System.err));
    }

    /**
     * One run, with everything from outside passed in so tests can run it in-process.
     *
     * @param env the environment (JPPP_ETC_DIR selects the configuration root)
     * @return the exit status
     */
    public static int run(List<String> args, Map<String, String> env, SystemProbe probe, PrintStream out,
            PrintStream err) {
        // pppd's informational lines (Plugin rp-pppoe.so loaded.) are held back: a parent that
        // detaches into a child leaves them to the child, which reads the options again.
        List<String> notes = new ArrayList<>();
        try {
            Config base = ConfigFactory.load();
            Path etcDir = ConfigDefaults.etcDir(env, base);
            Map<String, Object> defaults = ConfigDefaults.read(ConfigDefaults.config(base, etcDir));
            OptionValues values = OptionsLoader.load(etcDir, args, defaults, probe, notes::add);
            PppdSettings settings = SettingsFactory.build(values);
            if (Detacher.wanted(settings)) {
                return Detacher.relaunch(Pppd.class.getName(), args, out, err);
            }
            notes.forEach(LOG::info);
            if (settings.logging().dryrun() || settings.logging().dump()) {
                out.print(DryRun.format(values));
                out.flush();
            }
            if (settings.logging().dryrun()) {
                return EXIT_OK;
            }
            return settings.pppoe().enabled() ? PppdRun.run(settings, etcDir, PppoeConnection::open)
                    : PppdRun.run(settings, etcDir);
        } catch (OptionException e) {
            notes.forEach(LOG::info);
            err.println("pppd: " + e.getMessage());
            return EXIT_OPTION_ERROR;
        } catch (ConfigException e) {
            notes.forEach(LOG::info);
            err.println("pppd: configuration error: " + e.getMessage());
            return EXIT_OPTION_ERROR;
        }
    }
}
