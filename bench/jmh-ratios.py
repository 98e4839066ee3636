#!/usr/bin/env python3
"""Prints JMH results (JSON, average time) as ratios to the baseline* methods of the same class
and parameters, so numbers from a noisy, shared machine compare within one run.

The ratio uses the median of the measurement iterations, not JMH's mean: on a machine shared with
other jobs one preempted iteration can multiply the mean, and the median ignores it. JMH's own
mean and 99.9 % error are printed alongside."""
import json
import statistics
import sys
from collections import defaultdict

runs = json.load(open(sys.argv[1]))
groups = defaultdict(dict)
for r in runs:
    cls, method = r["benchmark"].rsplit(".", 1)
    params = ",".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
    m = r["primaryMetric"]
    median = statistics.median(v for fork in m["rawData"] for v in fork)
    groups[(cls.rsplit(".", 1)[1], params)][method] = (median, m["score"], m["scoreError"], m["scoreUnit"])

print(f"{'benchmark':<20} {'params':<11} {'method':<14} {'median':>9} {'mean':>9} {'error':>9}  unit   "
      "median ratio to baseline(s)")
for (cls, params), methods in sorted(groups.items()):
    baselines = {k: v for k, v in methods.items() if k.startswith("baseline")}
    for method, (median, score, err, unit) in sorted(methods.items()):
        ratios = "  ".join(f"{median / b[0]:.2f}x {name}" for name, b in sorted(baselines.items())
                           if name != method)
        print(f"{cls:<20} {params:<11} {method:<14} {median:>9.1f} {score:>9.1f} {err:>9.1f}  {unit:<6} {ratios}")
