package org.jppp.protocol.cp;

import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.jppp.protocol.fsm.ReplyOutcome;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption;
import org.jppp.protocol.wire.ipv6cp.Ipv6cpOption.InterfaceIdentifier;

/**
 * IPv6CP's options (RFC 5072 §4) with pppd's {@code ipv6cp.c} rules: the Interface-Identifier
 * is negotiated (a zero or colliding identifier from the peer is Naked with a fresh one, §4.1);
 * IPv6-Compression-Protocol and unknown types are rejected.
 *
 * <p>Four values, each an optional identifier: {@link #want()}, {@link #allowedSuggestion()},
 * {@link #ours()} and {@link #his()}.
 */
public final class Ipv6cpHandler extends TypedOptionHandler<Ipv6cpOption> {
    /** The universal/local bit of a modified EUI-64 (RFC 4291 App. A): clear for a made-up identifier. */
    private static final long UNIVERSAL_BIT = 0x02L << 56;

    private final Ipv6cpSettings settings;
    private final RandomGenerator random;
    private OptionalLong ours = OptionalLong.empty();
    private OptionalLong his = OptionalLong.empty();

    public Ipv6cpHandler(Ipv6cpSettings settings, RandomGenerator random) {
        super(Ipv6cpOption.DECODER);
        this.settings = settings;
        this.random = random;
    }

    /** The identifier we want; 0 means a random one per negotiation. */
    public long want() {
        return settings.localIdentifier();
    }

    /** The identifier we suggest to a peer without one; 0 means random. */
    public long allowedSuggestion() {
        return settings.remoteIdentifier();
    }

    public OptionalLong ours() {
        return ours;
    }

    public OptionalLong his() {
        return his;
    }

    @Override
    public String protocolName() {
        return "IPV6CP";
    }

    @Override
    public void resetOptions() {
        ours = OptionalLong.of(settings.localIdentifier() != 0 ? settings.localIdentifier() : randomIdentifier(0));
        his = OptionalLong.empty();
    }

    @Override
    List<Ipv6cpOption> requestOptions() {
        return ours.stream().<Ipv6cpOption>mapToObj(InterfaceIdentifier::new).toList();
    }

    /**
     * RFC 5072 §4.1: zero means "suggest one"; the same as ours is a collision. Both are Naked with
     * an identifier different from ours. If neither side has one, the option is Rejected (pppd).
     */
    @Override
    void judge(Ipv6cpOption option, ConfigOption raw, List<Ipv6cpOption> seen, VerdictBuilder verdict) {
        if (!(option instanceof InterfaceIdentifier id) || first(seen, InterfaceIdentifier.class).isPresent()) {
            verdict.reject(raw);
            return;
        }
        long mine = ours.orElse(0);
        if (id.identifier() == 0 && mine == 0) {
            verdict.reject(raw);
        } else if (id.identifier() == 0) {
            long suggestion = settings.remoteIdentifier();
            verdict.nak(new InterfaceIdentifier(suggestion != 0 && suggestion != mine
                    ? suggestion : randomIdentifier(mine)));
        } else if (id.identifier() == mine) {
            verdict.nak(new InterfaceIdentifier(randomIdentifier(mine)));
        }
    }

    @Override
    void commitPeer(List<Ipv6cpOption> acked) {
        his = first(acked, InterfaceIdentifier.class).map(i -> OptionalLong.of(i.identifier()))
                .orElse(OptionalLong.empty());
    }

    /** RFC 5072 §4.1: take the peer's suggestion unless it is zero or its own identifier. */
    @Override
    ReplyOutcome adoptNak(List<Ipv6cpOption> suggestions) {
        var suggested = first(suggestions, InterfaceIdentifier.class);
        if (suggested.isPresent() && ours.isPresent()) {
            long s = suggested.get().identifier();
            ours = OptionalLong.of(s != 0 && s != his.orElse(0) ? s : randomIdentifier(his.orElse(0)));
        }
        return ReplyOutcome.VALID;
    }

    @Override
    ReplyOutcome dropRejected(List<Ipv6cpOption> rejected) {
        if (first(rejected, InterfaceIdentifier.class).isPresent()) {
            ours = OptionalLong.empty();
        }
        return ReplyOutcome.VALID;
    }

    /** A random non-zero identifier, different from {@code avoid}, marked local (pppd eui64_magic). */
    private long randomIdentifier(long avoid) {
        long id;
        do {
            id = random.nextLong() & ~UNIVERSAL_BIT;
        } while (id == 0 || id == avoid);
        return id;
    }
}
