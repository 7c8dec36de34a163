#!/usr/bin/env python3
"""Import benchmark: is `tenboard import` in the league of a plain JSON round trip?

Generates 100,000 issues with the store benchmark's generator (store_bench.make_issues: four
years of resolved history plus 50 open issues, as one JSON array) and measures, in this one run
and interleaved so both see the same machine:
  (e) `tenboard import FILE` into an empty store / Python's `json.load` + `json.dump` of the same
      file (a child `python3`, so both pay a process start)        goal <= 1.5
The import is durable (fsync of every file and directory) and writes the archive segments and the
hot file; the Python side writes one file without fsync.
Usage: import_bench.py [--bin PATH] [--issues N] [--runs N]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import store_bench  # noqa: E402  (the same data generator as the store benchmark)
import bench_common  # noqa: E402

PY_ROUND_TRIP = "import json, sys\nwith open(sys.argv[1]) as f: d = json.load(f)\nwith open(sys.argv[2], 'w') as f: json.dump(d, f)\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build/release/tenboard"))
    ap.add_argument("--issues", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-import-bench-")
    try:
        data = os.path.join(work, "issues.json")
        with open(data, "w") as f:
            json.dump(store_bench.make_issues(args.issues - 50, 50), f)
        size_mb = os.path.getsize(data) / 1e6
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8"}

        imp, py = [], []
        for i in range(args.runs):
            store = os.path.join(work, f"store-{i}")
            env = dict(base_env, TENBOARD_STORE=store)
            imp.append(store_bench.timed([binary, "import", data], env))
            if i == 0:
                out = subprocess.run([binary, "export", "--jsonl"], env=env, capture_output=True, check=True).stdout
                exported = out.count(b"\n")
                assert exported == args.issues, f"export gave {exported} issues"
                check = subprocess.run([binary, "check"], env=env, capture_output=True, text=True)
                assert check.returncode == 0, check.stderr
            shutil.rmtree(store)
            py.append(store_bench.timed([sys.executable, "-c", PY_ROUND_TRIP, data, os.path.join(work, "out.json")], base_env))

        med = bench_common.med
        print(f"import benchmark: {args.issues} issues ({size_mb:.1f} MB of JSON), median of {args.runs} runs")
        goals = bench_common.Goals(width=34, value="7.2f", goal_width=5)
        goals.line("(e) import / json.load+json.dump", med(imp) / med(py), 1.5,
                   f"{med(imp)*1000:.0f} ms / {med(py)*1000:.0f} ms")
        return goals.exit_code()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
