#!/usr/bin/env bash
# End-to-end benchmark of jppp's PPPoE data path and session setup, each as a ratio to a
# baseline measured in the same run (the machines are shared and noisy; absolute numbers move).
#
#   bench/pppoe-throughput.sh [--time S] [--rounds R] [--clients N] [--skip-setup] [--logs DIR]
#
# Run as root. Two network namespaces with random names, joined by two veth pairs made inside
# them (nothing is added to the host's own namespace); everything is removed on exit, also on
# failure or Ctrl-C.
#
#   (a) baseline: iperf3 TCP over a plain veth pair, MTU 1492, offloads off (TSO, GSO, GRO), so
#       the kernel handles one packet at a time as a user-space forwarder must.
#   (b) jppp: bin/pppoe-server in one namespace, bin/pppd (rp-pppoe.so) in the other, over the
#       second veth pair (MTU 1500, offloads off); iperf3 TCP through ppp0, client to AC (up) and
#       AC to client (down, iperf3 -R).
#   The R rounds (default 2) each run a, b up and down, S seconds each (default 10), interleaved
#   so that a noisy minute hits both sides.
#   (c) session setup: N (default 10) bin/pppd clients started one after another (each when the
#       previous one logged "local  IP address"), total wall time; baseline: N
#       `bin/pppd call provider dryrun` one after another (same launcher, JVM, jar and options
#       parsed, then exit). The ratio is what a session costs over a bare JVM start.
#
# Prints one line per measurement and a summary with the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=10
rounds=2
clients=10
setup=1
logs=""
while (($#)); do
    case "$1" in
        --time) seconds="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --clients) clients="$2"; shift 2 ;;
        --skip-setup) setup=0; shift ;;
        --logs) logs="$2"; shift 2 ;;
        -h|--help) sed -n 2,23p "$0"; exit 0 ;;
        *) echo "pppoe-throughput: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "pppoe-throughput: run as root (network namespaces, TUN)" >&2; exit 1; }

scripts/install-prereqs.sh >/dev/null
jar=supervisor/target/jppp.jar
[ -f "$jar" ] || mvn -B -q -o -pl supervisor -am package -DskipTests

source bench/lab.sh
bench_lab bench

offloads_off() {
    ip netns exec "$1" ethtool -K "$2" tso off gso off gro off >/dev/null 2>&1 \
        || ip netns exec "$1" ethtool -K "$2" gso off gro off >/dev/null
}

# (a) the plain pair.
ip -n "$A" link add vbase type veth peer name vbase netns "$B"
for ns in "$A" "$B"; do
    ip -n "$ns" link set vbase mtu 1492 up
    offloads_off "$ns" vbase
done
ip -n "$A" addr add 10.200.0.1/24 dev vbase
ip -n "$B" addr add 10.200.0.2/24 dev vbase
# (b) the PPPoE pair: Ethernet MTU 1500 carries PPP MTU 1492 (RFC 2516 §7).
ip -n "$A" link add veth0 type veth peer name veth0 netns "$B"
for ns in "$A" "$B"; do
    ip -n "$ns" link set veth0 up
    offloads_off "$ns" veth0
done

# Configuration roots, as PppoeEtc writes them for the integration tests.
mkdir -p "$work/ac" "$work/cli/peers" "$work/run-ac" "$work/run-cli"
printf '"alice" * "s3cret" *\n' > "$work/ac/chap-secrets"
cp "$work/ac/chap-secrets" "$work/cli/chap-secrets"
chmod 600 "$work/ac/chap-secrets" "$work/cli/chap-secrets"
cat > "$work/ac/pppoe-server-options" <<'OPT'
auth
require-chap
name jppp-ac
lcp-echo-interval 10
lcp-echo-failure 6
debug
OPT
cat > "$work/cli/peers/provider" <<'PEER'
plugin rp-pppoe.so
nic-veth0
user alice
noauth
nodetach
noipdefault
mtu 1492
mru 1492
PEER

ac_log="$work/ac.log"
JPPP_ETC_DIR="$work/ac" JPPP_RUN_DIR="$work/run-ac" \
    ip netns exec "$A" bin/pppoe-server -F -I veth0 -L 10.99.0.1 -R 10.99.0.10 -N 250 \
    -C jppp-ac -S internet --padi-rate 500:500 > "$ac_log" 2>&1 &
pids+=($!)
for _ in $(seq 150); do grep -q "serving \[veth0\]" "$ac_log" && break; sleep 0.2; done
grep -q "serving \[veth0\]" "$ac_log" || { cat "$ac_log" >&2; log "pppoe-server did not start"; exit 1; }

# Starts bin/pppd call provider in the client namespace; echoes the pid.
dial() {
    local name=$1; shift
    JPPP_ETC_DIR="$work/cli" JPPP_RUN_DIR="$work/run-cli/$name" \
        ip netns exec "$B" bin/pppd call provider "$@" > "$work/$name.log" 2>&1 &
    echo $!
}

mkdir -p "$work/run-cli/main"
main_pid=$(dial main unit 0)
pids+=("$main_pid")
for _ in $(seq 300); do grep -q "local  IP address" "$work/main.log" && break; sleep 0.2; done
grep -q "local  IP address" "$work/main.log" || { cat "$work/main.log" "$ac_log" >&2; log "session did not come up"; exit 1; }
ac_ip=10.99.0.1

# iperf3 servers: one on the plain pair, one on the AC's end of the session.
ip netns exec "$B" iperf3 -s -B 10.200.0.2 -p 5201 > "$work/iperf-base.log" 2>&1 &
pids+=($!)
ip netns exec "$A" iperf3 -s -B "$ac_ip" -p 5202 > "$work/iperf-ppp.log" 2>&1 &
pids+=($!)
sleep 1

# iperf3 TCP for $seconds from namespace $1 to $2:$3 [extra args]; sets $mbits (received).
# The client runs in the background and the script waits for it, so that a signal runs the
# cleanup trap at once (bash defers traps while a foreground command or $(...) runs).
iperf() {
    local ns=$1 host=$2 port=$3; shift 3
    ip netns exec "$ns" iperf3 -c "$host" -p "$port" -t "$seconds" -O 1 -J "$@" > "$work/iperf.json" 2>&1 &
    local p=$!
    pids+=("$p")
    if wait "$p"; then
        mbits=$(python3 -c 'import json,sys; print("%.0f" % (json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"] / 1e6))' \
            < "$work/iperf.json")
    else
        log "iperf3 to $host failed: $(cat "$work/iperf.json")"
        mbits=0
    fi
}

declare -a base_up base_down ppp_up ppp_down
for ((r = 1; r <= rounds; r++)); do
    iperf "$A" 10.200.0.2 5201; base_up[r]=$mbits
    iperf "$A" 10.200.0.2 5201 -R; base_down[r]=$mbits
    iperf "$B" "$ac_ip" 5202; ppp_up[r]=$mbits
    iperf "$B" "$ac_ip" 5202 -R; ppp_down[r]=$mbits
    log "round $r: veth ${base_up[r]} / ${base_down[r]} Mbit/s, jppp up ${ppp_up[r]} down ${ppp_down[r]} Mbit/s"
done

stop "$main_pid"

setup_base=""
setup_jppp=""
setup_up=0
if ((setup)); then
    # One after another, not all at once: N JVMs starting together on two shared cores starve each
    # other's LCP and discovery timers (20 at once took minutes and lost sessions), which measures
    # the scheduler rather than jppp. Sequentially, each step is one JVM start plus what follows.
    # Baseline: N JVMs that load jppp and parse the same options (dryrun), then exit.
    t0=$(date +%s%N)
    for ((i = 1; i <= clients; i++)); do
        mkdir -p "$work/run-cli/dry$i"
        JPPP_ETC_DIR="$work/cli" JPPP_RUN_DIR="$work/run-cli/dry$i" \
            ip netns exec "$B" bin/pppd call provider dryrun > "$work/dry$i.log" 2>&1 \
            || { log "dryrun failed: $(head -5 "$work/dry$i.log")"; exit 1; }
    done
    setup_base=$(( ($(date +%s%N) - t0) / 1000000 ))

    # jppp: N clients, each its own JVM, session and ppp unit, each started when the one before
    # logged its address; they stay up, so the AC serves 1..N sessions as the run goes on.
    t0=$(date +%s%N)
    dialers=()
    for ((i = 1; i <= clients; i++)); do
        mkdir -p "$work/run-cli/c$i"
        p=$(dial "c$i" unit "$i")
        pids+=("$p")
        dialers+=("$p")
        t1=$(date +%s%N)
        t_connect=""
        deadline=$(( $(date +%s) + 60 ))
        until grep -q "local  IP address" "$work/c$i.log"; do
            [ -n "$t_connect" ] || ! grep -q "^Connect: " "$work/c$i.log" || t_connect=$(date +%s%N)
            (( $(date +%s) < deadline )) && kill -0 "$p" 2>/dev/null || break
            sleep 0.05
        done
        grep -q "local  IP address" "$work/c$i.log" || { log "client $i did not come up: $(tail -5 "$work/c$i.log")"; break; }
        t2=$(date +%s%N)
        # "Connect:" is logged once discovery is done and the PPP link starts (pppd's wording).
        log "client $i: Connect after $(( (${t_connect:-$t2} - t1) / 1000000 )) ms, address after $(( (t2 - t1) / 1000000 )) ms"
        setup_up=$i
    done
    setup_jppp=$(( ($(date +%s%N) - t0) / 1000000 ))
    log "session setup: $setup_up of $clients up after $setup_jppp ms; $clients dryruns took $setup_base ms"
    for p in "${dialers[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${dialers[@]}"; do stop "$p"; done
fi

ratio() { python3 -c "print('%.3f' % ($1 / $2 if $2 else float('nan')))"; }

echo "date: $(date -u +%FT%TZ)  host: $(nproc) cores, $(uname -r)  iperf3 ${seconds}s x $rounds rounds"
printf '%-6s %-28s %12s %12s %8s\n' round measurement baseline jppp ratio
for ((r = 1; r <= rounds; r++)); do
    printf '%-6s %-28s %12s %12s %8s\n' "$r" "TCP up (client->AC) Mbit/s" "${base_up[r]}" "${ppp_up[r]}" \
        "$(ratio "${ppp_up[r]}" "${base_up[r]}")"
    printf '%-6s %-28s %12s %12s %8s\n' "$r" "TCP down (AC->client) Mbit/s" "${base_down[r]}" "${ppp_down[r]}" \
        "$(ratio "${ppp_down[r]}" "${base_down[r]}")"
done
if ((setup)); then
    printf '%-6s %-28s %12s %12s %8s\n' "-" "$clients sessions up, ms" "$setup_base" "$setup_jppp" \
        "$(ratio "$setup_jppp" "$setup_base")"
    ((setup_up == clients)) || { echo "only $setup_up of $clients sessions came up" >&2; exit 1; }
fi
