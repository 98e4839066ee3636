#!/bin/sh
# usepeerdns: puts the resolv.conf that pppd/jppp wrote into the configuration directory
# (this directory's parent) in place of the system's, after backing that up per interface
# ($1) for ip-down.d/00_dns.sh to put back. Does nothing unless the peer gave DNS servers.
# JPPP_RESOLV_CONF overrides the target (pppd and jppp never set it; tests do).
target=${JPPP_RESOLV_CONF:-/etc/resolv.conf}
peer_conf=${0%/*}/../resolv.conf
backup=$target.backup.$1

[ -n "$USEPEERDNS" ] && [ -f "$peer_conf" ] || exit 0

# Keep the first backup if the link comes up again before ip-down ran; -P keeps a symlink
# (systemd-resolved, resolvconf) as a symlink so that it is restored as one.
if { [ -e "$target" ] || [ -L "$target" ]; } && [ ! -e "$backup" ] && [ ! -L "$backup" ]; then
    cp -P -p "$target" "$backup" || exit 1
fi

# Copy next to the target, then rename over it: resolvers never read a half-written file.
new=$target.new.$$
cp "$peer_conf" "$new" && chmod 644 "$new" && mv -f "$new" "$target"
