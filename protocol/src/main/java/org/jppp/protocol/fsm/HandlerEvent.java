package org.jppp.protocol.fsm;

/**
 * A protocol-specific happening an {@link OptionHandler} reports through the automaton's result
 * ({@link FsmAction.Notify}): for LCP a detected loopback, a received Echo-Reply or
 * Protocol-Reject. Each handler defines its own records.
 */
public interface HandlerEvent { }
