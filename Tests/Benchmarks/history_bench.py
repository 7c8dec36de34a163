#!/usr/bin/env python3
"""History benchmark on a kept store (hot_path_bench.py --keep): `tenboard history` at 1M.

On a copy of the kept history store (1M by default, shape 'spread': four years up to yesterday),
after deleting its morning ledger (mornings.ledger) as a store from before the ledger:
  one `add` (the first change archives what this binary's hot window leaves: timed)
  the first `history`, which decodes the whole archive and rebuilds the ledger (once)
then, interleaved so both see the same machine:
  (s) `history` (the last 20 mornings, a table)                      goal <= 1 s
  (t) `history --json --days 100000` (every morning of four years)   goal <= 1 s
  `status --json` on the same store, for scale (process start and the hot file)
Wall and CPU time (posix_spawn + wait4), medians. Prints the load average before and after.
With --keep-ledger the store's ledger, if it has one (a kept store already upgraded by a change),
is kept: the first `history` then reads it like the others.
Usage: history_bench.py [--bin PATH] --keep DIR [--label NAME] [--history N] [--runs N] [--keep-ledger]
"""
import argparse, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import store_bench  # noqa: E402
import hot_path_bench  # noqa: E402
import archive_bench  # noqa: E402  (cpu_run: wall and CPU of one run)
import bench_common  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build-bench/release/tenboard"))
    ap.add_argument("--keep", required=True)
    ap.add_argument("--label", default="default")
    ap.add_argument("--history", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--keep-ledger", action="store_true", help="keep the kept store's ledger instead of deleting it")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-history-bench-")
    try:
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam",
                    "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en", "TENBOARD_NAME": "bench"}
        hist_src, _ = hot_path_bench.prepared(binary, os.path.abspath(args.keep), args.history, "spread", args.label, base_env)
        store = os.path.join(work, "history")
        subprocess.run(["cp", "-a", hist_src, store], check=True)
        ledger = os.path.join(store, "mornings.ledger")
        had_ledger = os.path.exists(ledger)
        if had_ledger and not args.keep_ledger:
            os.unlink(ledger)
            had_ledger = False
        env = dict(base_env, TENBOARD_STORE=store)
        load_before = bench_common.load()
        change = archive_bench.cpu_run([binary, "add", "--customer", "Bench", "--summary", "first change"], env)
        first = archive_bench.cpu_run([binary, "history"], env)
        assert os.path.exists(ledger), "the first history did not write the ledger"
        cmds = {
            "(s) history": [binary, "history"],
            "(t) history --json --days 100000": [binary, "history", "--json", "--days", "100000"],
            "status --json": [binary, "status", "--json"],
        }
        times = {c: [] for c in cmds}
        for i in range(args.runs):
            order = list(cmds) if i % 2 == 0 else list(reversed(cmds))
            for c in order:
                times[c].append(archive_bench.cpu_run(cmds[c], env))
        load_after = bench_common.load()
        med = bench_common.med
        print(f"history benchmark: {args.history} issues (shape 'spread', four years up to yesterday), "
              f"ledger {os.path.getsize(ledger) / 1e3:.0f} kB; median of {args.runs}, interleaved; "
              f"load average {load_before} before, {load_after} after")
        print(f"{'first change (archives to the hot window, keeps the recent mornings)':70} {change[0]:8.2f} s wall {change[1]:8.2f} s CPU")
        first_name = ("first history, the kept store's ledger" if had_ledger else
                      "first history, no ledger (decodes the archive, rebuilds the ledger)")
        print(f"{first_name:70} {first[0]:8.2f} s wall {first[1]:8.2f} s CPU")
        ok = True
        for c, t in times.items():
            wall, cpu = med(x[0] for x in t), med(x[1] for x in t)
            goal = "" if c.startswith("status") else ("  goal <= 1 s " + ("met" if wall <= 1 else "MISSED"))
            ok &= wall <= 1 or c.startswith("status")
            print(f"{c:70} {wall * 1000:8.1f} ms wall {cpu * 1000:6.1f} ms CPU (max {max(x[0] for x in t) * 1000:.0f} ms){goal}")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
