package org.jppp.supervisor.pppoe;

import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jppp.protocol.pppoe.discovery.ServerConfig;
import org.jppp.supervisor.run.UnitCache;

/**
 * pppoe-server's command line (rp-pppoe 3.15 flags): {@code -I IF} (repeatable), {@code -L}
 * local address, {@code -R} first remote address, {@code -N} sessions, {@code -C} AC-Name,
 * {@code -S} service (repeatable), {@code -O} pppd options file, {@code -x} sessions per MAC,
 * {@code -p} address pool file, {@code -F} foreground (jppp always stays in the foreground);
 * {@code -k} and {@code -r} are accepted and change nothing. jppp adds {@code --padi-rate B:R},
 * the per-MAC PADI rate limit (rp-pppoe has none), and {@code --unit-cache N}, how many ended
 * sessions' interfaces are kept for reuse (accel-ppp's {@code unit-cache}; empty: {@code
 * jppp.unit-cache} of the configuration).
 */
record ServerOptions(
        List<String> interfaces,
        Inet4Address local,
        Inet4Address firstRemote,
        int maxSessions,
        Optional<String> acName,
        List<String> services,
        Path optionsFile,
        int perMac,
        Optional<Path> poolFile,
        int padiBurst,
        double padiPerSecond,
        OptionalInt unitCache) {

    static final String USAGE = String.join("\n",
            "Usage: pppoe-server [options]",
            "Options:",
            "   -I if_name     -- Specify interface (default eth0; repeatable)",
            "   -C name        -- Set access concentrator name (default: host name)",
            "   -S name        -- Advertise specified service-name (repeatable)",
            "   -O fname       -- Use PPPD options from specified file",
            "                     (default $JPPP_ETC_DIR/pppoe-server-options)",
            "   -L ip          -- Set local IP address (default 10.0.0.1)",
            "   -R ip          -- Set start address of remote IP pool (default 10.67.15.1)",
            "   -N num         -- Allow 'num' concurrent sessions (default 64)",
            "   -x n           -- Limit to 'n' sessions/MAC address (default: no limit)",
            "   -p fname       -- Take remote IP addresses from the pool file fname",
            "   -F             -- Do not fork into background (jppp never forks)",
            "   -k, -r         -- Accepted; jppp has one data path and random session numbers",
            "   --padi-rate B:R -- jppp: PADIs accepted per MAC address, B at once then R a second",
            "                     (default " + ServerConfig.DEFAULT_PADI_BURST + ":" + ServerConfig.DEFAULT_PADI_PER_SECOND + ")",
            "   --unit-cache N -- jppp: keep up to N ended sessions' interfaces for reuse, 0: delete each",
            "                     (default jppp.unit-cache, " + UnitCache.DEFAULT_CAPACITY + ")",
            "   -h             -- Print usage information");

    /**
     * @throws IllegalArgumentException with the one line to print before the usage text
     */
    static ServerOptions parse(List<String> args, Path etcDir) {
        List<String> interfaces = new ArrayList<>();
        List<String> services = new ArrayList<>();
        Inet4Address local = AddressPool.parse("10.0.0.1");
        Inet4Address remote = AddressPool.parse("10.67.15.1");
        int max = ServerConfig.DEFAULT_MAX_SESSIONS;
        int perMac = 0;
        Optional<String> acName = Optional.empty();
        Path options = etcDir.resolve("pppoe-server-options");
        Optional<Path> pool = Optional.empty();
        int burst = ServerConfig.DEFAULT_PADI_BURST;
        double perSecond = ServerConfig.DEFAULT_PADI_PER_SECOND;
        OptionalInt unitCache = OptionalInt.empty();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            // -F: jppp never forks. -k (kernel mode) and -r (random session numbers): jppp's one data
            // path is the user-space one, and its session numbers are always random.
            if (flag.equals("-F") || flag.equals("-k") || flag.equals("-r")) {
                continue;
            }
            if (flag.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (flag.equals("--padi-rate") && i + 1 < args.size()) {
                String[] rate = args.get(++i).split(":", 2);
                burst = number(flag, rate[0], 1, Integer.MAX_VALUE);
                perSecond = rate.length == 2 ? number(flag, rate[1], 1, Integer.MAX_VALUE) : burst;
                continue;
            }
            if (flag.equals("--unit-cache") && i + 1 < args.size()) {
                unitCache = OptionalInt.of(number(flag, args.get(++i), 0, ServerConfig.MAX_SESSIONS_LIMIT));
                continue;
            }
            if (!flag.matches("-[ILRNCSOxp]")) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + flag + " needs an argument");
            }
            String value = args.get(++i);
            switch (flag.charAt(1)) {
                case 'I' -> interfaces.add(value);
                case 'L' -> local = AddressPool.parse(value);
                case 'R' -> remote = AddressPool.parse(value);
                case 'N' -> max = number(flag, value, 1, ServerConfig.MAX_SESSIONS_LIMIT);
                case 'C' -> acName = Optional.of(value);
                case 'S' -> services.add(value);
                case 'O' -> options = Path.of(value);
                case 'x' -> perMac = number(flag, value, 0, ServerConfig.MAX_SESSIONS_LIMIT);
                case 'p' -> pool = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (interfaces.isEmpty()) {
            interfaces.add("eth0");
        }
        return new ServerOptions(List.copyOf(interfaces), local, remote, max, acName, List.copyOf(services), options,
                perMac, pool, burst, perSecond, unitCache);
    }

    private static int number(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + flag + ": " + value + " is not a number in " + min + ".." + max);
    }
}
