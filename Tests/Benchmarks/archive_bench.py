#!/usr/bin/env python3
"""Archive benchmark on a kept store (hot_path_bench.py --keep): what reaches into the history.

On a copy of the kept history store (1M by default, shape 'spread'), in one interleaved run:
  (n) `show` of an archived issue (a quarter into the history)        goal <= 100 ms
  (o) `reopen` of an archived issue on its own (wall and CPU), then another with a concurrent
      `add` started 5 ms into it: how long each takes                goal <= 100 ms
  (p) `export --jsonl` ÷ `cat` of the archive segments' bytes          goal <= 5
  (q) `check` (wall and CPU)                                           goal <= 3 s
and once: `check --full` (unless --no-full: 1-2 min at 1M), and the peak memory of `export --jsonl`.
Prints the load average.
Usage: archive_bench.py [--bin PATH] --keep DIR [--label NAME] [--history N] [--runs N] [--no-full]
"""
import argparse, glob, json, os, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import store_bench  # noqa: E402
import hot_path_bench  # noqa: E402


def cpu_run(cmd, env):
    """Wall and CPU seconds of one run (posix_spawn + wait4), output discarded."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    t = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    os.close(devnull)
    assert status == 0, f"{cmd} exited {status}"
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build-bench/release/tenboard"))
    ap.add_argument("--keep", required=True)
    ap.add_argument("--label", default="default")
    ap.add_argument("--history", type=int, default=1_000_000)
    ap.add_argument("--shape", default="spread")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-full", action="store_true", help="skip the one `check --full` (it parses every issue)")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-archive-bench-")
    try:
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam",
                    "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_NAME": "bench"}
        src, _ = hot_path_bench.prepared(binary, os.path.abspath(args.keep), args.history, args.shape, args.label, base_env)
        store = os.path.join(work, "store")
        subprocess.run(["cp", "-a", src, store], check=True)
        # The copy's 300 MB on disk before measuring: its writeback would otherwise slow each fsync.
        os.sync()
        env = dict(base_env, TENBOARD_STORE=store)
        load_before = " ".join(open("/proc/loadavg").read().split()[:3])
        m = {k: [] for k in ("show", "reopen-alone", "reopen-cpu", "reopen", "add-wait", "export", "cat", "check", "check-cpu")}
        for i in range(args.runs):
            m["show"].append(cpu_run([binary, "show", f"h{args.history // 4}"], env)[0])
            # reopen of an archived issue on its own (the same month as the ones below)
            w, c = cpu_run([binary, "reopen", f"h{args.history // 4 + 101 + i}"], env)
            m["reopen-alone"].append(w)
            m["reopen-cpu"].append(c)
            # reopen of an archived issue, with an add started 5 ms after it: how long the add takes
            t = time.perf_counter()
            reopen = subprocess.Popen([binary, "reopen", f"h{args.history // 4 + 1 + i}"], env=env, stdout=subprocess.DEVNULL)
            time.sleep(0.005)
            t_add = time.perf_counter()
            subprocess.run([binary, "add", "--customer", "B", "--summary", "during reopen"], env=env, stdout=subprocess.DEVNULL, check=True)
            m["add-wait"].append(time.perf_counter() - t_add)
            assert reopen.wait() == 0
            m["reopen"].append(time.perf_counter() - t)
        # The segments as named now (a reopen writes a new generation of its month).
        named = json.load(open(os.path.join(store, "issues.json")))["archive"]
        segments = [os.path.join(store, "archive", n) for n in named]
        size_mb = sum(os.path.getsize(p) for p in segments) / 1e6
        for i in range(max(3, args.runs // 2)):
            m["export"].append(cpu_run([binary, "export", "--jsonl"], env)[0])
            m["cat"].append(cpu_run(["/bin/cat"] + segments, env)[0])
            w, c = cpu_run([binary, "check"], env)
            m["check"].append(w)
            m["check-cpu"].append(c)
        full_wall, full_cpu = cpu_run([binary, "check", "--full"], env) if not args.no_full else (float("nan"), float("nan"))
        export_rss = store_bench.peak_rss_mb([binary, "export", "--jsonl"], env)
        load_after = " ".join(open("/proc/loadavg").read().split()[:3])
        med = statistics.median
        print(f"archive benchmark: {args.history} issues ('{args.shape}'), {len(segments)} segments, {size_mb:.0f} MB; "
              f"show/reopen median of {args.runs}, export/cat/check of {len(m['export'])}; load average {load_before} before, {load_after} after")
        rows = [
            ("(n) show of an archived issue, ms", med(m["show"]) * 1000, 100, f"max {max(m['show'])*1000:.0f} ms"),
            ("(o) reopen of an archived issue, ms", med(m["reopen-alone"]) * 1000, 100,
             f"max {max(m['reopen-alone'])*1000:.0f} ms, CPU {med(m['reopen-cpu'])*1000:.0f} ms; with an add started 5 ms into it "
             f"{med(m['reopen'])*1000:.0f} ms (max {max(m['reopen'])*1000:.0f}), the add {med(m['add-wait'])*1000:.0f} ms (max {max(m['add-wait'])*1000:.0f})"),
            ("(p) export --jsonl / cat of the segments", med(m["export"]) / med(m["cat"]), 5.0,
             f"{med(m['export'])*1000:.0f} ms / {med(m['cat'])*1000:.0f} ms"),
            ("(q) check, s (wall)", med(m["check"]), 3.0, f"CPU {med(m['check-cpu']):.2f} s; " + ("check --full not run" if args.no_full else f"check --full {full_wall:.1f} s wall, {full_cpu:.1f} s CPU")),
            ("(r) export peak memory, MB", export_rss, 200.0, ""),
        ]
        ok = True
        for name, value, goal, detail in rows:
            met = value <= goal
            ok &= met
            print(f"{name:42} {value:8.2f}  goal <= {goal:<5} {'met ' if met else 'MISSED'}  ({detail})")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
