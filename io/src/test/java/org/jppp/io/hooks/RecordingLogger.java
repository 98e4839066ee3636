package org.jppp.io.hooks;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An slf4j {@link Logger} that keeps every message as "LEVEL text", so tests can assert the exact
 * user-facing wording. Built as a proxy because the interface has dozens of overloads.
 */
public final class RecordingLogger {
    private final List<String> lines = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                }
                if (name.equals("getName")) {
                    return "recording";
                }
                if (List.of("trace", "debug", "info", "warn", "error").contains(name) && args != null
                        && args[0] instanceof String format) {
                    record(name, format, Arrays.copyOfRange(args, 1, args.length));
                }
                return null;
            });

    public Logger logger() {
        return logger;
    }

    /** The messages so far, e.g. {@code WARN Can't execute /x/ip-up: Invalid argument}. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The messages at one level, without the level. */
    public synchronized List<String> at(String level) {
        return lines.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1))
                .toList();
    }

    private synchronized void record(String level, String format, Object[] rest) {
        Object[] params = rest.length == 1 && rest[0] instanceof Object[] array ? array : rest;
        lines.add(level.toUpperCase(java.util.Locale.ROOT) + " "
                + MessageFormatter.arrayFormat(format, params).getMessage());
    }
}
