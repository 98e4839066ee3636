package org.jppp.protocol.cp;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jppp.protocol.fsm.ReplyOutcome;
import org.jppp.protocol.wire.ConfigOption;
import org.jppp.protocol.wire.Ipv4;
import org.jppp.protocol.wire.ipcp.IpcpOption;
import org.jppp.protocol.wire.ipcp.IpcpOption.IpAddress;
import org.jppp.protocol.wire.ipcp.IpcpOption.PrimaryDns;
import org.jppp.protocol.wire.ipcp.IpcpOption.SecondaryDns;

/**
 * IPCP's options with pppd's {@code ipcp.c} rules: IP-Address (RFC 1332 §3.3) and the RFC 1877
 * DNS server addresses, asked for ({@code usepeerdns}) and handed out ({@code ms-dns}).
 * IP-Addresses (deprecated), IP-Compression-Protocol (jppp has no Van Jacobson compression, as
 * pppd {@code novj}), the NBNS options and unknown types are rejected.
 *
 * <p>Four values: {@link #want()}, {@link #allow()} (the settings: what we assign and serve),
 * {@link #ours()} (our address and the DNS servers the peer gave us) and {@link #his()}.
 */
public final class IpcpHandler extends TypedOptionHandler<IpcpOption> {
    private final IpcpSettings allow;
    private final IpcpValues want;
    private IpcpValues ours;
    private IpcpValues his = IpcpValues.NONE;

    public IpcpHandler(IpcpSettings settings) {
        super(IpcpOption.DECODER);
        this.allow = settings;
        Optional<Inet4Address> ask = settings.usePeerDns() ? Optional.of(Ipv4.ANY) : Optional.empty();
        this.want = new IpcpValues(Optional.of(settings.local()), ask, ask);
        this.ours = want;
    }

    public IpcpValues want() {
        return want;
    }

    public IpcpSettings allow() {
        return allow;
    }

    public IpcpValues ours() {
        return ours;
    }

    public IpcpValues his() {
        return his;
    }

    /** Our address once Opened, if the negotiation gave us one. */
    public Optional<Inet4Address> localAddress() {
        return ours.address().filter(a -> !a.equals(Ipv4.ANY));
    }

    /** The peer's address: what we acked, else what we would have assigned. */
    public Optional<Inet4Address> remoteAddress() {
        return his.address().or(() -> Optional.of(allow.remote())).filter(a -> !a.equals(Ipv4.ANY));
    }

    /** The DNS servers the peer gave us ({@code usepeerdns}), primary first. */
    public List<Inet4Address> peerDns() {
        List<Inet4Address> out = new ArrayList<>();
        ours.dns1().filter(a -> !a.equals(Ipv4.ANY)).ifPresent(out::add);
        ours.dns2().filter(a -> !a.equals(Ipv4.ANY)).ifPresent(out::add);
        return List.copyOf(out);
    }

    @Override
    public String protocolName() {
        return "IPCP";
    }

    @Override
    public void resetOptions() {
        ours = want;
        his = IpcpValues.NONE;
    }

    /** pppd's ipcp_addci order: address, then DNS 1 and 2. */
    @Override
    List<IpcpOption> requestOptions() {
        List<IpcpOption> out = new ArrayList<>();
        ours.address().ifPresent(a -> out.add(new IpAddress(a)));
        ours.dns1().ifPresent(a -> out.add(new PrimaryDns(a)));
        ours.dns2().ifPresent(a -> out.add(new SecondaryDns(a)));
        return out;
    }

    @Override
    void judge(IpcpOption option, ConfigOption raw, List<IpcpOption> seen, VerdictBuilder verdict) {
        if (option instanceof IpAddress a && first(seen, IpAddress.class).isEmpty()) {
            judgePeerAddress(a.address(), raw, verdict);
        } else if (option instanceof PrimaryDns d) {
            judgeDnsRequest(0, d.address(), raw, verdict);
        } else if (option instanceof SecondaryDns d) {
            judgeDnsRequest(1, d.address(), raw, verdict);
        } else {
            verdict.reject(raw); // IP-Addresses, VJ, NBNS, repeats, unknown types
        }
    }

    /**
     * pppd ipcp_reqci: an address other than the one we assign is Naked with ours unless we take
     * the peer's idea; 0.0.0.0 is Naked with ours, or Rejected when we have none to give.
     */
    private void judgePeerAddress(Inet4Address asked, ConfigOption raw, VerdictBuilder verdict) {
        Inet4Address assign = allow.remote();
        if (!asked.equals(assign) && (asked.equals(Ipv4.ANY) || !allow.takesRemoteFromPeer())) {
            verdict.nak(new IpAddress(assign)); // assign is set here: without one, the peer may choose
        } else if (asked.equals(Ipv4.ANY)) {
            verdict.reject(raw); // neither side knows the peer's address: never Ack 0.0.0.0
        }
    }

    /** RFC 1877: the peer asks for our DNS server {@code index}; Nak with it, Reject if we have none. */
    private void judgeDnsRequest(int index, Inet4Address asked, ConfigOption raw, VerdictBuilder verdict) {
        if (allow.dnsServers().size() <= index) {
            verdict.reject(raw);
            return;
        }
        Inet4Address server = allow.dnsServers().get(index);
        if (!server.equals(asked)) {
            verdict.nak(index == 0 ? new PrimaryDns(server) : new SecondaryDns(server));
        }
    }

    /**
     * pppd: a peer that did not state its address while we have one for it is Naked with it.
     * pppd asks only once; here the automaton's Max-Failure turns a repeated Nak into an Ack.
     */
    @Override
    void judgeMissing(List<IpcpOption> requested, VerdictBuilder verdict) {
        if (!allow.remote().equals(Ipv4.ANY) && first(requested, IpAddress.class).isEmpty()) {
            verdict.nak(new IpAddress(allow.remote()));
        }
    }

    @Override
    void commitPeer(List<IpcpOption> acked) {
        IpcpValues v = IpcpValues.NONE;
        for (IpcpOption o : acked) {
            if (o instanceof IpAddress a) {
                v = v.withAddress(Optional.of(a.address()));
            } else if (o instanceof PrimaryDns d) {
                v = v.withDns1(Optional.of(d.address()));
            } else if (o instanceof SecondaryDns d) {
                v = v.withDns2(Optional.of(d.address()));
            }
        }
        his = v;
    }

    /** pppd ipcp_nakci: our address if we take the peer's idea of it; DNS servers always. */
    @Override
    ReplyOutcome adoptNak(List<IpcpOption> suggestions) {
        IpcpValues next = ours;
        for (IpcpOption s : suggestions) {
            if (s instanceof IpAddress a && next.address().isPresent() && allow.takesLocalFromPeer()
                    && !a.address().equals(Ipv4.ANY)) {
                next = next.withAddress(Optional.of(a.address()));
            } else if (s instanceof PrimaryDns d && next.dns1().isPresent()) {
                next = next.withDns1(Optional.of(d.address()));
            } else if (s instanceof SecondaryDns d && next.dns2().isPresent()) {
                next = next.withDns2(Optional.of(d.address()));
            }
        }
        ours = next;
        return ReplyOutcome.VALID;
    }

    /** Stop asking for what the peer rejects (a peer without RFC 1877 rejects the DNS options). */
    @Override
    ReplyOutcome dropRejected(List<IpcpOption> rejected) {
        IpcpValues next = ours;
        for (IpcpOption r : rejected) {
            if (r instanceof IpAddress) {
                next = next.withAddress(Optional.empty());
            } else if (r instanceof PrimaryDns) {
                next = next.withDns1(Optional.empty());
            } else if (r instanceof SecondaryDns) {
                next = next.withDns2(Optional.empty());
            }
        }
        ours = next;
        return ReplyOutcome.VALID;
    }
}
