#!/usr/bin/env bash
# Runs the JMH microbenchmarks of bench/ and prints each result as a ratio to the baseline
# measured in the same run (same class, same parameters).
#
#   bench/run-jmh.sh                      # all benchmarks, the short default (1 fork, 2+3 x 1 s)
#   bench/run-jmh.sh HdlcBench -f 2       # a subset (regex), any JMH option after it
#
# The JSON results go to bench/target/jmh-result.json. The build never runs benchmarks; only
# this script does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
    (cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests)
fi
result="$root/bench/target/jmh-result.json"
java -jar "$jar" -rf json -rff "$result" "$@"
python3 "$root/bench/jmh-ratios.py" "$result"
