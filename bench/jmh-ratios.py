#!/usr/bin/env python3
"""Prints JMH results (JSON, average time) as ratios to the baseline* methods of the same class
and parameters, so numbers from a noisy, shared machine compare within one run."""
import json
import sys
from collections import defaultdict

runs = json.load(open(sys.argv[1]))
groups = defaultdict(dict)
for r in runs:
    cls, method = r["benchmark"].rsplit(".", 1)
    params = ",".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
    m = r["primaryMetric"]
    groups[(cls.rsplit(".", 1)[1], params)][method] = (m["score"], m["scoreError"], m["scoreUnit"])

print(f"{'benchmark':<22} {'params':<14} {'method':<14} {'score':>10} {'error':>9}  unit   ratio to baseline(s)")
for (cls, params), methods in sorted(groups.items()):
    baselines = {k: v for k, v in methods.items() if k.startswith("baseline")}
    for method, (score, err, unit) in sorted(methods.items()):
        ratios = "  ".join(f"{score / b[0]:.2f}x {name}" for name, b in sorted(baselines.items())
                           if name != method)
        print(f"{cls:<22} {params:<14} {method:<14} {score:>10.1f} {err:>9.1f}  {unit:<6} {ratios}")
