"""What the benchmark scripts share: the load average, a faked clock for a day other than today,
the results table with its goal lines, and the exit code (0 when every goal is met)."""
import os, shutil, signal, statistics, subprocess, sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")
med = statistics.median


def load():
    """The load average (1, 5, 15 minutes) as /proc/loadavg gives it."""
    return " ".join(open("/proc/loadavg").read().split()[:3])


class FakeClock:
    """A day other than today for the commands a benchmark starts, without changing the product:
    libfaketime (Debian package `faketime`) moves CLOCK_REALTIME, which Foundation's `Date()`
    reads, by a fixed offset; CLOCK_MONOTONIC is left alone (FAKETIME_DONT_FAKE_MONOTONIC=1).

    The benchmark process itself is not faked (libfaketime breaks Python's `time.sleep`): it asks
    `now()`. The offset is held by one `faketime` process that lives as long as this object,
    because libfaketime preloaded on its own setenv()s FAKETIME_SHARED in its constructor, which
    moves `environ`, and the Swift runtime, which finds argv through `environ`, then sees no
    arguments. With the variables the holder was given (`env`), commands start with them set.
    `at` is None: the real clock, `env` empty."""

    VARS = ("LD_PRELOAD", "FAKETIME", "FAKETIME_SHARED", "FAKETIME_DONT_FAKE_MONOTONIC")

    def __init__(self, at=None):
        self.offset = timedelta(0)
        self.env = {}
        self.holder = None
        if at is None:
            return
        if not shutil.which("faketime"):
            sys.exit("a day other than today needs faketime (apt-get install faketime)")
        target = datetime.fromisoformat(at)
        if target.tzinfo is None:
            target = target.replace(tzinfo=ZONE)
        seconds = int((target - datetime.now(ZONE)).total_seconds())
        self.offset = timedelta(seconds=seconds)
        self.holder = subprocess.Popen(
            ["faketime", "-f", f"{seconds:+d}", "sh", "-c",
             'echo "$$"; for v in LD_PRELOAD FAKETIME FAKETIME_SHARED FAKETIME_DONT_FAKE_MONOTONIC; do '
             'eval "echo $v=\\$$v"; done; exec sleep 100000'],
            env=dict(os.environ, FAKETIME_DONT_FAKE_MONOTONIC="1"), stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True)
        self.sleeper = int(self.holder.stdout.readline())
        for _ in self.VARS:
            k, _, v = self.holder.stdout.readline().rstrip("\n").partition("=")
            self.env[k] = v
        assert self.env["FAKETIME_SHARED"], "faketime gave no shared clock"

    def now(self):
        return datetime.now(ZONE) + self.offset

    def stop(self):
        """Ends the holder's `sleep` (the process this object started), so `faketime` removes its
        shared memory and exits."""
        if self.holder:
            os.kill(self.sleeper, signal.SIGTERM)
            self.holder.wait()
            self.holder = None


class Goals:
    """The results table: a line a figure (`name  value  goal <= G  met|MISSED  (detail)`), and the
    exit code, 0 when every goal was met. `width`, `value` and `goal_width` keep each script's
    columns as they were."""

    def __init__(self, width=38, value="8.2f", goal_width=5):
        self.width, self.value, self.goal_width = width, value, goal_width
        self.ok = True

    def line(self, name, value, goal, detail=""):
        met = value <= goal
        self.ok &= met
        print(f"{name:{self.width}} {value:{self.value}}  goal <= {goal:<{self.goal_width}} {'met ' if met else 'MISSED'}  "
              f"({detail})")
        return met

    def lines(self, rows):
        """Each of `rows`: (name, value, goal, detail)."""
        for row in rows:
            self.line(*row)

    def exit_code(self):
        return 0 if self.ok else 1
