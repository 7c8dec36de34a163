#!/usr/bin/env python3
"""Store benchmark: does history slow down what a team does all day?

Builds stores with 100,000 resolved issues of history plus 50 open ones, in two shapes, and
one with only the 50 open ones, then measures, in this one run and interleaved so all see the
same machine:
  old:    history spread over four years, ending 70 days ago (the hot file holds no resolved issue)
  spread: history spread over four years up to yesterday (what a real store looks like: the hot
          file holds the last six weeks)
For each shape:
  (a) `tenboard list --json`   with history / without        goal <= 1.2 (<= 1.5 at 1M)
  (b) `tenboard resolve`       with history / without        goal <= 1.2 (<= 1.5 at 1M)
  (c) `tenboard export` of all issues / `jq -c '.[]'` of the same data as one file   goal <= 1.0
  (d) peak memory (max RSS) of `tenboard list` with history  goal <= 30 MB
  (n) `tenboard show` of an archived issue                   goal <= 100 ms
  (o) `tenboard reopen` of an archived issue                 goal <= 100 ms
  (p) `tenboard export` / `cat` of the archive segments' bytes  goal <= 5
  (q) `tenboard check`                                       goal <= 3 s at 1M
  (r) peak memory of `tenboard import` and of `export`       goal <= 200 MB at 1M
Usage: store_bench.py [--bin PATH] [--history N | --million] [--shapes old,spread] [--runs N]
"""
import argparse, glob, json, os, random, resource, shutil, subprocess, sys, tempfile, time
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common  # noqa: E402

KINDS = ["question", "problem", "complaint", "bug"]
NAMES = ["Jan Jansen", "Bakkerij de Vries", "Gemeente Utrecht", "Müller GmbH", "Ørsted", "李小龙", "Café 't Hoekje"]


SHAPES = {"old": 70, "spread": 1}  # history ends this many days ago


def make_issues(history, open_count, seed=7, shape="old"):
    rng = random.Random(seed)
    tz = timezone(timedelta(hours=1))
    now = datetime.now(tz).replace(microsecond=0)
    issues = []
    start = now - timedelta(days=4 * 365)
    span = (now - timedelta(days=SHAPES[shape]) - start).total_seconds()
    for n in range(history):
        received = start + timedelta(seconds=int(span * n / history))
        resolved = received + timedelta(minutes=rng.randint(5, 600))
        issues.append({
            "id": f"h{n}", "customer": rng.choice(NAMES), "summary": f"Vraag over factuur {n} " + "x" * rng.randint(0, 60),
            "kind": rng.choice(KINDS), "receivedAt": received.isoformat(), "status": "resolved",
            "resolvedAt": resolved.isoformat(), "resolvedBy": rng.choice(["ann", "bob", "cy"]),
            "action": "Checklist bijgewerkt" if n % 3 == 0 else None, "assignee": None, "internal": n % 7 == 0,
            "channel": rng.choice(["phone", "mail", "web"]),
        })
        if issues[-1]["action"] is None:
            del issues[-1]["action"]
    for n in range(open_count):
        received = now - timedelta(minutes=30 * (open_count - n))
        issues.append({"id": f"o{n}", "customer": rng.choice(NAMES), "summary": f"Open vraag {n}",
                       "kind": rng.choice(KINDS), "receivedAt": received.isoformat(), "status": "open", "assignee": None})
    return issues


def run(cmd, env, **kw):
    return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, **kw)


def timed(cmd, env, prepare=None):
    if prepare:
        subprocess.run(prepare, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.perf_counter()
    run(cmd, env)
    return time.perf_counter() - t


def peak_rss_mb(cmd, env):
    """Max RSS of one child, read from wait4's rusage.

    posix_spawn (vfork-like) rather than fork, so the child's figure never includes pages it
    shared with this Python process before exec.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=[
        (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    os.close(devnull)
    _, status, usage = os.wait4(pid, 0)
    assert status == 0, f"{cmd} failed"
    return usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build/release/tenboard"))
    ap.add_argument("--history", type=int, default=100_000)
    ap.add_argument("--million", action="store_true", help="1,000,000 issues of history (goals (a), (b) then <= 1.5)")
    ap.add_argument("--shapes", default="old,spread", help="comma-separated: old, spread")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--generate", nargs=2, metavar=("ALL", "OPEN"), help=argparse.SUPPRESS)
    ap.add_argument("--shape", default="old", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.million:
        args.history = 1_000_000
    if args.generate:
        issues = make_issues(args.history, 50, shape=args.shape)
        with open(args.generate[0], "w") as f:
            json.dump(issues, f)
        with open(args.generate[1], "w") as f:
            json.dump(issues[-50:], f)
        return 0
    shapes = [x for x in args.shapes.split(",") if x]
    assert all(x in SHAPES for x in shapes), f"unknown shape in {args.shapes}"
    hot_goal = 1.5 if args.history >= 1_000_000 else 1.2
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-bench-")
    med = bench_common.med
    try:
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8"}
        env_0 = dict(base_env, TENBOARD_STORE=os.path.join(work, "no-history"))
        stores = {}
        for shape in shapes:
            full = os.path.join(work, f"all-{shape}.json")
            small = os.path.join(work, "open.json")
            # Generated in a child process, so this one stays small: a spawned child's max RSS
            # counts the parent's pages until exec.
            subprocess.run([sys.executable, __file__, "--generate", full, small, "--history", str(args.history),
                            "--shape", shape], check=True)
            env = dict(base_env, TENBOARD_STORE=os.path.join(work, f"history-{shape}"))
            t = time.perf_counter()
            import_rss = peak_rss_mb([binary, "import", full], env)
            stores[shape] = {"env": env, "file": full, "import_s": time.perf_counter() - t, "import_rss": import_rss}
        run([binary, "import", small], env_0)

        # An archived issue: a quarter of the way into the history.
        old_id = f"h{args.history // 4}"
        times = {shape: {k: [] for k in ("list", "res", "show", "reopen", "exp", "cat", "check", "jq")} for shape in shapes}
        list_0, res_0 = [], []
        for i in range(args.runs):
            oid = f"o{i % 50}"
            list_0.append(timed([binary, "list", "--json"], env_0))
            res_0.append(timed([binary, "resolve", oid, "--by", "bench"], env_0, prepare=[binary, "reopen", oid]))
            for shape in shapes:
                env, m = stores[shape]["env"], times[shape]
                m["list"].append(timed([binary, "list", "--json"], env))
                m["res"].append(timed([binary, "resolve", oid, "--by", "bench"], env, prepare=[binary, "reopen", oid]))
                m["show"].append(timed([binary, "show", old_id], env))
                if i < 5:
                    # reopen of an archived issue; resolving it again leaves it in the hot file,
                    # so each run takes another one.
                    aid = f"h{args.history // 4 + 1 + i}"
                    m["reopen"].append(timed([binary, "reopen", aid], env))
        for _ in range(max(3, args.runs // 5)):
            for shape in shapes:
                env, m = stores[shape]["env"], times[shape]
                segments = sorted(glob.glob(os.path.join(env["TENBOARD_STORE"], "archive", "*.jsonl")))
                named = json.load(open(os.path.join(env["TENBOARD_STORE"], "issues.json")))["archive"]
                segments = [p for p in segments if os.path.basename(p) in named]
                m["exp"].append(timed([binary, "export", "--jsonl"], env))
                m["cat"].append(timed(["cat"] + segments, base_env))
                m["jq"].append(timed(["jq", "-c", ".[]", stores[shape]["file"]], base_env))
                m["check"].append(timed([binary, "check"], env))

        print(f"store benchmark: {args.history} resolved + 50 open, median of {args.runs} runs (export, check: "
              f"{max(3, args.runs // 5)}), reopen of 5")
        print(f"empty store: list --json {med(list_0)*1000:.1f} ms, resolve {med(res_0)*1000:.1f} ms")
        goals = bench_common.Goals(width=38, value="8.2f", goal_width=5)
        for shape in shapes:
            env, m, st = stores[shape]["env"], times[shape], stores[shape]
            rss = max(peak_rss_mb([binary, "list"], env) for _ in range(3))
            export_rss = peak_rss_mb([binary, "export", "--jsonl"], env)
            out = subprocess.run([binary, "export", "--jsonl"], env=env, capture_output=True, check=True).stdout
            exported = out.count(b"\n")
            del out
            hot = len(json.load(open(os.path.join(env["TENBOARD_STORE"], "issues.json")))["issues"])
            rows = [
                ("(a) list --json, history / none", med(m["list"]) / med(list_0), hot_goal,
                 f"{med(m['list'])*1000:.1f} ms / {med(list_0)*1000:.1f} ms"),
                ("(b) resolve, history / none", med(m["res"]) / med(res_0), hot_goal,
                 f"{med(m['res'])*1000:.1f} ms / {med(res_0)*1000:.1f} ms"),
                ("(c) export / jq -c '.[]'", med(m["exp"]) / med(m["jq"]), 1.0,
                 f"{med(m['exp'])*1000:.0f} ms / {med(m['jq'])*1000:.0f} ms for {exported} issues"),
                ("(d) list peak memory, MB", rss, 30.0, f"{rss:.1f} MB max RSS"),
                ("(n) show of an archived issue, ms", med(m["show"]) * 1000, 100, f"{old_id}"),
                ("(o) reopen of an archived issue, ms", med(m["reopen"]) * 1000, 100, f"max {max(m['reopen'])*1000:.0f} ms"),
                ("(p) export / cat of the segments", med(m["exp"]) / med(m["cat"]), 5.0,
                 f"{med(m['exp'])*1000:.0f} ms / {med(m['cat'])*1000:.0f} ms"),
                ("(q) check, s", med(m["check"]), 3.0, ""),
                ("(r) import peak memory, MB", st["import_rss"], 200.0, f"import took {st['import_s']:.1f} s"),
                ("(r) export peak memory, MB", export_rss, 200.0, ""),
            ]
            print(f"-- history shape '{shape}' (ends {SHAPES[shape]} days ago): {hot} issues in the hot file")
            goals.lines(rows)
            assert exported == args.history + 50, f"export gave {exported} issues"
        return goals.exit_code()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
