package org.jppp.protocol.authn;

import java.util.Optional;
import org.jppp.protocol.wire.PppProtocol;
import org.jppp.protocol.wire.auth.ChapAlgorithm;
import org.jppp.protocol.wire.lcp.LcpOption;

/**
 * An authentication protocol as LCP's Authentication-Protocol option names it (RFC 1661 §6.2):
 * PAP, CHAP with one of the algorithms we implement, or EAP.
 *
 * @param protocol      PAP, CHAP or EAP
 * @param chapAlgorithm the CHAP algorithm (MD5, MS-CHAP or MS-CHAPv2), present exactly for CHAP
 */
public record AuthMethod(PppProtocol protocol, Optional<ChapAlgorithm> chapAlgorithm) {
    public static final AuthMethod PAP = new AuthMethod(PppProtocol.PAP, Optional.empty());
    public static final AuthMethod EAP = new AuthMethod(PppProtocol.EAP, Optional.empty());
    public static final AuthMethod CHAP_MD5 = chap(ChapAlgorithm.MD5);
    public static final AuthMethod MS_CHAP = chap(ChapAlgorithm.MS_CHAP);
    public static final AuthMethod MS_CHAP_V2 = chap(ChapAlgorithm.MS_CHAP_V2);

    public AuthMethod {
        boolean isChap = protocol.equals(PppProtocol.CHAP);
        if (!isChap && !protocol.equals(PppProtocol.PAP) && !protocol.equals(PppProtocol.EAP)) {
            throw new IllegalArgumentException("not an authentication protocol we implement: " + protocol);
        }
        if (isChap != chapAlgorithm.isPresent()) {
            throw new IllegalArgumentException("a CHAP algorithm goes with CHAP and only with CHAP");
        }
        chapAlgorithm.ifPresent(a -> {
            if (ChapDigest.of(a).isEmpty()) {
                throw new IllegalArgumentException("CHAP algorithm not implemented: " + a);
            }
        });
    }

    public static AuthMethod chap(ChapAlgorithm algorithm) {
        return new AuthMethod(PppProtocol.CHAP, Optional.of(algorithm));
    }

    /** The method an acked Authentication-Protocol option asks for, or empty if we do not implement it. */
    public static Optional<AuthMethod> of(LcpOption.AuthProtocol option) {
        PppProtocol p = option.protocol();
        if (p.equals(PppProtocol.CHAP)) {
            return option.chapAlgorithm().filter(a -> ChapDigest.of(a).isPresent()).map(AuthMethod::chap);
        }
        if ((p.equals(PppProtocol.PAP) || p.equals(PppProtocol.EAP)) && option.data().isEmpty()) {
            return Optional.of(new AuthMethod(p, Optional.empty()));
        }
        return Optional.empty();
    }

    /** The LCP option that asks for this method. */
    public LcpOption.AuthProtocol toOption() {
        return chapAlgorithm.map(LcpOption.AuthProtocol::chap)
                .orElseGet(() -> protocol.equals(PppProtocol.PAP) ? LcpOption.AuthProtocol.pap()
                        : LcpOption.AuthProtocol.eap());
    }

    /** The protocol's name in pppd's messages: {@code PAP}, {@code CHAP} or {@code EAP}. */
    public String protocolName() {
        return protocol.traceName();
    }

    @Override
    public String toString() {
        return chapAlgorithm.map(a -> "CHAP " + a).orElseGet(this::protocolName);
    }
}
