package org.jppp.io.hooks;

import com.sun.security.auth.module.UnixSystem;
import java.net.Inet4Address;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jppp.protocol.config.PppdSettings;

/**
 * The environment pppd gives its scripts: empty except for the variables of its
 * {@code script_setenv} calls, which accumulate over a session (pppd(8) "SCRIPTS"). Only the
 * names of {@link Var} can be set, so nothing else, and in particular no password or secret, can
 * reach a script. Thread-safe: protocol events update it while scripts start from a snapshot.
 */
public final class ScriptEnvironment {

    /**
     * Scripts run with no inherited PATH under pppd, so every distribution's ip-up resets one;
     * jppp passes this (Debian's login PATH for root) so that scripts written for any of them find
     * their tools. This is the one variable pppd 2.4.9 itself does not set.
     */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/sbin:/usr/local/bin:/usr/bin:/sbin:/bin";

    /** The variables pppd 2.4.9 and its rp-pppoe plugin set, by name. */
    public enum Var {
        PATH, ORIG_UID, PPPLOGNAME, PPPD_PID, DEVICE, IFNAME, SPEED, LINKNAME, CALL_FILE, MACREMOTE,
        PEERNAME, IPLOCAL, IPREMOTE, DNS1, DNS2, USEPEERDNS, LLLOCAL, LLREMOTE,
        CONNECT_TIME, BYTES_SENT, BYTES_RCVD
    }

    private final Map<Var, String> values = new EnumMap<>(Var.class);
    private final Map<Var, Long> order = new EnumMap<>(Var.class);
    private long sequence;

    /** An empty environment (tests, or callers that set everything themselves). */
    public ScriptEnvironment() {
    }

    /**
     * What pppd has set by the time the link is being established: the invoking user
     * ({@code ORIG_UID}, {@code PPPLOGNAME}), {@code PPPD_PID}, the device and its speed (speed only
     * for a tty, as pppd's tty channel sets it), the interface, {@code linkname} and the
     * {@code call} file name.
     */
    public static ScriptEnvironment initial(PppdSettings settings, LinkParameters link, Optional<String> callFile) {
        ScriptEnvironment env = new ScriptEnvironment();
        env.set(Var.PATH, DEFAULT_PATH);
        env.set(Var.ORIG_UID, Long.toString(new UnixSystem().getUid()));
        env.set(Var.PPPLOGNAME, userName());
        env.set(Var.PPPD_PID, Long.toString(ProcessHandle.current().pid()));
        if (!link.device().isEmpty()) {
            env.set(Var.DEVICE, link.device());
        }
        if (!settings.pppoe().enabled()) {
            env.set(Var.SPEED, Integer.toString(link.speed()));
        }
        env.set(Var.IFNAME, link.ifname());
        settings.identity().linkname().ifPresent(name -> env.set(Var.LINKNAME, name));
        callFile.ifPresent(name -> env.set(Var.CALL_FILE, name));
        return env;
    }

    /** The account jppp runs as, as pppd names it for PPPLOGNAME and auth-up's user-name. */
    public static String userName() {
        return System.getProperty("user.name", "(unknown)");
    }

    /** Sets one variable; a later value replaces an earlier one, as script_setenv does. */
    public synchronized void set(Var name, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " contains a NUL character");
        }
        values.put(name, value);
        // pppd replaces a variable where it stands in script_env, so the first position stays.
        order.putIfAbsent(name, sequence++);
    }

    /** Removes one variable, as script_unsetenv does. */
    public synchronized void unset(Var name) {
        values.remove(name);
        order.remove(name);
    }

    /** PPPoE discovery finished: the access concentrator's MAC address, as rp-pppoe writes it. */
    public void pppoeConnected(byte[] peerMac) {
        StringBuilder text = new StringBuilder();
        for (byte b : peerMac) {
            text.append(text.length() == 0 ? "" : ":").append(String.format("%02X", b & 0xFF));
        }
        set(Var.MACREMOTE, text.toString());
    }

    /** The peer authenticated itself under this name. */
    public void peerAuthenticated(String peerName) {
        set(Var.PEERNAME, peerName);
    }

    /**
     * IPCP is up: addresses, and the DNS servers the peer gave (RFC 1877), which pppd exports
     * whether or not {@code usepeerdns} is set; USEPEERDNS=1 only when it is and a server came.
     */
    public void ipcpUp(Inet4Address local, Optional<Inet4Address> remote, List<Inet4Address> dns,
            boolean usepeerdns) {
        set(Var.IPLOCAL, local.getHostAddress());
        remote.ifPresent(r -> set(Var.IPREMOTE, r.getHostAddress()));
        if (!dns.isEmpty()) {
            set(Var.DNS1, dns.get(0).getHostAddress());
        }
        if (dns.size() > 1) {
            set(Var.DNS2, dns.get(1).getHostAddress());
        }
        if (usepeerdns && !dns.isEmpty()) {
            set(Var.USEPEERDNS, "1");
        }
    }

    /** IPV6CP is up: the link-local addresses from the negotiated interface identifiers. */
    public void ipv6cpUp(long localInterfaceId, long remoteInterfaceId) {
        set(Var.LLLOCAL, LinkParameters.linkLocal(localInterfaceId));
        set(Var.LLREMOTE, LinkParameters.linkLocal(remoteInterfaceId));
    }

    /** The link's statistics when it goes down, for ip-down and auth-down. */
    public void linkStatistics(long connectSeconds, long bytesSent, long bytesReceived) {
        set(Var.CONNECT_TIME, Long.toString(connectSeconds));
        set(Var.BYTES_SENT, Long.toString(bytesSent));
        set(Var.BYTES_RCVD, Long.toString(bytesReceived));
    }

    /** A new connection attempt starts: pppd's main loop forgets the previous statistics. */
    public void newConnection() {
        unset(Var.CONNECT_TIME);
        unset(Var.BYTES_SENT);
        unset(Var.BYTES_RCVD);
    }

    /** The variables as a script receives them, in the order they were first set. */
    public synchronized Map<String, String> snapshot() {
        Map<String, String> copy = new LinkedHashMap<>();
        order.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> copy.put(e.getKey().name(), values.get(e.getKey())));
        return copy;
    }
}
