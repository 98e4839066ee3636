#!/usr/bin/env bash
# Runs every test of jppp: installs what is missing, builds, and runs `mvn verify`
# (unit tests, the layering rule, the tshark oracle and the integration tests).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prereqs.sh --with-refpeer
exec mvn -B -ntp verify "$@"
