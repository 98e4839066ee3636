package org.jppp.protocol.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The serial or pty link and the scripts around it. {@code sync} is accepted but jppp speaks only
 * asynchronous HDLC-like framing (RFC 1662 §4), so a run with it set is refused later.
 */
public record DeviceSettings(
        Optional<String> device,
        OptionalInt speed,
        Optional<String> pty,
        boolean notty,
        Optional<String> connect,
        Optional<String> disconnect,
        Optional<String> init,
        Optional<String> welcome,
        int connectDelay,
        boolean modem,
        FlowControl flowControl,
        boolean lock,
        boolean sync) {

    public DeviceSettings {
        speed.ifPresent(s -> Limits.POSITIVE.require("speed", s));
        Limits.NON_NEGATIVE.require("connect-delay", connectDelay);
    }
}
