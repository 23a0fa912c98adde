#!/usr/bin/env python3
"""Median, min and max of every figure in a bench/run.sh results file, grouped by benchmark,
label (JAVA_OPTS variant), mode/scenario and, for sandbox-run, cold (iteration 0) vs warm."""
import re
import statistics
import sys
from collections import defaultdict

groups = defaultdict(lambda: defaultdict(list))
last_bare = {}  # label -> the bare window measured just before (start-up runs alternate bare, app)
for line in open(sys.argv[1] if len(sys.argv) > 1 else "target-bench/bench-results.txt"):
    if not line.startswith("BENCH "):
        continue
    parts = line.split()
    kv = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
    key = [parts[1], kv.get("label", "")]
    if parts[1] == "app":
        key += [kv.get("mode", ""), kv.get("scenario", "")]
    if parts[1] == "sandbox-run":
        key.append("cold" if kv.get("iteration") == "0" else "warm")
    if parts[1] == "bare-window":
        last_bare[kv.get("label", "")] = kv
        last_bare[None] = kv
    elif parts[1] == "app" and kv.get("mode") == "startup" and (kv.get("label", "") in last_bare or None in last_bare):
        # The bare window of the same label just before, else (VARIANTS loops) the last bare window of any label.
        bare = last_bare.pop(kv.get("label", "")) if kv.get("label", "") in last_bare else last_bare[None]
        kv["ratioVsBare"] = "%.2f" % (float(kv["interactiveMs"]) / float(bare["interactiveMs"]))
        kv["startupRssOverBareMb"] = "%.1f" % (float(kv["startupPeakRssMb"]) - float(bare["peakRssMb"]))
    for k, v in kv.items():
        if re.fullmatch(r"-?\d+(\.\d+)?", v):
            groups[" ".join(key)][k].append(float(v))

for g, figures in sorted(groups.items()):
    n = max(len(v) for v in figures.values())
    print(f"== {g} (n={n})")
    for k, v in figures.items():
        if k == "iteration":
            continue
        print(f"  {k:26s} median {statistics.median(v):10.2f}   min {min(v):10.2f}   max {max(v):10.2f}")
