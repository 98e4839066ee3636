# Sourced by the bench scripts (bash, set -euo pipefail, run as root from the repository root).
#
#   bench_lab NAME
#
# makes two network namespaces with random names, $A (the access concentrator's) and $B (the
# client's), each with lo up, and a work directory $work; nothing is added to the host's own
# namespace. On exit, also on failure or Ctrl-C, the processes whose pids the script added to
# $pids are ended, the namespaces deleted, the logs copied to $logs (when set) and $work removed.

log() { printf '%s\n' "$*" >&2; }

# Ends what the script started, by pid; never by name (other helpers run the same binaries).
stop() {
    local p=$1
    kill -TERM "$p" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
}

bench_cleanup() {
    set +e
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    ip netns del "$B" 2>/dev/null
    ip netns del "$A" 2>/dev/null
    [ -z "${logs:-}" ] || { mkdir -p "$logs" && cp "$work"/*.log "$logs"/; }
    rm -rf "$work"
}

bench_lab() {
    local tag
    tag=$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')
    A="jppp-$1-$tag-ac"
    B="jppp-$1-$tag-cli"
    work=$(mktemp -d "/tmp/jppp-$1.XXXXXX")
    pids=()
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
    ip netns add "$A"
    ip netns add "$B"
    ip -n "$A" link set lo up
    ip -n "$B" link set lo up
}
