#!/usr/bin/env python3
"""Board key benchmark: from a key to the screen, with 500 open issues and 1M of history.

Two boards, each in a session of one private tmux server (`tmux -L keybench-<pid>`, 120x40,
the real clock unless --at), one on a store with history (the kept `pristine-*/history` of
hot_path_bench.py, 1M spread by default) and one on the same morning without history (its
`pristine-*/morning`: the same open issues and this morning's customers); both get the same
extra open issues (ids k0, k1, ...; the oldest, so the first rows) to make --open in all. Each
board has a `tmux -C` control client of its own; the keys are sent through it (`send-keys`, no
process started per key), and after each `%output` notification the pane is captured through
it too, until the screen shows the change:
  Down:       the selected mark (a triangle) on the row below; timed to the first `%output`
              that carries the mark (the new row drawn: exact); then Up, untimed, so every
              Down is the same move
  x:          the floor of this measuring chain: a third pane, `cat` in raw mode, the byte back
  r + Enter:  (one send-keys: the prompt opens and its action point is kept) the notice
              "#k<n> resolved." and the row gone from the list; timed to the end of the first
              capture that shows both (an upper bound: the capture's round trip is included,
              because a notice drawn over the last one is sent only where it differs)
Presses alternate between the boards (history, none; none, history; ...); after each, the
output must have been quiet (the clock's ticks included) for --settle ms before the next.
Goals: Down <= 5 ms and resolve <= 30 ms (median, history store), and each ÷ none shown.
Usage: key_bench.py [--bin PATH] --keep DIR [--label NAME] [--history N | --million]
                    [--open N] [--presses N] [--at 'YYYY-MM-DD HH:MM']
"""
import argparse, json, os, re, select, shutil, subprocess, sys, tempfile, time
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common  # noqa: E402
import hot_path_bench  # noqa: E402  (the kept stores)

OCTAL = re.compile(rb"\\([0-7]{3})")  # how tmux -C escapes bytes in %output
MARK = "\u25b6".encode()  # the selected row's mark

SUMMARY = "Sleutelvraag-{:03d}x"  # ASCII and unique, so its redraw can be found in the output


class Control:
    """A `tmux -C` control client attached to one session.

    Commands go in on its standard input; their replies come back as `%begin ... %end` blocks, in
    order, and the pane's output as `%output` notifications, never inside a block. The two are not
    strictly in the order tmux handled them: a capture can show a change whose `%output` comes
    after its block (seen once in 8 Downs). So a press is timed either by the `%output` whose
    bytes carry a marker of the change (exact), or by the end of the first capture that shows
    the change (an upper bound: it includes one or two capture round trips)."""

    def __init__(self, cmd, session, env):
        self.session = session
        self.proc = subprocess.Popen(cmd + ["-C", "attach-session", "-t", session], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self.fd = self.proc.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.partial = b""
        self.pending = []  # kinds of the commands sent whose block has not come yet
        self.block = None  # (kind, last %output before its %begin, lines) while inside one
        self.last_output = None  # arrival time of the last %output
        self.outputs = 0
        self.marker, self.marked = None, None  # bytes to look for in %output, and when they came

    def pump(self, timeout):
        """Reads what arrives within `timeout` s; returns the finished blocks (kind, output time, lines)."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return []
        at = time.perf_counter()
        try:
            chunk = os.read(self.fd, 1 << 16)
        except BlockingIOError:
            return []
        if not chunk:
            raise RuntimeError("the tmux control client ended")
        *done, self.partial = (self.partial + chunk).split(b"\n")
        finished = []
        for line in done:
            if self.block is not None:
                if line.startswith((b"%end ", b"%error ")):
                    kind, out_at, lines = self.block
                    if line.startswith(b"%error "):
                        raise RuntimeError(f"tmux refused a {kind} command: {lines}")
                    finished.append((kind, at, lines))
                    self.block = None
                else:
                    self.block[2].append(line)
            elif line.startswith(b"%begin "):
                self.block = (self.pending.pop(0) if self.pending else "attach", self.last_output, [])
            elif line.startswith(b"%output "):
                self.last_output = at
                self.outputs += 1
                if self.marker and self.marked is None:
                    data = OCTAL.sub(lambda m: bytes([int(m.group(1), 8)]), line.split(b" ", 2)[-1])
                    if self.marker in data:
                        self.marked = at
        return finished

    def send(self, command, kind):
        self.pending.append(kind)
        self.proc.stdin.write(command.encode() + b"\n")
        self.proc.stdin.flush()

    def drain(self):
        """Reads until nothing more is waiting and no reply is due."""
        while self.pump(0) or self.pending or self.block is not None:
            self.pump(0.05)

    def press(self, keys, changed, marker=None, timeout=10.0):
        """Sends `keys` (tmux key names); after each new `%output` the pane is captured (through
        this client, no process started) until `changed(screen text)` holds. Returns the seconds
        from the send to the first `%output` holding `marker` (bytes) if given, else to the end of
        that capture."""
        self.drain()
        self.marker, self.marked = marker, None
        start = time.perf_counter()
        self.send(f"send-keys -t {self.session} {keys}", "keys")
        captured, capturing = self.outputs, False
        end = start + timeout
        screen = ""
        while time.perf_counter() < end:
            for kind, at, lines in self.pump(end - time.perf_counter()):
                if kind == "capture":
                    capturing = False
                    screen = b"\n".join(lines).decode(errors="replace")
                    if changed(screen):
                        if marker is None:
                            return at - start
                        if self.marked is None:
                            raise RuntimeError(f"{self.session}: the change is on screen but no %output held {marker!r}")
                        return self.marked - start
            if not capturing and self.outputs > captured:
                captured, capturing = self.outputs, True
                self.send(f"capture-pane -p -t {self.session}", "capture")
        raise RuntimeError(f"{self.session}: no change on screen within {timeout} s after {keys}:\n{screen}")

    def settle(self, quiet):
        """Waits until no `%output` (the clock's included) has come for `quiet` seconds (at most 5 s)."""
        end = time.perf_counter() + 5
        while time.perf_counter() < end:
            before = self.outputs
            t = time.perf_counter()
            while time.perf_counter() - t < quiet:
                self.pump(quiet - (time.perf_counter() - t))
            if self.outputs == before:
                return

    def stop(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.wait(timeout=10)


def selected(screen):
    """The summary token of the selected row (marked with a triangle, or > in ASCII), if one of ours."""
    for line in screen.split("\n"):
        m = re.search(r"Sleutelvraag-\d{3}x", line)
        if m and line.startswith(("\u25b6", ">")):
            return m.group(0)
    return None


class Boards:
    """The private tmux server, a session and control client per store."""

    def __init__(self, binary, work, stores):
        self.cmd = ["tmux", "-L", f"keybench-{os.getpid()}"]
        self.env = {"PATH": "/usr/bin:/bin", "HOME": work, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
        self.controls = {}
        # An idle session keeps the server up, and a board that ends stays on screen with its message.
        subprocess.run(self.cmd + ["-f", "/dev/null", "new-session", "-d", "-s", "idle", "sleep 100000"], check=True,
                       env=self.env)
        subprocess.run(self.cmd + ["set-option", "-g", "remain-on-exit", "on"], check=True, env=self.env)
        for name, env in stores.items():
            program = " ".join(["exec", "env", "-i"] + [f"{k}='{v}'" for k, v in sorted(env.items())]
                               + [binary, "board"])
            subprocess.run(self.cmd + ["new-session", "-d", "-s", name, "-x", "120", "-y", "40", program], check=True,
                           env=self.env)
            self.controls[name] = Control(self.cmd, name, self.env)
        # The floor of the measuring chain (tmux, the pty, the control client, this script): a
        # pane whose program sends each byte back at once.
        subprocess.run(self.cmd + ["new-session", "-d", "-s", "floor", "-x", "120", "-y", "40",
                                   "stty raw -echo; exec cat"], check=True, env=self.env)
        self.controls["floor"] = Control(self.cmd, "floor", self.env)

    def screen(self, name):
        """The pane as text with its attributes (capture-pane -e)."""
        return subprocess.run(self.cmd + ["capture-pane", "-p", "-e", "-t", name], stdout=subprocess.PIPE,
                              check=True, env=self.env).stdout.decode(errors="replace")

    def rows(self, name):
        """The list rows on screen as (summary token, selected), top to bottom."""
        found = []
        for line in self.screen(name).split("\n"):
            text = re.sub(r"\x1b\[[0-9;]*m", "", line)
            m = re.search(r"Sleutelvraag-\d{3}x", text)
            if m:
                found.append((m.group(0), text.startswith(("\u25b6", ">"))))  # the selected row's mark
        return found

    def stop(self):
        for c in self.controls.values():
            c.stop()
        subprocess.run(self.cmd + ["kill-server"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self.env)


def extra_open(count, now):
    """`count` open customers of this morning (ids k0...), received after the previous cut-off and
    before the kept store's open issues (o0 came 25 hours ago), so they are the list's first rows."""
    first = hot_path_bench.previous_cutoff() + timedelta(minutes=10)
    span = (now - timedelta(hours=26) - first).total_seconds()
    assert span > 0, "no room before the open issues of the kept store"
    return [{"id": f"k{n}", "customer": f"Klant {n}", "summary": SUMMARY.format(n), "kind": "question",
             "status": "open", "assignee": None,
             "receivedAt": (first + timedelta(seconds=int(span * n / count))).isoformat()}
            for n in range(count)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build-bench/release/tenboard"))
    ap.add_argument("--keep", required=True, help="the kept stores of hot_path_bench.py (made there if missing)")
    ap.add_argument("--label", default="default")
    ap.add_argument("--history", type=int, default=1_000_000)
    ap.add_argument("--million", action="store_true", help="the default: 1,000,000")
    ap.add_argument("--shape", default="spread")
    ap.add_argument("--open", type=int, default=500, help="open issues on each board")
    ap.add_argument("--presses", type=int, default=31, help="of each key on each board (odd)")
    ap.add_argument("--settle", type=int, default=150, help="ms of quiet after a press before the next")
    ap.add_argument("--at", help="a day other than today, 'YYYY-MM-DD HH:MM' Europe/Amsterdam (faketime)")
    args = ap.parse_args()
    if args.million:
        args.history = 1_000_000
    binary = os.path.abspath(args.bin)
    clock = hot_path_bench.CLOCK = bench_common.FakeClock(args.at)
    work = tempfile.mkdtemp(prefix="tenboard-key-bench-")
    boards = None
    try:
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam",
                    "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en", "TENBOARD_NAME": "bench",
                    **clock.env}
        day = clock.now().date().isoformat() if args.at else None
        hist_src, empty_src = hot_path_bench.prepared(binary, os.path.abspath(args.keep), args.history, args.shape,
                                                      args.label, base_env, day)
        stores = {}
        extra = os.path.join(work, "extra.json")
        for name, src in (("history", hist_src), ("none", empty_src)):
            dst = os.path.join(work, name)
            subprocess.run(["cp", "-a", src, dst], check=True)
            env = dict(base_env, TENBOARD_STORE=dst)
            have = json.loads(subprocess.run([binary, "list", "--json"], env=env, stdout=subprocess.PIPE, check=True).stdout)
            with open(extra, "w") as f:
                json.dump(extra_open(args.open - len(have), clock.now()), f)
            subprocess.run([binary, "import", extra], env=env, check=True, stdout=subprocess.DEVNULL)
            stores[name] = dict(env, TERM="xterm-256color")
            waiting = len(json.loads(subprocess.run([binary, "list", "--json"], env=env, stdout=subprocess.PIPE,
                                                    check=True).stdout))
            assert waiting == args.open, f"{name}: {waiting} open issues, not {args.open}"
        hot = {n: os.path.getsize(os.path.join(e["TENBOARD_STORE"], "issues.json")) for n, e in stores.items()}

        boards = Boards(binary, work, stores)
        for name in stores:  # the first frame, and the list sorted so that our rows are on screen
            end = time.perf_counter() + 60
            while len(boards.rows(name)) < 3:
                if time.perf_counter() > end:
                    raise RuntimeError(f"board '{name}' shows no rows of ours:\n{boards.screen(name)}")
                time.sleep(0.1)
            boards.controls[name].settle(args.settle / 1000)
        load_before = bench_common.load()
        times = {k: {n: [] for n in stores} for k in ("Down", "resolve")}
        floor = []
        for i in range(args.presses):
            floor.append(boards.controls["floor"].press("x", lambda screen: True, b"x"))
            boards.controls["floor"].settle(args.settle / 1000)
            for name in (("history", "none") if i % 2 == 0 else ("none", "history")):
                c = boards.controls[name]
                rows = boards.rows(name)
                sel = [k for k, (_, lit) in enumerate(rows) if lit]
                assert sel and sel[0] + 1 < len(rows), f"{name}: no row below the selected one: {rows}"
                here, below = rows[sel[0]][0], rows[sel[0] + 1][0]
                times["Down"][name].append(c.press("Down", lambda screen: selected(screen) == below, MARK))
                c.settle(args.settle / 1000)
                c.press("Up", lambda screen: selected(screen) == here)
                c.settle(args.settle / 1000)
                gone = f"#k{int(here[len('Sleutelvraag-'):-1])} resolved."
                times["resolve"][name].append(c.press("r Enter", lambda screen: gone in screen and here not in screen))
                c.settle(args.settle / 1000)
        load_after = bench_common.load()
        for name, env in stores.items():
            left = len(json.loads(subprocess.run([binary, "list", "--json"], env={k: v for k, v in env.items() if k != "TERM"},
                                                 stdout=subprocess.PIPE, check=True).stdout))
            assert left == args.open - args.presses, f"{name}: {left} open after {args.presses} resolves"

        med = bench_common.med
        when = f"{clock.now():%A %Y-%m-%d %H:%M} Europe/Amsterdam" + (f" (faketime {clock.env['FAKETIME']} s)" if args.at else "")
        print(f"board key benchmark: {args.history} resolved issues (shape '{args.shape}') vs none, {args.open} open "
              f"({args.open - args.presses} at the end) on each board, 120x40, tmux -C; {when}; hot file "
              f"{hot['history'] / 1e6:.2f} MB vs {hot['none'] / 1e6:.2f} MB; median of {args.presses} presses each, "
              f"interleaved; load average {load_before} before, {load_after} after; floor (a pane of `cat` in raw mode, "
              f"a byte sent back) {med(floor) * 1000:.2f} ms, max {max(floor) * 1000:.1f} ms")
        goals = bench_common.Goals(width=36, value="7.2f", goal_width=3)
        for key, goal in (("Down", 5), ("resolve", 30)):
            h, n = med(times[key]["history"]) * 1000, med(times[key]["none"]) * 1000
            goals.line(f"{key}, key to screen, history, ms", h, goal,
                       f"max {max(times[key]['history']) * 1000:.1f} ms; none {n:.2f} ms, max "
                       f"{max(times[key]['none']) * 1000:.1f} ms; history / none {h / n:.2f}")
        return goals.exit_code()
    finally:
        if boards:
            boards.stop()
        clock.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
