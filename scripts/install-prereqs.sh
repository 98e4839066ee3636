#!/usr/bin/env bash
# Installs, from Debian's archive, whatever the build and the tests need and this machine lacks.
# Fails loudly when something cannot be installed: tests are never skipped for a missing tool.
set -euo pipefail

need=()
command -v javac  >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn    >/dev/null || need+=(maven)
# SystemdUnitsTest (systemd-analyze verify) and the poff tests (unshare --pid).
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v unshare >/dev/null || need+=(util-linux)
command -v tshark >/dev/null || need+=(tshark)
command -v ip     >/dev/null || need+=(iproute2)
command -v socat  >/dev/null || need+=(socat)
command -v ping   >/dev/null || need+=(iputils-ping)
command -v tcpdump >/dev/null || need+=(tcpdump)
command -v ps     >/dev/null || need+=(procps)
# bench/pppoe-throughput.sh: TCP throughput and veth offload switches.
command -v iperf3 >/dev/null || need+=(iperf3)
command -v ethtool >/dev/null || need+=(ethtool)

if ((${#need[@]})); then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "install-prereqs: installing ${need[*]}"
    # tshark asks whether non-root users may capture; answer for it.
    echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
    # iperf3 asks whether to start its daemon at boot; we only run it by hand.
    echo "iperf3 iperf3/start_daemon boolean false" | $SUDO debconf-set-selections
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

for tool in javac mvn tshark ip socat ping tcpdump ps iperf3 ethtool; do
    command -v "$tool" >/dev/null || { echo "install-prereqs: $tool is still missing" >&2; exit 1; }
done
command -v systemd-analyze >/dev/null || { echo "install-prereqs: systemd-analyze is still missing" >&2; exit 1; }
command -v unshare >/dev/null || { echo "install-prereqs: unshare is still missing" >&2; exit 1; }

# The reference peer (real pppd and rp-pppoe in a qemu guest) that the integration tests dial:
# its build.sh installs qemu and builds the guest image from Debian packages (cached). Without
# it the integration tests fail loudly; they are never skipped.
refpeer="$(cd "$(dirname "$0")/../.." && pwd)/shared/refpeer"
if [ "${1:-}" = "--with-refpeer" ]; then
    [ -x "$refpeer/build.sh" ] || { echo "install-prereqs: $refpeer/build.sh not found (shared/ must sit beside the repository)" >&2; exit 1; }
    "$refpeer/build.sh" >/dev/null
fi
