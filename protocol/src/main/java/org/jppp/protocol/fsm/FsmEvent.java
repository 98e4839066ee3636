package org.jppp.protocol.fsm;

/** The sixteen events of RFC 1661 §4.3, in the order of the §4.1 table's rows. */
public enum FsmEvent {
    UP("Up"),
    DOWN("Down"),
    OPEN("Open"),
    CLOSE("Close"),
    TO_PLUS("TO+"),
    TO_MINUS("TO-"),
    RCR_PLUS("RCR+"),
    RCR_MINUS("RCR-"),
    RCA("RCA"),
    RCN("RCN"),
    RTR("RTR"),
    RTA("RTA"),
    RUC("RUC"),
    RXJ_PLUS("RXJ+"),
    RXJ_MINUS("RXJ-"),
    RXR("RXR");

    private final String label;

    FsmEvent(String label) {
        this.label = label;
    }

    /** The RFC's abbreviation, e.g. {@code RCR+}. */
    public String label() {
        return label;
    }
}
