package org.jppp.tests.serial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A network namespace of the test's own ({@code jppp-ser-<random>}), deleted by {@link #close()}. */
public final class NetNamespace implements AutoCloseable {
    /** A line of {@code ip -o link show} naming a ppp unit ({@code 7: ppp0: <...>}, {@code ppp0@if3}). */
    private static final Pattern PPP_LINK = Pattern.compile("^\\d+: ppp\\d+[:@]", Pattern.MULTILINE);
    private final String name;

    private NetNamespace(String name) {
        this.name = name;
    }

    public static NetNamespace create() {
        String name = "jppp-ser-" + UUID.randomUUID().toString().substring(0, 8);
        Commands.run("ip", "netns", "add", name).requireSuccess();
        NetNamespace ns = new NetNamespace(name);
        ns.exec("ip", "link", "set", "lo", "up").requireSuccess();
        return ns;
    }

    public String name() {
        return name;
    }

    /** {@code ip netns exec NAME command...} as a list, to prefix other commands with. */
    public List<String> prefix(List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(command);
        return all;
    }

    public Commands.Result exec(String... command) {
        return Commands.run(Duration.ofSeconds(60), prefix(List.of(command)));
    }

    /** {@code ping -c COUNT} to {@code address}: the number of replies received. */
    public int ping(String address, int count) {
        String out = exec("ping", "-n", "-c", Integer.toString(count), "-W", "2", "-i", "0.3", address).output();
        Matcher m = Pattern.compile("(\\d+) received").matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Waits until {@code address} answers one ping (sent through {@code ifname} when it is not
     * null), one ping a second: the far end of a PPP link opens its IPCP, and passes datagrams, a
     * moment after ours when the last Configure-Ack is ours, and a check that every ping of a
     * series is answered starts once the link carries them both ways. Fails after {@code timeout}.
     */
    public void awaitReachable(String address, String ifname, Duration timeout) throws InterruptedException {
        List<String> ping = new ArrayList<>(List.of("ping", "-n", "-c", "1", "-W", "1"));
        if (ifname != null) {
            ping.addAll(List.of("-I", ifname));
        }
        ping.add(address);
        long deadline = System.nanoTime() + timeout.toNanos();
        String out = "";
        while (System.nanoTime() < deadline) {
            out = exec(ping.toArray(String[]::new)).output();
            if (out.contains(" 1 received")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + ": " + address + (ifname == null ? "" : " via " + ifname)
                + " not reachable within " + timeout + ":\n" + out);
    }

    /**
     * Waits until {@code ip -4 addr show IFNAME} holds {@code expected} and returns that output:
     * the interface is configured by the run right after IPCP's log lines, not before them.
     */
    public String awaitAddress(String ifname, String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String out = exec("ip", "-4", "addr", "show", ifname).output();
        while (!out.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            out = exec("ip", "-4", "addr", "show", ifname).output();
        }
        return out;
    }

    /**
     * Waits until {@code ip -o link show} lists no {@code pppN} interface (a process ending deletes
     * its units, the ones it kept for reuse too); fails with that listing if one is still there.
     */
    public void awaitNoPppLinks(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String links = exec("ip", "-o", "link", "show").output();
        while (PPP_LINK.matcher(links).find() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            links = exec("ip", "-o", "link", "show").output();
        }
        if (PPP_LINK.matcher(links).find()) {
            throw new AssertionError(name + ": ppp interfaces left after " + timeout + ":\n" + links);
        }
    }

    @Override
    public void close() {
        Commands.run("ip", "netns", "del", name);
    }
}
