#!/usr/bin/env python3
"""Two builds of tenboard side by side on copies of one store: `list --json`, `add`, `resolve o<i>`
and `status`, alternating the builds round by round, each build on its own copy; the median wall
time and CPU (user + system) of each. For a change to the hot path: the ratio of the two builds in
one interleaved run, on a store shaped like a real one (the kept stores of hot_path_bench.py).

  python3 Tests/Benchmarks/pair_bench.py --old OLD_BIN --new NEW_BIN --store KEPT_STORE_DIR \\
      [--at 'YYYY-MM-DD HH:MM'] [--runs 15]

The store is copied twice (it is never changed); `resolve o<i>` needs open issues o0, o1, … as the
generated stores have them."""
import argparse, os, resource, shutil, subprocess, tempfile, time
import bench_common

p = argparse.ArgumentParser()
p.add_argument("--old", required=True)
p.add_argument("--new", required=True)
p.add_argument("--store", required=True, help="a store directory to copy (left as it is)")
p.add_argument("--at", help="a day other than today, 'YYYY-MM-DD HH:MM' Europe/Amsterdam (faketime)")
p.add_argument("--runs", type=int, default=15)
a = p.parse_args()

clock = bench_common.FakeClock(a.at)
work = tempfile.mkdtemp(prefix="tenboard-pair-")
copies = {}
for name in ("old", "new"):
    copies[name] = os.path.join(work, name)
    shutil.copytree(a.store, copies[name], symlinks=True)
os.sync()
bins = {"old": a.old, "new": a.new}
commands = [("list --json", ["list", "--json"]), ("add", ["add", "--customer", "c", "--summary", "s"]),
            ("resolve", None), ("status", ["status"])]
times = {}
print(f"load average before: {bench_common.load()}")
try:
    for i in range(a.runs):
        for name in ("old", "new") if i % 2 == 0 else ("new", "old"):
            env = dict(os.environ, TENBOARD_STORE=copies[name], **clock.env)
            for label, args in commands:
                args = args or ["resolve", f"o{i}", "--by", "pair"]
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                subprocess.run([bins[name]] + args, env=env, stdout=subprocess.DEVNULL, check=True)
                wall = time.perf_counter() - t
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
                times.setdefault((label, name), []).append((wall, cpu))
finally:
    clock.stop()
    shutil.rmtree(work, ignore_errors=True)
print(f"load average after: {bench_common.load()}")
print(f"{'median of ' + str(a.runs):14} {'old wall':>9} {'new wall':>9} {'old CPU':>9} {'new CPU':>9}  new ÷ old (wall)")
for label, _ in commands:
    o, n = times[(label, "old")], times[(label, "new")]
    ow, nw = bench_common.med(x[0] for x in o) * 1000, bench_common.med(x[0] for x in n) * 1000
    oc, nc = bench_common.med(x[1] for x in o) * 1000, bench_common.med(x[1] for x in n) * 1000
    print(f"{label:14} {ow:7.1f}ms {nw:7.1f}ms {oc:7.1f}ms {nc:7.1f}ms  {nw / ow:.2f}")
