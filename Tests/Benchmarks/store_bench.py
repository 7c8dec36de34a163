#!/usr/bin/env python3
"""Store benchmark: does history slow down what a team does all day?

Builds a store with 100,000 resolved issues of history plus 50 open ones and one with only the
50 open ones, then measures, in this one run and interleaved so both see the same machine:
  (a) `tenboard list --json`   with history / without        goal <= 1.2
  (b) `tenboard resolve`       with history / without        goal <= 1.2
  (c) `tenboard export` of 100,050 issues / `jq -c '.[]'` of the same data as one file   goal <= 1.0
  (d) peak memory (max RSS) of `tenboard list` with history  goal <= 30 MB
Usage: store_bench.py [--bin PATH] [--history N] [--runs N]
"""
import argparse, json, os, random, resource, shutil, statistics, subprocess, sys, tempfile, time
from datetime import datetime, timedelta, timezone

KINDS = ["question", "problem", "complaint", "bug"]
NAMES = ["Jan Jansen", "Bakkerij de Vries", "Gemeente Utrecht", "Müller GmbH", "Ørsted", "李小龙", "Café 't Hoekje"]


def make_issues(history, open_count, seed=7):
    rng = random.Random(seed)
    tz = timezone(timedelta(hours=1))
    now = datetime.now(tz).replace(microsecond=0)
    issues = []
    start = now - timedelta(days=4 * 365)
    span = (now - timedelta(days=70) - start).total_seconds()
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
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--generate", nargs=2, metavar=("ALL", "OPEN"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.generate:
        issues = make_issues(args.history, 50)
        with open(args.generate[0], "w") as f:
            json.dump(issues, f)
        with open(args.generate[1], "w") as f:
            json.dump(issues[-50:], f)
        return 0
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-bench-")
    try:
        full = os.path.join(work, "all.json")
        small = os.path.join(work, "open.json")
        # Generated in a child process, so this one stays small: a spawned child's max RSS
        # counts the parent's pages until exec.
        subprocess.run([sys.executable, __file__, "--generate", full, small, "--history", str(args.history)], check=True)
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8"}
        env_h = dict(base_env, TENBOARD_STORE=os.path.join(work, "with-history"))
        env_0 = dict(base_env, TENBOARD_STORE=os.path.join(work, "no-history"))
        t = time.perf_counter()
        run([binary, "import", full], env_h)
        import_s = time.perf_counter() - t
        run([binary, "import", small], env_0)

        list_h, list_0, res_h, res_0 = [], [], [], []
        for i in range(args.runs):
            list_h.append(timed([binary, "list", "--json"], env_h))
            list_0.append(timed([binary, "list", "--json"], env_0))
            oid = f"o{i % 50}"
            res_h.append(timed([binary, "resolve", oid, "--by", "bench"], env_h, prepare=[binary, "reopen", oid]))
            res_0.append(timed([binary, "resolve", oid, "--by", "bench"], env_0, prepare=[binary, "reopen", oid]))
        exp, jq = [], []
        for _ in range(max(3, args.runs // 3)):
            exp.append(timed([binary, "export"], env_h))
            jq.append(timed(["jq", "-c", ".[]", full], base_env))
        rss = max(peak_rss_mb([binary, "list"], env_h) for _ in range(3))
        out = subprocess.run([binary, "export", "--jsonl"], env=env_h, capture_output=True, check=True).stdout
        exported = out.count(b"\n")

        med = statistics.median
        rows = [
            ("(a) list --json, history / none", med(list_h) / med(list_0), 1.2,
             f"{med(list_h)*1000:.1f} ms / {med(list_0)*1000:.1f} ms"),
            ("(b) resolve, history / none", med(res_h) / med(res_0), 1.2,
             f"{med(res_h)*1000:.1f} ms / {med(res_0)*1000:.1f} ms"),
            ("(c) export / jq -c '.[]'", med(exp) / med(jq), 1.0,
             f"{med(exp)*1000:.0f} ms / {med(jq)*1000:.0f} ms for {exported} issues"),
            ("(d) list peak memory, MB", rss, 30.0, f"{rss:.1f} MB max RSS"),
        ]
        print(f"store benchmark: {args.history} resolved + 50 open, median of {args.runs} runs, import took {import_s:.1f} s")
        ok = True
        for name, value, goal, detail in rows:
            met = value <= goal
            ok &= met
            print(f"{name:34} {value:7.2f}  goal <= {goal:<5} {'met ' if met else 'MISSED'}  ({detail})")
        assert exported == args.history + 50, f"export gave {exported} issues"
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
