#!/usr/bin/env python3
"""Hot-path benchmark: does history, spread over four years up to yesterday, slow down the day?

Measures, in one interleaved run (A, B, A, B ...) so every store sees the same machine, each
command on a store with history (store_bench.make_issues, shape 'spread' by default) ÷ the same
command on a store without history: the same 50 open issues and the same customers of this
morning (received since the previous working day's 08:00 cut-off, Europe/Amsterdam), so both
stores show and report the same morning and only the history differs:
  list --json, add, resolve (of an open issue, reopened before each run), status --json,
  summary (the dry run that prints the report), and the board's first frame (tmux, spawn to
  frame on screen, as in report_board_bench.py).
Goal: each ratio <= 1.2 at 100k, <= 1.5 at 1M. Prints the load average before and after.

The day measured is today, unless --at names another: then every tenboard command and board it
starts, and the generator (history up to the day before that day), run with the clock moved
there by libfaketime (bench_common.FakeClock; Debian package `faketime`), and so does this
script's idea of the morning; `add` and `reopen` have no --at, and the product is not changed.
CLOCK_MONOTONIC is left alone, so the timings are real. Before measuring it checks that the
binary sees the faked day (`status --json` names its morning): a fully static binary would not.
Kept stores of such a run are named by that day.

Generating and importing 1M issues takes minutes: with --keep DIR the imported stores are kept
in DIR (one per size and shape, `pristine-*`) and each run works on a fresh copy of them; delete
DIR after a change to how the store lays out its files.
Usage: hot_path_bench.py [--bin PATH] [--history N | --million] [--shape spread|old] [--runs N]
                         [--board-runs N] [--keep DIR [--label NAME]] [--at 'YYYY-MM-DD HH:MM']
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import store_bench  # noqa: E402  (the history generator)
import report_board_bench  # noqa: E402  (the tmux first-frame probe)
import bench_common  # noqa: E402

ZONE = ZoneInfo("Europe/Amsterdam")
CLOCK = bench_common.FakeClock()  # the real clock unless --at


def morning_day():
    """Today's relevant morning: today, or on a weekend the Monday after."""
    day = CLOCK.now().date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def previous_cutoff():
    """The cut-off (08:00 Europe/Amsterdam) of the working day before today's relevant morning."""
    before = morning_day() - timedelta(days=1)
    while before.weekday() >= 5:
        before -= timedelta(days=1)
    return datetime.combine(before, datetime.min.time(), ZONE).replace(hour=8)


def sees_today(binary, env):
    """The morning `status --json` names: the binary's idea of today (it must follow the faked clock)."""
    out = subprocess.run([binary, "status", "--json"], env=env, stdout=subprocess.PIPE, check=True).stdout
    return json.loads(out)["morning"]


def settle(binary, env):
    """One change, as the first change of a day makes it (it archives what the hot window leaves
    out); the benchmark's medians then measure the day's ordinary changes. Returns its seconds."""
    t = time.perf_counter()
    store_bench.run([binary, "resolve", "o49", "--by", "bench"], env)
    store_bench.run([binary, "reopen", "o49"], env)
    return time.perf_counter() - t


def prepared(binary, keep, history, shape, label, base_env, day=None):
    """The pristine stores (history, this morning alone) in `keep`, imported once per `label` (a
    binary whose store layout differs needs stores of its own); the generated JSON is kept. With
    `day` (a faked clock) the kept files are that day's."""
    name = f"{history}-{shape}" + (f"-{day}" if day else "")
    root = os.path.join(keep, f"pristine-{name}-{label}")
    hist, empty = os.path.join(root, "history"), os.path.join(root, "morning")
    if os.path.exists(os.path.join(root, "done")) and os.path.exists(os.path.join(root, "morning-done")):
        return hist, empty
    full, small = os.path.join(keep, f"all-{name}.json"), os.path.join(keep, f"open-{name}.json")
    morning = os.path.join(keep, f"morning-{name}.json")
    if not os.path.exists(small):
        subprocess.run([sys.executable, store_bench.__file__, "--generate", full, small, "--history", str(history),
                        "--shape", shape], check=True, env=dict(os.environ, **CLOCK.env))
    if not os.path.exists(morning):
        cutoff = previous_cutoff()
        with open(full) as f:
            issues = json.load(f)
        today = [i for i in issues if i["status"] == "open" or datetime.fromisoformat(i["receivedAt"]) > cutoff]
        del issues
        with open(morning, "w") as f:
            json.dump(today, f)
    if not os.path.exists(os.path.join(root, "done")):
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        t = time.perf_counter()
        store_bench.run([binary, "import", full], dict(base_env, TENBOARD_STORE=hist))
        print(f"imported {history} issues in {time.perf_counter() - t:.1f} s", flush=True)
        print(f"first change of the day (resolve o49, reopen o49): {settle(binary, dict(base_env, TENBOARD_STORE=hist)):.2f} s",
              flush=True)
        open(os.path.join(root, "done"), "w").close()
    shutil.rmtree(empty, ignore_errors=True)
    store_bench.run([binary, "import", morning], dict(base_env, TENBOARD_STORE=empty))
    settle(binary, dict(base_env, TENBOARD_STORE=empty))
    open(os.path.join(root, "morning-done"), "w").close()
    return hist, empty


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build-bench/release/tenboard"))
    ap.add_argument("--history", type=int, default=100_000)
    ap.add_argument("--million", action="store_true")
    ap.add_argument("--shape", default="spread", choices=sorted(store_bench.SHAPES))
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--board-runs", type=int, default=7)
    ap.add_argument("--keep", help="directory to keep the imported stores in, and reuse them from")
    ap.add_argument("--label", default="default", help="name of the kept stores (one per store layout)")
    ap.add_argument("--at", help="measure this day and time instead of now: 'YYYY-MM-DD HH:MM', Europe/Amsterdam "
                                 "(under faketime)")
    args = ap.parse_args()
    global CLOCK
    CLOCK = bench_common.FakeClock(args.at)
    if args.million:
        args.history = 1_000_000
    goal = 1.5 if args.history >= 1_000_000 else 1.2
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-hot-bench-")
    keep = os.path.abspath(args.keep) if args.keep else work
    os.makedirs(keep, exist_ok=True)
    tmux = None
    try:
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam",
                    "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en", "TENBOARD_NAME": "bench", **CLOCK.env}
        now = CLOCK.now()
        day = now.date().isoformat() if args.at else None
        if args.at:
            seen = sees_today(binary, dict(base_env, TENBOARD_STORE=os.path.join(work, "probe")))
            if seen != morning_day().isoformat():
                sys.exit(f"hot_path_bench: {binary} sees the morning of {seen}, not {morning_day()}: is it linked statically?")
            print(f"day measured: {now:%A %Y-%m-%d %H:%M} Europe/Amsterdam (faketime {CLOCK.env['FAKETIME']} s; "
                  f"tenboard's morning: {seen})", flush=True)
        hist_src, empty_src = prepared(binary, keep, args.history, args.shape, args.label, base_env, day)
        stores = {}
        for name, src in (("history", hist_src), ("empty", empty_src)):  # "empty": no history
            dst = os.path.join(work, name)
            subprocess.run(["cp", "-a", src, dst], check=True)
            stores[name] = dict(base_env, TENBOARD_STORE=dst)
        hot = {n: os.path.getsize(os.path.join(e["TENBOARD_STORE"], "issues.json")) for n, e in stores.items()}
        load_before = bench_common.load()
        cmds = {
            "list --json": lambda i: ([binary, "list", "--json"], None),
            "add": lambda i: ([binary, "add", "--customer", "Bench", "--summary", f"Bench {i}"], None),
            "resolve": lambda i: ([binary, "resolve", f"o{i % 50}", "--by", "bench"], [binary, "reopen", f"o{i % 50}"]),
            "status --json": lambda i: ([binary, "status", "--json"], None),
            "summary": lambda i: ([binary, "summary"], None),
        }
        times = {c: {n: [] for n in stores} for c in cmds}
        for i in range(args.runs):
            for c, make in cmds.items():
                for n in (("history", "empty") if i % 2 == 0 else ("empty", "history")):
                    cmd, prep = make(i)
                    times[c][n].append(store_bench.timed(cmd, stores[n], prepare=prep))
        tmux = report_board_bench.Tmux(work)
        frames = {n: [] for n in stores}
        for i in range(args.board_runs):
            for n in (("history", "empty") if i % 2 == 0 else ("empty", "history")):
                env = dict(stores[n], TERM="xterm-256color")
                frames[n].append(tmux.first_frame(binary, env, None)[0])
        load_after = bench_common.load()
        med = bench_common.med

        def sizes(env):
            """The hot file's size and the settled file's (beside it since the hot file's split), now."""
            d = env["TENBOARD_STORE"]
            settled = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d) if f.startswith("settled."))
            return f"{os.path.getsize(os.path.join(d, 'issues.json')) / 1e6:.3f} + settled {settled / 1e6:.3f} MB"
        print(f"hot-path benchmark: {args.history} resolved issues (shape '{args.shape}') + 50 open vs this morning's customers and the open alone; "
              f"hot file {hot['history'] / 1e6:.2f} MB vs {hot['empty'] / 1e6:.3f} MB as kept, after the runs "
              f"{sizes(stores['history'])} vs {sizes(stores['empty'])}; median of {args.runs} "
              f"(board: {args.board_runs}), interleaved; load average {load_before} before, {load_after} after")
        goals = bench_common.Goals(width=38, value="6.2f", goal_width=4)
        for name, t in [(c, times[c]) for c in cmds] + [("board first frame", frames)]:
            goals.line(name + ", history / none", med(t["history"]) / med(t["empty"]), goal,
                       f"{med(t['history'])*1000:.1f} ms / {med(t['empty'])*1000:.1f} ms")
        return goals.exit_code()
    finally:
        if tmux:
            tmux.stop()
        CLOCK.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
