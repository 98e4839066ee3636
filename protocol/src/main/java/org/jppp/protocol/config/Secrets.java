package org.jppp.protocol.config;

import java.util.List;
import java.util.Optional;

/**
 * The entries of one secrets file, and pppd's choice among them (auth.c scan_authfile).
 *
 * <p>The same file serves both directions. When we authenticate ourselves to the peer, the
 * client is our name (the {@code user} or {@code name} option, else the host name) and the server
 * is the peer's name ({@code remotename}, or the name in its Challenge). When we authenticate
 * the peer, the client is the name the peer gave and the server is our name.
 *
 * @param file    the file's name, for messages
 * @param entries the entries in file order
 */
public record Secrets(String file, List<SecretsEntry> entries) {
    /** scan_authfile's score bits: a named (not {@code *}) server counts less than a named client. */
    private static final int NAMED_SERVER = 1;
    private static final int NAMED_CLIENT = 2;

    public Secrets {
        entries = List.copyOf(entries);
    }

    /**
     * The best entry for {@code client} authenticating to {@code server}. An entry matches when
     * each of its names is equal (case matters) or {@code *}; among matches, one with a named
     * client beats one with a named server only, which beats one with two wildcards; between
     * equals the first in the file wins.
     *
     * @param client the client name, or null to accept any client (as pppd does when it only
     *               asks whether some secret could be used)
     * @param server the server name, or null to accept any server
     */
    public Optional<SecretsEntry> lookup(String client, String server) {
        SecretsEntry best = null;
        int bestScore = -1;
        for (SecretsEntry entry : entries) {
            if (!entry.wildClient() && client != null && !entry.client().equals(client)) {
                continue;
            }
            if (!entry.wildServer() && server != null && !entry.server().equals(server)) {
                continue;
            }
            int score = (entry.wildClient() ? 0 : NAMED_CLIENT) | (entry.wildServer() ? 0 : NAMED_SERVER);
            if (score > bestScore) {
                best = entry;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The entry for authenticating ourselves as {@code ourName} to the peer {@code remoteName}. */
    public Optional<SecretsEntry> toAuthenticateToPeer(String ourName, String remoteName) {
        return lookup(ourName, remoteName);
    }

    /** The entry for checking the peer that calls itself {@code peerName}, us being {@code ourName}. */
    public Optional<SecretsEntry> toAuthenticatePeer(String peerName, String ourName) {
        return lookup(peerName, ourName);
    }
}
