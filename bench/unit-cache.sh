#!/usr/bin/env bash
# What the access concentrator's unit cache saves: N sequential session ends and starts, served by
# bin/pppoe-server with --unit-cache 64 and with --unit-cache 0, in the same run.
#
#   bench/unit-cache.sh [--cycles N] [--rounds R] [--logs DIR]
#
# Run as root. Two network namespaces with random names joined by a veth pair made inside them;
# everything is removed on exit, also on failure or Ctrl-C. The client is one bin/jpppd peer (its
# own unit cache off, as by default, so it is the same in both modes), stopped and started N times (default 20)
# through the control socket: `down`, wait until the AC has closed the session (its debug line
# "closed in N us"), `up`, wait until the peer is UP. Each round (default 2) runs both modes, cache
# first, then without. Printed per mode and round: the wall time of the N cycles, and the AC's time
# to close a session's interface (reset and keep it, or delete it; median and mean over the N),
# and how many distinct ifindexes the AC's sessions had.
set -euo pipefail
cd "$(dirname "$0")/.."

cycles=20
rounds=2
logs=""
while (($#)); do
    case "$1" in
        --cycles) cycles="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --logs) logs="$2"; shift 2 ;;
        -h|--help) sed -n 2,16p "$0"; exit 0 ;;
        *) echo "unit-cache: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "unit-cache: run as root (network namespaces, TUN)" >&2; exit 1; }
jar=supervisor/target/jppp.jar
[ -f "$jar" ] || mvn -B -q -o -pl supervisor -am package -DskipTests

source bench/lab.sh
bench_lab ucache
ip -n "$A" link add veth0 type veth peer name veth0 netns "$B"
ip -n "$A" link set veth0 up
ip -n "$B" link set veth0 up

mkdir -p "$work/ac" "$work/cli/peers" "$work/run-ac" "$work/run-cli"
printf '"alice" * "s3cret" *\n' > "$work/ac/chap-secrets"
cp "$work/ac/chap-secrets" "$work/cli/chap-secrets"
chmod 600 "$work/ac/chap-secrets" "$work/cli/chap-secrets"
printf 'auth\nrequire-chap\nname jppp-ac\ndebug\n' > "$work/ac/pppoe-server-options"
printf '#!/bin/sh\necho "$1 $(cat /sys/class/net/$1/ifindex)" >> %s\n' "$work/ifindex.txt" > "$work/ac/ip-up"
chmod 755 "$work/ac/ip-up"
printf 'plugin rp-pppoe.so\nnic-veth0\nuser alice\nnoauth\nrp_pppoe_service internet\n' > "$work/cli/peers/provider"
printf 'jppp.jpppd-unit-cache = 0\n' > "$work/cli/jppp.conf"

# One request on the control socket; prints the reply line.
request() {
    python3 - "$work/run-cli/jppp.sock" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
s.sendall((sys.argv[2] + "\n").encode())
print(s.makefile().readline().strip())
PY
}

await_up() {
    for _ in $(seq 1500); do
        request '{"cmd":"status","peer":"provider"}' 2>/dev/null | grep -q '"state":"UP".*"local":"10' && return 0
        sleep 0.02
    done
    log "peer not up"; return 1
}

count() { grep -c "$1" "$2" || true; }

now() { date +%s.%N; }

summary=()
run_mode() {
    local cache=$1 round=$2
    local ac_log="$work/ac-$cache-$round.log" cli_log="$work/cli-$cache-$round.log"
    : > "$work/ifindex.txt"
    JPPP_ETC_DIR="$work/ac" JPPP_RUN_DIR="$work/run-ac" ip netns exec "$A" bin/pppoe-server -F -I veth0 \
        -L 10.99.0.1 -R 10.99.0.10 -N 8 -C jppp-ac -S internet --unit-cache "$cache" > "$ac_log" 2>&1 &
    local ac=$!
    pids+=("$ac")
    for _ in $(seq 150); do grep -q "serving \[veth0\]" "$ac_log" && break; sleep 0.2; done
    JPPP_ETC_DIR="$work/cli" JPPP_RUN_DIR="$work/run-cli" ip netns exec "$B" bin/jpppd \
        --peer provider > "$cli_log" 2>&1 &
    local cli=$!
    pids+=("$cli")
    await_up
    local start end closed
    start=$(now)
    for i in $(seq "$cycles"); do
        closed=$(count "closed in" "$ac_log")
        request '{"cmd":"down","peer":"provider"}' > /dev/null
        for _ in $(seq 1500); do [ "$(count "closed in" "$ac_log")" -gt "$closed" ] && break; sleep 0.01; done
        request '{"cmd":"up","peer":"provider"}' > /dev/null
        await_up
    done
    end=$(now)
    stop "$cli"
    stop "$ac"
    local stats
    stats=$(grep -o 'closed in [0-9]* us' "$ac_log" | awk '{print $3}' | head -n "$cycles" | sort -n \
        | awk '{v[NR]=$1; s+=$1} END {printf "median %.2f ms, mean %.2f ms", v[int((NR+1)/2)]/1000, s/NR/1000}')
    local line
    line=$(printf 'unit-cache %-2s round %s: %s cycles in %.2f s; AC close per session: %s; distinct AC ifindexes: %s' \
        "$cache" "$round" "$cycles" "$(echo "$end - $start" | bc)" "$stats" \
        "$(awk '{print $2}' "$work/ifindex.txt" | sort -u | wc -l)")
    log "$line"
    summary+=("$line")
}

for r in $(seq "$rounds"); do
    run_mode 64 "$r"
    run_mode 0 "$r"
done
printf '%s\n' "${summary[@]}"
