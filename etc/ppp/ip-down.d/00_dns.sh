#!/bin/sh
# usepeerdns: puts back the resolv.conf that ip-up.d/00_dns.sh backed up for interface $1.
# JPPP_RESOLV_CONF overrides the target (pppd and jppp never set it; tests do).
target=${JPPP_RESOLV_CONF:-/etc/resolv.conf}
backup=$target.backup.$1

[ -n "$USEPEERDNS" ] || exit 0
{ [ -e "$backup" ] || [ -L "$backup" ]; } || exit 0
mv -f "$backup" "$target"
