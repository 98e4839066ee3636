#!/usr/bin/env bash
# Runs the JMH microbenchmarks of bench/ and prints each result as a ratio to the baseline
# measured in the same run (same class, same parameters).
#
#   bench/run-jmh.sh                      # all benchmarks, the short default (1 fork, 2+3 x 1 s)
#   bench/run-jmh.sh HdlcBench -f 2       # a subset (regex), any JMH option after it
#   bench/run-jmh.sh -l                   # list the benchmarks
#
# The JSON results go to bench/target/jmh-result.json. The build never runs benchmarks; only
# this script does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
# Always rebuilt (a few seconds), so the benchmarks never run stale code.
(cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests)
result="$root/bench/target/jmh-result.json"
rm -f "$result"
java -jar "$jar" -rf json -rff "$result" "$@"
# No result file for -l, -h and the like.
[ ! -s "$result" ] || python3 "$root/bench/jmh-ratios.py" "$result"
