package org.jppp.protocol.config;

/** Serial flow control: left as it is (DEFAULT), {@code crtscts}, {@code nocrtscts}, {@code xonxoff}. */
public enum FlowControl {
    DEFAULT, CRTSCTS, NOCRTSCTS, XONXOFF
}
