#!/usr/bin/env python3
"""Typing benchmark: does typing into a field cost more than drawing frames?

Runs `tenboard board --pinned-clock <Tue 24 Nov 2026 09:12>` (a live board whose clock stands
still; `--at` is a frozen view that refuses the new-issue form) in a pseudo-terminal of its own
(100x30, xterm-256color, C.UTF-8) on a store of 30 waiting customers, and measures from outside, reading
the bytes the board writes to its terminal:
  (i)  key-to-screen: in the new-issue form, each of 40 characters is written to the terminal
       one at a time, and the clock stops when the board has written that character back;
       the sum over the 40 keys                                              
  (j)  frames: 40 times Ctrl-L in the list (a whole repaint: every cell sent again), each timed
       until the footer's last word has been written; the sum over the 40 frames
  goal: (i) <= (j), typing 40 characters takes no longer than drawing 40 frames.
  Also (k): the same 40 characters written at once (a fast typist, or a paste without
  bracketed paste) until the last one is on screen.
Usage: typing_bench.py [--bin PATH] [--runs N]
   (release build first: swift build -c release --scratch-path .build-bench)
"""
import argparse, os, pty, select, shutil, subprocess, sys, tempfile, time, fcntl, termios, struct

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_common  # noqa: E402

AT = "2026-11-24T09:12:00+01:00"
TEXT = "Fietsenmaker Gerrit belt over de offerte"  # 40 characters


def make_store(binary, env):
    for n in range(30):
        subprocess.run([binary, "add", "--customer", f"Klant {n}", "--summary", f"Vraag {n} over de factuur",
                        "--received", f"2026-11-23T{8 + n // 4:02d}:{(n * 7) % 60:02d}:00+01:00"],
                       env=env, check=True, stdout=subprocess.DEVNULL)


class Board:
    def __init__(self, binary, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(binary, [binary, "board", "--pinned-clock", AT], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.seen = b""

    def read_until(self, needle, timeout=10.0):
        """Reads what the board writes until `needle` has appeared in it (since the last call)."""
        end = time.perf_counter() + timeout
        buf = b""
        while needle not in buf:
            left = end - time.perf_counter()
            if left <= 0:
                raise RuntimeError(f"timed out waiting for {needle!r}; got {buf[-300:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                buf += os.read(self.fd, 65536)
        return buf

    def drain(self, quiet=0.15):
        while select.select([self.fd], [], [], quiet)[0]:
            os.read(self.fd, 65536)

    def send(self, data):
        os.write(self.fd, data)

    def stop(self):
        self.send(b"\x1b")
        time.sleep(0.05)
        self.send(b"y")
        time.sleep(0.05)
        self.send(b"q")
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def one_run(binary, env):
    board = Board(binary, env)
    try:
        board.read_until(b"quit")
        board.drain()
        frames = []
        for _ in range(40):
            t = time.perf_counter()
            board.send(b"\x0c")
            board.read_until(b"quit")
            frames.append(time.perf_counter() - t)
            board.drain(0.02)
        board.send(b"n")
        board.read_until(b"New customer issue")
        board.drain()
        keys = []
        for c in TEXT:
            t = time.perf_counter()
            board.send(c.encode())
            board.read_until(c.encode())
            keys.append(time.perf_counter() - t)
            board.drain(0.02)
        # A burst: the same text at once, after clearing the field (Ctrl-U).
        board.send(b"\x15")
        board.drain()
        t = time.perf_counter()
        board.send(TEXT.encode())
        board.read_until(b"offerte")
        burst = time.perf_counter() - t
        board.drain()
    finally:
        board.stop()
    return sum(keys), sum(frames), burst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build-bench/release/tenboard")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-typing-")
    try:
        env = {"PATH": "/usr/bin:/bin", "HOME": work, "TENBOARD_STORE": work, "TERM": "xterm-256color",
               "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en", "TENBOARD_NAME": "lisa"}
        make_store(binary, env)
        results = [one_run(binary, env) for _ in range(args.runs)]
        keys = bench_common.med(r[0] for r in results)
        frames = bench_common.med(r[1] for r in results)
        burst = bench_common.med(r[2] for r in results)
        print(f"(i) 40 keys, each until on screen: {keys * 1000:.1f} ms ({keys / 40 * 1000:.2f} ms a key)")
        print(f"(j) 40 whole frames (Ctrl-L):      {frames * 1000:.1f} ms ({frames / 40 * 1000:.2f} ms a frame)")
        print(f"(k) 40 keys at once until shown:   {burst * 1000:.1f} ms")
        ok = keys <= frames
        print(f"goal (i) <= (j): {'met' if ok else 'NOT met'} (ratio {keys / frames:.2f}, median of {args.runs} runs)")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
