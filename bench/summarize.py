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

# PF-13's targets, against the medians above: one row per target and label (JVM flag set / class-data variant).
bare_rss = [v for g, f in groups.items() if g.startswith("bare-window") for v in f.get("peakRssMb", [])]
bare = statistics.median(bare_rss) if bare_rss else None


def med(prefix, figure, label):
    for g, f in groups.items():
        parts = g.split(" ")
        if g.startswith(prefix) and parts[1] == label and figure in f:
            return statistics.median(f[figure]), min(f[figure]), max(f[figure]), len(f[figure])
    return None


TARGETS = [  # (target, group prefix, figure, limit, how the figure reads)
    ("1. first interactive screen / bare window", "app", "ratioVsBare", 1.5, "x"),
    ("2. first-run sandbox connected after JVM start", "app", "connectedMs", 2500, "ms"),
    ("3a. peak RSS once connected, over the bare window", "app", "peakRssMb", 120, "MB over"),
    ("3b. peak RSS, whole demo flow, over the bare window", "app", "peakRssMb@flow-demo", 150, "MB over"),
    ("4a. 10,001 VMs: every row in the table after Next", "app", "vmAllRowsMs@flow-large", 2000, "ms"),
    ("4b. filter as you type, median keystroke", "app", "keystrokeMedianMs@flow-large", 16, "ms"),
    ("4c. FX thread's longest piece of work, demo flow", "app", "fxBusyMaxMs@flow-demo", 50, "ms"),
    ("4c. FX thread's longest piece of work, large flow", "app", "fxBusyMaxMs@flow-large", 50, "ms"),
    ("5. cold `poolforge run` (whole process), wall", "cli-run", "wallMs", 3000, "ms"),
    ("5. cold `poolforge run`, peak RSS", "cli-run", "peakRssMb", 200, "MB"),
    ("5. sandbox run, requests (cold)", "sandbox-run", "totalRequests", 40, ""),
]
labels = sorted({g.split(" ")[1] for g in groups if g.split(" ")[0] in ("app", "cli-run", "sandbox-run")})
print("\n== PF-13 targets (median, min-max, n)")
print(f"  {'target':55s} {'label':18s} {'figure':>24s}  limit   verdict")
for name, prefix, figure, limit, unit in TARGETS:
    fig, _, mode = figure.partition("@")
    gp = prefix + (" " if not mode else "")
    for label in labels:
        m = None
        for g, f in groups.items():
            p = g.split(" ")
            if p[0] != prefix or p[1] != label or fig not in f:
                continue
            if mode and " ".join(p[2:4]) != mode.replace("-", " "):
                continue
            if not mode and prefix == "app" and p[2] != "startup":
                continue
            if prefix == "sandbox-run" and p[-1] != "cold":
                continue
            v = f[fig]
            m = (statistics.median(v), min(v), max(v), len(v))
        if m is None:
            continue
        shift = bare if unit == "MB over" and bare is not None else 0
        val, lo, hi, n = (m[0] - shift, m[1] - shift, m[2] - shift, m[3])
        verdict = "met" if val <= limit else "MISSED"
        print(f"  {name:55s} {label:18s} {val:9.2f} ({lo:.1f}-{hi:.1f}, {n})  {limit:>6}  {verdict}")
if bare is not None:
    print(f"  (bare window peak RSS, median: {bare:.1f} MB)")

# PF-21's goals: the installed app and the README path (`java -jar`, first start without and second start with the
# class-data archive it makes) side by side, median (min-max, n); "-" = not measured on that path.
GOALS = [  # (goal, group prefix, figure, limit, unit)
    ("first interactive screen / bare window", "app", "ratioVsBare", 1.25, "x"),
    ("first-run sandbox connected after JVM start", "app", "connectedMs", 1500, "ms"),
    ("peak RSS once connected, over the bare window", "app", "peakRssMb", 60, "MB over"),
    ("10,001 VMs: first rows after Next", "app", "vmFirstRowsMs@flow-large", 300, "ms"),
    ("10,001 VMs: every row in the table after Next", "app", "vmAllRowsMs@flow-large", 1500, "ms"),
    ("FX thread's longest piece of work, demo flow", "app", "fxBusyMaxMs@flow-demo", 50, "ms"),
    ("FX thread's longest piece of work, large flow", "app", "fxBusyMaxMs@flow-large", 50, "ms"),
]
readme = [lb for lb in ("readme-script", "readme-first", "readme-second") if any(g.split(" ")[1] == lb for g in groups)]
installed = [lb for lb in labels if not lb.startswith("readme")]
if readme or installed:
    cols = installed + readme
    loads = [float(x) for g, f in groups.items() for x in f.get("load", [])]
    print("\n== PF-21 goals, both paths side by side (median (min-max, n); verdict on the median)")
    if loads:
        print(f"  load average (1 min) at the measurements: {min(loads):.2f}-{max(loads):.2f}, median {statistics.median(loads):.2f}")
    print(f"  {'goal':47s} {'limit':>8s}  " + "  ".join(f"{c:>30s}" for c in cols))
    for name, prefix, figure, limit, unit in GOALS:
        fig, _, mode = figure.partition("@")
        cells = []
        for label in cols:
            m = None
            for g, f in groups.items():
                p = g.split(" ")
                if p[0] != prefix or p[1] != label or fig not in f:
                    continue
                if mode and " ".join(p[2:4]) != mode.replace("-", " "):
                    continue
                if not mode and p[2] != "startup":
                    continue
                v = f[fig]
                shift = bare if unit == "MB over" and bare is not None else 0
                m = (statistics.median(v) - shift, min(v) - shift, max(v) - shift, len(v))
            if m is None:
                cells.append(f"{'-':>30s}")
            else:
                ok = "ok" if m[0] <= limit else "MISS"
                d = 2 if unit == "x" else 0
                cells.append(f"{m[0]:8.{d}f} ({m[1]:.{d}f}-{m[2]:.{d}f}, {m[3]}) {ok:>4s}".rjust(30))
        print(f"  {name:47s} {str(limit) + ' ' + unit.replace(' over', ''):>8s}  " + "  ".join(cells))
    parent = [v for g, f in groups.items() if g.startswith("readme-parent") for v in f.get("peakRssMb", [])]
    if parent:
        print(f"  (README path: the relaunching `java -jar` JVM itself, peak RSS median {statistics.median(parent):.1f} MB, beside the desktop's)")
    print("  (installed app: label " + ", ".join(installed) + "; readme-script: the README's command, target/poolforge, one JVM, timed from its start;"
          " readme-first/-second: `java -jar poolforge.jar` relaunching the desktop, timed from the first JVM's start)")
