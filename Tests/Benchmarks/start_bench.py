#!/usr/bin/env python3
"""Start-up benchmark: how far is a tenboard command from a Swift + Foundation hello world?

Builds two hello worlds (`import Foundation; print(...)`, swiftc -O): one linked with the Swift
runtime as shared libraries, one with it inside (-static-stdlib, as the package's binary). Then
measures, in one interleaved run, spawn to exit (wall time) and CPU (rusage) of:
  hello (shared), hello (static), `tenboard --version`, `tenboard status --json` on an empty store
Goal: tenboard ÷ the hello world linked the same way <= 1.5, for `--version` and for the real command
(`status --json`). Prints the load average.
Usage: start_bench.py [--bin PATH] [--runs N]   (PATH: a tenboard binary; say how it was linked)
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time


def spawn(cmd, env):
    """Wall seconds and CPU seconds of one run of `cmd`."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    t = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    os.close(devnull)
    assert status == 0, f"{cmd} exited {status}"
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build-bench/release/tenboard"))
    ap.add_argument("--runs", type=int, default=101)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="tenboard-start-bench-")
    try:
        source = os.path.join(work, "hello.swift")
        with open(source, "w") as f:
            f.write('import Foundation\nprint("hello, \\(ProcessInfo.processInfo.processIdentifier)")\n')
        hello = os.path.join(work, "hello"), os.path.join(work, "hello-static")
        subprocess.run(["swiftc", "-O", source, "-o", hello[0]], check=True)
        subprocess.run(["swiftc", "-O", "-static-stdlib", source, "-o", hello[1]], check=True)
        env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "TENBOARD_STORE": os.path.join(work, "store")}
        cmds = {
            "hello, Swift runtime shared": [hello[0]],
            "hello, Swift runtime static": [hello[1]],
            "tenboard --version": [binary, "--version"],
            "tenboard status --json (empty store)": [binary, "status", "--json"],
        }
        wall = {k: [] for k in cmds}
        cpu = {k: [] for k in cmds}
        load_before = open("/proc/loadavg").read().split()[:3]
        for i in range(args.runs):
            for k, cmd in (cmds.items() if i % 2 == 0 else reversed(cmds.items())):
                w, c = spawn(cmd, env)
                wall[k].append(w)
                cpu[k].append(c)
        load_after = open("/proc/loadavg").read().split()[:3]
        med = statistics.median
        linked = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
        static = "libswiftCore" not in linked
        base = "hello, Swift runtime static" if static else "hello, Swift runtime shared"
        print(f"start-up benchmark: median of {args.runs} interleaved runs; {binary} links the Swift runtime "
              f"{'statically' if static else 'as shared libraries'} ({len(linked.splitlines())} libraries); "
              f"load average {' '.join(load_before)} before, {' '.join(load_after)} after")
        for k in cmds:
            print(f"{k:40} {med(wall[k])*1000:7.2f} ms wall {med(cpu[k])*1000:7.2f} ms CPU  "
                  f"÷ {base}: {med(wall[k]) / med(wall[base]):.2f}")
        met = True
        for k in ("tenboard --version", "tenboard status --json (empty store)"):
            ratio = med(wall[k]) / med(wall[base])
            met = met and ratio <= 1.5
            print(f"{k} ÷ hello linked the same way: {ratio:.2f}  goal <= 1.5 {'met' if ratio <= 1.5 else 'MISSED'}")
        return 0 if met else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
