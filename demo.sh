#!/usr/bin/env bash
# The jppp demo. This milestone (the protocol and configuration core) shows jppp reading a real
# /etc/ppp tree exactly as pppd does: Debian's stock options, a provider peers file written from
# the Arch wiki, secrets files with pppd's permission warning, `pppd call provider dryrun` with
# the source of every option, and pppd's error and exit status for a bad options file.
# The PPPoE-between-namespaces demo arrives with the PPPoE milestone (see README "Status").
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prereqs.sh >/dev/null
[ -f supervisor/target/jppp.jar ] || mvn -B -q -ntp -pl supervisor -am package -DskipTests

etc=$(mktemp -d /tmp/jppp-demo.XXXXXX)
trap 'rm -rf "$etc"' EXIT
mkdir -p "$etc/peers"
cat > "$etc/options" <<'OPT'
# Debian's stock /etc/ppp/options (active lines)
asyncmap 0
auth
crtscts
lock
hide-password
modem
lcp-echo-interval 30
lcp-echo-failure 4
noipx
OPT
cat > "$etc/peers/provider" <<'PEER'
# PPPoE provider, as the Arch wiki writes it
plugin rp-pppoe.so
nic-eth0
user "someone@isp"
password "not-shown"
noauth
usepeerdns
persist
maxfail 0
holdoff 5
defaultroute
hide-password
noipdefault
mtu 1492
PEER
printf '"someone@isp" * "not-shown" *\n' > "$etc/chap-secrets"
chmod 600 "$etc/chap-secrets"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
step "JPPP_ETC_DIR=$etc bin/pppd call provider dryrun"
JPPP_ETC_DIR="$etc" bin/pppd call provider dryrun

step "echo bogus >> peers/provider; bin/pppd call provider dryrun"
echo "bogus" >> "$etc/peers/provider"
set +e
JPPP_ETC_DIR="$etc" bin/pppd call provider dryrun
status=$?
set -e
echo "exit status $status (pppd's EXIT_OPTION_ERROR is 2)"
[ "$status" -eq 2 ]
echo
echo "demo: OK"
