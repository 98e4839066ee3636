#!/usr/bin/env bash
# jppp demo: real PPPoE sessions between two network namespaces.
#
#   ./demo.sh [--sessions N] [--keep]
#
# Builds what it needs, creates namespaces jppp-demo-ac and jppp-demo-cli joined by a veth pair,
# starts jppp's access concentrator (bin/pppoe-server) in one and ONE jppp daemon (bin/jpppd)
# dialing N PPPoE sessions in the other (peers providerI, peers files in the seed's provider
# style, generated into a temporary config root), shows the journal-style log, pings across every
# session, prints `pppctl status` and tears everything down. --keep leaves it running until Enter.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

sessions=4
keep=0
while (($#)); do
    case "$1" in
        --sessions) sessions="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n 2,12p "$0"; exit 0 ;;
        *) echo "demo: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "demo: run as root (network namespaces, TUN)" >&2; exit 1; }

scripts/install-prereqs.sh >/dev/null
mvn -B -q -ntp -pl supervisor -am package -DskipTests   # the jar bin/pppd and bin/pppoe-server run

AC=jppp-demo-ac
CLI=jppp-demo-cli
work=$(mktemp -d /tmp/jppp-demo.XXXXXX)
pids=()

cleanup() {
    set +e
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
    ip netns del "$CLI" 2>/dev/null
    ip netns del "$AC" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "network namespaces $AC and $CLI, joined by a veth pair"
ip netns del "$CLI" 2>/dev/null || true
ip netns del "$AC" 2>/dev/null || true
ip netns add "$AC"
ip netns add "$CLI"
ip link add demo-ac type veth peer name demo-cli
ip link set demo-ac netns "$AC"
ip link set demo-cli netns "$CLI"
ip -n "$AC" link set lo up
ip -n "$CLI" link set lo up
ip -n "$AC" link set demo-ac up
ip -n "$CLI" link set demo-cli up

# The access concentrator's configuration root.
mkdir -p "$work/ac" "$work/cli/peers" "$work/run-ac" "$work/run-cli"
cat > "$work/ac/pppoe-server-options" <<'OPT'
auth
require-chap
name jppp-ac
ms-dns 10.99.0.53
ms-dns 10.99.0.54
lcp-echo-interval 10
lcp-echo-failure 3
OPT
: > "$work/ac/chap-secrets"
: > "$work/cli/chap-secrets"
peers=()
for ((i = 0; i < sessions; i++)); do
    printf '"user%d" * "secret-%d" *\n' "$i" "$i" >> "$work/ac/chap-secrets"
    printf '"user%d" * "secret-%d" *\n' "$i" "$i" >> "$work/cli/chap-secrets"
    cat > "$work/cli/peers/provider$i" <<PEER
# provider-style PPPoE peer, as the seed writes it
plugin rp-pppoe.so
nic-demo-cli
user "user$i"
noauth
usepeerdns
hide-password
noipdefault
mtu 1492
mru 1492
unit $i
linkname provider$i
PEER
    peers+=("\"provider$i\"")
done
# The daemon's peer list (application.conf's jppp.peers, overridden here).
(IFS=,; echo "jppp.peers = [${peers[*]}]") > "$work/cli/jppp.conf"
chmod 600 "$work/ac/chap-secrets" "$work/cli/chap-secrets"

step "access concentrator: bin/pppoe-server -I demo-ac -L 10.99.0.1 -R 10.99.0.10 -C jppp-ac -S internet"
JPPP_ETC_DIR="$work/ac" JPPP_RUN_DIR="$work/run-ac" \
    ip netns exec "$AC" bin/pppoe-server -F -I demo-ac -L 10.99.0.1 -R 10.99.0.10 -N 64 \
    -C jppp-ac -S internet > "$work/ac.log" 2>&1 &
pids+=($!)
sleep 2

step "one daemon for all $sessions sessions: bin/jpppd (peers from jppp.conf)"
export JPPP_ETC_DIR="$work/cli" JPPP_RUN_DIR="$work/run-cli"
started=$(date +%s)
ip netns exec "$CLI" bin/jpppd > "$work/jpppd.log" 2>&1 &
daemon=$!
pids+=("$daemon")

pppctl() { ip netns exec "$CLI" bin/pppctl "$@"; }
up=0
for ((t = 0; t < 90 && up < sessions; t++)); do
    sleep 1
    up=$(pppctl status 2>/dev/null | awk '$2 == "UP"' | wc -l || true)
done
echo "$up of $sessions sessions up after $(($(date +%s) - started)) s, in one process (pid $daemon)"

step "daemon log (provider0's lines), as journalctl would show it"
grep '^provider0: ' "$work/jpppd.log" | sed "s/^/pppd[$daemon]: /" | head -20

step "access concentrator log"
head -20 "$work/ac.log"

step "ping across every session"
failed=0
for ((i = 0; i < sessions; i++)); do
    # pppctl's table: PEER STATE PHASE IFACE LOCAL REMOTE ...
    read -r ifname peer < <(pppctl status "provider$i" 2>/dev/null | awk 'NR == 2 { print $4, $6 }' || true)
    ifname=${ifname:--} peer=${peer:--}
    if [ "$peer" != "-" ] && ip netns exec "$CLI" ping -q -c 2 -W 2 -I "$ifname" "$peer" >/dev/null; then
        echo "provider$i: $ifname -> $peer: ok"
    else
        echo "provider$i: $ifname -> $peer: FAILED"; failed=1
    fi
done

step "status: bin/pppctl status"
pppctl status

if ((keep)); then
    step "running; press Enter to tear down"
    read -r _ || true
fi

step "teardown: SIGTERM to jpppd (every session: LCP Terminate-Request and PADT)"
kill -TERM "$daemon"
status=0
wait "$daemon" || status=$?
echo "jpppd exited with status $status (pppd's 5: terminated by a signal)"
grep -c "Received PADT" "$work/ac.log" | sed 's/^/access concentrator: PADTs received: /' || true
cleanup
trap - EXIT
if ((up == sessions && failed == 0)); then
    echo "demo: OK ($sessions PPPoE sessions up and pinged)"
else
    echo "demo: FAILED ($up of $sessions up)"; exit 1
fi
