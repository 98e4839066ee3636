package org.jppp.protocol.config;

/** The authentication protocols that require-X / refuse-X options name. */
public enum AuthProtocol {
    PAP("pap"), CHAP("chap"), MSCHAP("mschap"), MSCHAP_V2("mschap-v2"), EAP("eap");

    private final String optionSuffix;

    AuthProtocol(String optionSuffix) {
        this.optionSuffix = optionSuffix;
    }

    /** The part after {@code require-} or {@code refuse-} in the option names. */
    public String optionSuffix() {
        return optionSuffix;
    }
}
