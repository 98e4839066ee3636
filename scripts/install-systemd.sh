#!/usr/bin/env bash
# Installs jppp for systemd: links this repository to PREFIX (default /usr/local/lib/jppp, the
# path the units in systemd/ name), links the user commands into BINDIR (default /usr/local/bin),
# copies the units into UNITDIR (default /etc/systemd/system) with PREFIX substituted, and reloads
# systemd. See docs/systemd.md.
#
# usage: scripts/install-systemd.sh [--prefix DIR] [--bin-dir DIR] [--unit-dir DIR] [--no-reload]
set -euo pipefail
default_prefix=/usr/local/lib/jppp
prefix=$default_prefix
bindir=/usr/local/bin
unitdir=/etc/systemd/system
reload=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --bin-dir) bindir="$2"; shift 2 ;;
        --unit-dir) unitdir="$2"; shift 2 ;;
        --no-reload) reload=no; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install-systemd: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$prefix" in
    /*) ;;
    *) echo "install-systemd: --prefix must be an absolute path" >&2; exit 2 ;;
esac
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

# The prefix is a link to this checkout, so a git pull updates what systemd runs (bin/pppd
# rebuilds the jar when the sources are newer).
if [ -e "$prefix" ] && [ ! -L "$prefix" ]; then
    echo "install-systemd: $prefix exists and is not a symbolic link; not replacing it" >&2
    exit 1
fi
mkdir -p "$(dirname "$prefix")" "$bindir" "$unitdir"
ln -sfn "$repo" "$prefix"

for cmd in pppd jpppd pppctl pon poff plog; do
    if [ -e "$repo/bin/$cmd" ]; then
        ln -sfn "$prefix/bin/$cmd" "$bindir/$cmd"
    fi
done

for unit in "$repo"/systemd/*.service "$repo"/systemd/*.timer; do
    sed "s#$default_prefix#$prefix#g" "$unit" > "$unitdir/$(basename "$unit")"
    chmod 0644 "$unitdir/$(basename "$unit")"
done

if [ "$reload" = yes ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
fi
echo "install-systemd: $prefix -> $repo; units in $unitdir; commands in $bindir"
echo "  enable a link:        systemctl enable --now ppp@provider"
echo "  or the daemon:        systemctl enable --now jpppd"
echo "  daily 04:00 redial:   systemctl enable --now ppp-redial.timer"
