package org.jppp.io.net;

/**
 * A route change the kernel refused, or an {@code ip} command that could not run. The message
 * names the command and quotes what {@code ip} said, ready to be logged as it is.
 */
public final class RouteException extends Exception {
    private static final long serialVersionUID = 1L;

    public RouteException(String message) {
        super(message);
    }
}
