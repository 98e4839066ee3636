package org.jppp.io.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One IPv4 default route as {@code ip -4 route show default} prints it, e.g.
 * {@code default via 192.0.2.1 dev eth0 proto dhcp src 192.0.2.2 metric 100}, with the fields
 * needed to put it back exactly as it was after {@code replacedefaultroute} took its place.
 * Other words (scope, flags such as {@code linkdown}) are state the kernel derives and are dropped.
 */
public record Route(Optional<String> via, Optional<String> dev, Optional<String> proto, Optional<String> src,
        int metric, boolean onlink) {

    /** Parses one line of the plain output; empty when the line is not a default route. */
    public static Optional<Route> parseDefault(String line) {
        List<String> words = List.of(line.trim().split("\\s+"));
        if (words.isEmpty() || !words.get(0).equals("default")) {
            return Optional.empty();
        }
        Optional<String> via = Optional.empty();
        Optional<String> dev = Optional.empty();
        Optional<String> proto = Optional.empty();
        Optional<String> src = Optional.empty();
        int metric = 0;
        boolean onlink = false;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("onlink")) {
                onlink = true;
                continue;
            }
            if (i + 1 == words.size()) {
                break;
            }
            Optional<String> value = Optional.of(words.get(i + 1));
            switch (word) {
                case "via" -> via = value;
                case "dev" -> dev = value;
                case "proto" -> proto = value;
                case "src" -> src = value;
                case "metric" -> metric = metric(value.get());
                default -> {
                    continue; // a flag or a key this class does not keep: look at the next word
                }
            }
            i++;
        }
        return Optional.of(new Route(via, dev, proto, src, metric, onlink));
    }

    /** The words after {@code ip -4 route add} (or {@code del}) that recreate this route. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("default"));
        via.ifPresent(v -> args.addAll(List.of("via", v)));
        dev.ifPresent(d -> args.addAll(List.of("dev", d)));
        proto.ifPresent(p -> args.addAll(List.of("proto", p)));
        src.ifPresent(s -> args.addAll(List.of("src", s)));
        args.addAll(List.of("metric", Integer.toString(metric)));
        if (onlink) {
            args.add("onlink");
        }
        return args;
    }

    /** Whether the route goes out through {@code ifname}. */
    public boolean isThrough(String ifname) {
        return dev.map(ifname::equals).orElse(false);
    }

    private static int metric(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
