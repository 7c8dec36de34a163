#!/usr/bin/env python3
"""Intake benchmark: does history slow down recording a customer's mail?

Builds a store with 100,000 resolved issues of history plus 50 open ones (the same data as
store_bench.py) and one with only the 50 open ones, then pipes messages into `tenboard intake`,
alternating between the two stores so both see the same machine:
  (i) one message recorded, history / none          goal <= 1.2, and under 50 ms with history
Each message is new (its own Message-ID), so every run writes a new issue.
Usage: intake_bench.py [--bin PATH] [--history N] [--runs N]
"""
import argparse, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def message(n):
    return (f"Received: from mx.example.nl by support.example.com; Mon, 30 Nov 2026 03:12:{n % 60:02d} +0100\n"
            f"From: =?windows-1252?Q?Ren=E9e_{n}?= <klant{n}@example.nl>\nTo: support@example.com\n"
            f"Subject: Storing {n}\nMessage-ID: <bench-{n}@example.nl>\nMIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n"
            "Goedemorgen,\n=93De app=94 werkt niet =96 sinds gisteren.\nRen=E9e\n").encode()


def timed(cmd, env, data):
    """Wall time and CPU time (user + system, from wait4) of one run."""
    r, w = os.pipe()
    devnull = os.open(os.devnull, os.O_WRONLY)
    t = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=[
        (os.POSIX_SPAWN_DUP2, r, 0), (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_CLOSE, w)])
    os.close(r)
    os.write(w, data)
    os.close(w)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    os.close(devnull)
    assert status == 0, f"{cmd} failed: {status}"
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "../../.build/release/tenboard"))
    ap.add_argument("--history", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-intake-bench-")
    try:
        full, small = os.path.join(work, "all.json"), os.path.join(work, "open.json")
        subprocess.run([sys.executable, os.path.join(HERE, "store_bench.py"), "--generate", full, small,
                        "--history", str(args.history)], check=True)
        base = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "SENDER": "klant@example.nl"}
        env_h = dict(base, TENBOARD_STORE=os.path.join(work, "with-history"))
        env_0 = dict(base, TENBOARD_STORE=os.path.join(work, "no-history"))
        subprocess.run([binary, "import", full], env=env_h, stdout=subprocess.DEVNULL, check=True)
        subprocess.run([binary, "import", small], env=env_0, stdout=subprocess.DEVNULL, check=True)
        # One intake each first: creates the intake folders, and archives what is old.
        timed([binary, "intake"], env_h, message(1_000_000))
        timed([binary, "intake"], env_0, message(1_000_001))
        hist, none, add = [], [], []
        add_cmd = [binary, "add", "--customer", "Renée", "--summary", "Storing", "--channel", "mail"]
        for i in range(args.runs):
            hist.append(timed([binary, "intake"], env_h, message(2 * i)))
            none.append(timed([binary, "intake"], env_0, message(2 * i + 1)))
            add.append(timed(add_cmd, env_h, b""))
        med = bench_common.med
        wall_h, wall_0, wall_a = (med([x[0] for x in v]) for v in (hist, none, add))
        cpu_h, cpu_0, cpu_a = (med([x[1] for x in v]) for v in (hist, none, add))
        ratio = wall_h / wall_0
        ok = ratio <= 1.2 and wall_h < 0.050
        print(f"intake benchmark: {args.history} resolved + 50 open, median of {args.runs} runs, "
              f"load average {bench_common.load()} on {os.cpu_count()} cores")
        print(f"(i) intake of one message, history / none {ratio:7.2f}  goal <= 1.2 and < 50 ms  "
              f"{'met ' if ok else 'MISSED'}  ({wall_h*1000:.1f} ms / {wall_0*1000:.1f} ms wall; "
              f"{cpu_h*1000:.1f} ms / {cpu_0*1000:.1f} ms CPU)")
        print(f"    for comparison, tenboard add with history: {wall_a*1000:.1f} ms wall, {cpu_a*1000:.1f} ms CPU")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
