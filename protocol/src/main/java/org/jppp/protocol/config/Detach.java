package org.jppp.protocol.config;

/** When pppd leaves its controlling terminal: {@code detach} (default), {@code nodetach}, {@code updetach}. */
public enum Detach {
    DETACH, NODETACH, UPDETACH
}
