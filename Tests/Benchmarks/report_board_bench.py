#!/usr/bin/env python3
"""Report and board benchmark: does four years of history slow down the morning report or the board?

Builds two stores: one with 100,000 resolved issues of history (store_bench.make_issues, imported,
so they go to the archive) plus this morning's 30 customers, and one with only this morning's
30. "This morning" is today's if it is a working day past 10:01 (Europe/Amsterdam), else the last
working day's, so every time in the store is in the past. Then measures, in this one run and interleaved so both see the same machine:
  (f) `tenboard summary --at <morning 10:00:30>` (the dry run that prints the report),
      history / none                                                      goal <= 1.2
  (g) the board's first full frame after start, history / none            goal <= 1.2
      measured from outside: a tmux server of its own is started first with an idle pane, then
      the clock starts at `respawn-pane` of `tenboard board --at <morning 09:12>` and stops when
      `capture-pane` (polled without pause) shows the title and the footer
  (h) the board's peak memory (VmHWM of the board process, read from /proc while it runs, after
      the first frame and a second of refreshes), history / none          goal <= 1.2
and, as absolute figures, the first frame with history (goal <= 0.5 s) and its peak memory
(goal <= 30 MB, as for `list` in the store benchmark).
Usage: report_board_bench.py [--bin PATH] [--history N] [--runs N] [--board-runs N]
   (release build first: swift build -c release --scratch-path .build-bench)
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import store_bench  # noqa: E402  (the same history generator as the store benchmark)
import bench_common  # noqa: E402

ZONE = ZoneInfo("Europe/Amsterdam")
KINDS = ["question", "problem", "complaint", "bug"]


def last_morning():
    """This morning if it is a working day (Mon-Fri) past 10:01 in Amsterdam, else the last working
    day before; and the working day before that one (its cut-off starts the morning)."""
    now = datetime.now(ZONE)
    day = now.date() if now.hour * 60 + now.minute >= 10 * 60 + 1 else now.date() - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    before = day - timedelta(days=1)
    while before.weekday() >= 5:
        before -= timedelta(days=1)
    return day, before


def morning_issues(day, before, count=30):
    """`count` customers of the morning of `day`: received after the previous cut-off (08:00 on
    `before`) up to `day` 08:00; most helped before 10:00, a few late, a few still waiting."""
    cutoff = datetime.combine(before, datetime.min.time(), ZONE).replace(hour=8)
    span = (datetime.combine(day, datetime.min.time(), ZONE).replace(hour=8) - cutoff).total_seconds()
    issues = []
    for n in range(count):
        received = cutoff + timedelta(seconds=int(span * (n + 0.5) / count))
        issue = {"id": f"m{n}", "customer": store_bench.NAMES[n % len(store_bench.NAMES)], "kind": KINDS[n % 4],
                 "summary": f"Ochtendvraag {n} over de factuur", "receivedAt": received.isoformat(), "status": "open",
                 "assignee": ["ann", "bob", None][n % 3]}
        if n % 10 < 7:  # helped in time
            at = datetime.combine(day, datetime.min.time(), ZONE).replace(hour=8, minute=5) + timedelta(minutes=3 * n)
            issue.update(status="resolved", resolvedAt=at.isoformat(), resolvedBy=["ann", "bob", "cy"][n % 3],
                         action="Teruggebeld")
        elif n % 10 == 7:  # helped late
            at = datetime.combine(day, datetime.min.time(), ZONE).replace(hour=10, minute=0, second=10)
            issue.update(status="resolved", resolvedAt=at.isoformat(), resolvedBy="cy")
        issues.append(issue)
    return issues


def summary_time(binary, env, at):
    t = time.perf_counter()
    out = subprocess.run([binary, "summary", "--at", at], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t
    assert out.returncode == 0, f"summary exited {out.returncode}"
    return elapsed, out.stdout


class Tmux:
    """A tmux server of its own, with an idle pane to respawn the board in."""

    def __init__(self, work):
        self.socket = f"tenboard-bench-{os.getpid()}"
        self.cmd = ["tmux", "-L", self.socket]
        subprocess.run(self.cmd + ["-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "120", "-y", "40", "sleep 100000"],
                       check=True, env={"PATH": "/usr/bin:/bin", "HOME": work, "TERM": "xterm-256color"})
        subprocess.run(self.cmd + ["set-option", "-t", "b", "remain-on-exit", "on"], check=True, stdout=subprocess.DEVNULL)

    def tmux(self, *args):
        return subprocess.run(self.cmd + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def first_frame(self, binary, env, at, timeout=30.0):
        """Seconds from respawn until the frame is on screen, and the board's peak RSS in MB."""
        program = " ".join(["exec", "env", "-i"] + [f"{k}='{v}'" for k, v in sorted(env.items())]
                           + [binary, "board"] + (["--at", at] if at else []))
        t = time.perf_counter()
        self.tmux("respawn-pane", "-k", "-t", "b", program)
        end = t + timeout
        while True:
            screen = self.tmux("capture-pane", "-p", "-t", "b").stdout
            rows = [r for r in screen.split("\n") if r.strip()]
            if rows and "tenboard" in rows[0] and "q quit" in rows[-1]:
                elapsed = time.perf_counter() - t
                break
            if time.perf_counter() > end:
                raise RuntimeError(f"no board frame within {timeout} s:\n{screen}")
        pid = self.tmux("display-message", "-p", "-t", "b", "#{pane_pid}").stdout.strip()
        time.sleep(1.0)  # a refresh or two, so the peak includes the board at work
        hwm = 0.0
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024.0
        self.tmux("send-keys", "-t", "b", "q")
        end = time.perf_counter() + 10
        while self.tmux("display-message", "-p", "-t", "b", "#{pane_dead}").stdout.strip() != "1":
            if time.perf_counter() > end:
                raise RuntimeError("the board did not quit on q")
            time.sleep(0.02)
        return elapsed, hwm

    def stop(self):
        self.tmux("kill-server")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build-bench/release/tenboard"))
    ap.add_argument("--history", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--board-runs", type=int, default=7)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    day, before = last_morning()
    summary_at = datetime.combine(day, datetime.min.time(), ZONE).replace(hour=10, second=30).isoformat()
    board_at = datetime.combine(day, datetime.min.time(), ZONE).replace(hour=9, minute=12).isoformat()
    work = tempfile.mkdtemp(prefix="tenboard-report-bench-")
    tmux = None
    try:
        morning = morning_issues(day, before)
        full = os.path.join(work, "all.json")
        small = os.path.join(work, "morning.json")
        with open(full, "w") as f:
            json.dump(store_bench.make_issues(args.history, 0) + morning, f)
        with open(small, "w") as f:
            json.dump(morning, f)
        del morning
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam",
                    "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en", "TENBOARD_NAME": "bench"}
        env_h = dict(base_env, TENBOARD_STORE=os.path.join(work, "with-history"))
        env_0 = dict(base_env, TENBOARD_STORE=os.path.join(work, "no-history"))
        store_bench.run([binary, "import", full], env_h)
        store_bench.run([binary, "import", small], env_0)
        archived = len(os.listdir(os.path.join(env_h["TENBOARD_STORE"], "archive")))

        sum_h, sum_0 = [], []
        for _ in range(args.runs):
            t, report_h = summary_time(binary, env_h, summary_at)
            sum_h.append(t)
            t, report_0 = summary_time(binary, env_0, summary_at)
            sum_0.append(t)
        assert b"Subject:" in report_h and b"Subject:" in report_0, "summary printed no message"

        tmux = Tmux(work)
        board_env_h = dict(env_h, TERM="xterm-256color")
        board_env_0 = dict(env_0, TERM="xterm-256color")
        frame_h, frame_0, rss_h, rss_0 = [], [], [], []
        for _ in range(args.board_runs):
            t, m = tmux.first_frame(binary, board_env_h, board_at)
            frame_h.append(t)
            rss_h.append(m)
            t, m = tmux.first_frame(binary, board_env_0, board_at)
            frame_0.append(t)
            rss_0.append(m)

        med = bench_common.med
        rows = [
            ("(f) summary, history / none", med(sum_h) / med(sum_0), 1.2,
             f"{med(sum_h)*1000:.1f} ms / {med(sum_0)*1000:.1f} ms, --at {summary_at}"),
            ("(g) board first frame, hist / none", med(frame_h) / med(frame_0), 1.2,
             f"{med(frame_h)*1000:.1f} ms / {med(frame_0)*1000:.1f} ms, spawn to frame in tmux"),
            ("(g') board first frame, history, s", med(frame_h), 0.5,
             f"median {med(frame_h)*1000:.1f} ms, max {max(frame_h)*1000:.1f} ms"),
            ("(h) board peak memory, hist / none", max(rss_h) / max(rss_0), 1.2,
             f"{max(rss_h):.1f} MB / {max(rss_0):.1f} MB VmHWM"),
            ("(h') board peak memory, history, MB", max(rss_h), 30.0, f"{max(rss_h):.1f} MB VmHWM, max of {args.board_runs}"),
        ]
        print(f"report and board benchmark: {args.history} resolved in {archived} archive segments + {len(morning_issues(day, before))} "
              f"of the morning of {day}, median of {args.runs} summary runs and {args.board_runs} board starts")
        goals = bench_common.Goals(width=36, value="7.2f", goal_width=5)
        goals.lines(rows)
        return goals.exit_code()
    finally:
        if tmux:
            tmux.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
