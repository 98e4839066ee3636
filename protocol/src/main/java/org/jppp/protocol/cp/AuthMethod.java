package org.jppp.protocol.cp;

import java.util.Collection;
import java.util.Optional;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.auth.ChapAlgorithm;
import org.jppp.protocol.wire.lcp.LcpOption.AuthProtocol;

/**
 * An authentication method LCP can negotiate, declared in pppd's order of preference (lcp.c
 * asks for EAP before CHAP before PAP, and among CHAP digests MS-CHAPv2, then MS-CHAP, then MD5).
 */
public enum AuthMethod {
    EAP(AuthProtocol.eap()),
    CHAP_MS_V2(AuthProtocol.chap(ChapAlgorithm.MS_CHAP_V2)),
    CHAP_MS(AuthProtocol.chap(ChapAlgorithm.MS_CHAP)),
    CHAP_MD5(AuthProtocol.chap(ChapAlgorithm.MD5)),
    PAP(AuthProtocol.pap());

    private final AuthProtocol option;

    AuthMethod(AuthProtocol option) {
        this.option = option;
    }

    /** The Authentication-Protocol option that asks for this method. */
    public AuthProtocol option() {
        return option;
    }

    public boolean isChap() {
        return option.protocol().equals(PppProtocol.CHAP);
    }

    /** The method an option asks for, if it is one we know. */
    public static Optional<AuthMethod> of(AuthProtocol option) {
        for (AuthMethod m : values()) {
            if (m.option.equals(option)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The most preferred method of {@code among}, optionally only CHAP ones. */
    static Optional<AuthMethod> best(Collection<AuthMethod> among, boolean chapOnly) {
        for (AuthMethod m : values()) {
            if (among.contains(m) && (!chapOnly || m.isChap())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
