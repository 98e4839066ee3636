#!/usr/bin/env bash
# bash with-syslog.sh OUT COMMAND...: runs COMMAND in a private mount namespace whose /dev/log is a
# socket of this script's own (socat), appending every syslog datagram to OUT, one per line. The
# host's /dev and syslog daemon are untouched: /dev is a tmpfs copy, with /dev/pts bound in.
# SIGTERM is passed on to COMMAND; the exit status is COMMAND's. With JPPP_SYSLOG_WAIT_PIDFILE set,
# the socket stays open after COMMAND exits until the process named in that pid file has exited
# too (a bin/pppd that detached into a child).
set -euo pipefail
if [ -z "${JPPP_SYSLOG_NS:-}" ]; then
    exec env JPPP_SYSLOG_NS=1 unshare --mount --propagation private bash "$0" "$@"
fi
out="$1"
shift
# The mount point lives beside OUT, so the caller's temporary directory takes it away.
dev="$out.dev"
mkdir -p "$dev"
mount -t tmpfs jppp-dev "$dev"
cp -a /dev/. "$dev"/ 2>/dev/null || true
mount --rbind /dev/pts "$dev/pts"
rm -f "$dev/log"
socat -u UNIX-RECV:"$dev/log" "OPEN:$out,creat,append" &
socat_pid=$!
for _ in $(seq 1 50); do [ -S "$dev/log" ] && break; sleep 0.1; done
[ -S "$dev/log" ] || { echo "with-syslog: socat did not create $dev/log" >&2; exit 1; }
mount --rbind "$dev" /dev
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true' TERM INT
status=0
wait "$child" || status=$?
# A trapped signal interrupts wait: wait again for the real exit status.
if kill -0 "$child" 2>/dev/null; then
    status=0
    wait "$child" || status=$?
fi
if [ -n "${JPPP_SYSLOG_WAIT_PIDFILE:-}" ] && [ -f "$JPPP_SYSLOG_WAIT_PIDFILE" ]; then
    detached="$(head -n 1 "$JPPP_SYSLOG_WAIT_PIDFILE")"
    while kill -0 "$detached" 2>/dev/null; do sleep 0.1; done
fi
sleep 0.2
kill "$socat_pid" 2>/dev/null || true
exit "$status"
