#!/usr/bin/env python3
"""Start-up benchmark: how far is a tenboard command from a Swift + Foundation hello world?

Builds two hello worlds (`import Foundation; print(...)`, swiftc -O): one linked with the Swift
runtime as shared libraries, one with it inside (-static-stdlib, as the package's binary). Then
measures, in one interleaved run, spawn to exit (wall time) and CPU (rusage) of the hello worlds
and, for each binary given, the commands a team runs all day:
  `--version`, `status --json` and `list --json` on an empty store, `add` into a store of its
  own (one issue more each run) and `resolve` of an issue added before the runs (one a run).
Goal (issue 17): tenboard as the install recipe builds it ÷ a Swift + Foundation hello world as
swiftc builds it (Swift runtime shared) <= 1.5, for every command. Also printed: the ratio to the
hello world linked the same way as the binary (for a static binary, the static hello), the stricter
comparison. Prints the load average. Give --bin several times (e.g. the build before and after a change) to compare them in
the same run; each binary has its own stores.
With --instructions it also counts each command's instructions once with callgrind (valgrind), on a
copy of each binary made with `strip -g` (valgrind's reader gives up on the debug info of the
static binary), in the same environment as the timed runs.
Usage: start_bench.py [--bin PATH]... [--runs N] [--instructions]   (PATH: a tenboard binary; say how it was linked)
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time


def spawn(cmd, env, capture=False):
    """Wall seconds, CPU seconds and (with capture) standard output of one run of `cmd`."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    out_r, out_w = os.pipe() if capture else (None, devnull)
    t = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=[(os.POSIX_SPAWN_DUP2, out_w, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    output = b""
    if capture:
        os.close(out_w)
        while chunk := os.read(out_r, 65536):
            output += chunk
        os.close(out_r)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    os.close(devnull)
    assert status == 0, f"{cmd} exited {status}"
    return wall, usage.ru_utime + usage.ru_stime, output


COMMANDS = ("--version", "status --json", "list --json", "add", "resolve")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", action="append",
                    help="a tenboard binary (repeat to compare several; default .build-bench/release/tenboard)")
    ap.add_argument("--runs", type=int, default=101)
    ap.add_argument("--instructions", action="store_true", help="also count instructions with callgrind (once per command)")
    args = ap.parse_args()
    binaries = [os.path.abspath(b) for b in (args.bin or [os.path.join(os.path.dirname(__file__), "../../.build-bench/release/tenboard")])]
    work = tempfile.mkdtemp(prefix="tenboard-start-bench-")
    try:
        source = os.path.join(work, "hello.swift")
        with open(source, "w") as f:
            f.write('import Foundation\nprint("hello, \\(ProcessInfo.processInfo.processIdentifier)")\n')
        hello = os.path.join(work, "hello"), os.path.join(work, "hello-static")
        subprocess.run(["swiftc", "-O", source, "-o", hello[0]], check=True)
        subprocess.run(["swiftc", "-O", "-static-stdlib", source, "-o", hello[1]], check=True)
        base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8"}

        def env(store):
            # An empty store is a directory without issues; one that is not there is refused.
            os.makedirs(os.path.join(work, store), exist_ok=True)
            return dict(base_env, TENBOARD_STORE=os.path.join(work, store))

        # name -> (argv for run i, environment)
        cmds = {
            "hello, Swift runtime shared": (lambda i: [hello[0]], base_env),
            "hello, Swift runtime static": (lambda i: [hello[1]], base_env),
        }
        labels = {}
        for n, binary in enumerate(binaries):
            label = f"[{n + 1}] " if len(binaries) > 1 else ""
            labels[binary] = label
            resolve_env = env(f"store-resolve-{n}")
            ids = [spawn([binary, "add", "--customer", f"Customer {i}", "--summary", "the printer"], resolve_env, capture=True)[2].decode().strip()
                   for i in range(args.runs)]
            cmds.update({
                f"{label}tenboard --version": (lambda i, b=binary: [b, "--version"], env(f"store-empty-{n}")),
                f"{label}tenboard status --json": (lambda i, b=binary: [b, "status", "--json"], env(f"store-empty-{n}")),
                f"{label}tenboard list --json": (lambda i, b=binary: [b, "list", "--json"], env(f"store-empty-{n}")),
                f"{label}tenboard add": (lambda i, b=binary: [b, "add", "--customer", f"Customer {i}", "--summary", "no ink"], env(f"store-add-{n}")),
                f"{label}tenboard resolve": (lambda i, b=binary, ids=ids: [b, "resolve", ids[i], "--action", "new cartridge"], resolve_env),
            })
        wall = {k: [] for k in cmds}
        cpu = {k: [] for k in cmds}
        load_before = open("/proc/loadavg").read().split()[:3]
        for i in range(args.runs):
            for k, (argv, e) in (cmds.items() if i % 2 == 0 else reversed(cmds.items())):
                w, c, _ = spawn(argv(i), e)
                wall[k].append(w)
                cpu[k].append(c)
        load_after = open("/proc/loadavg").read().split()[:3]
        instructions = {}
        if args.instructions:
            copies = {}
            for n, binary in enumerate(list(hello) + binaries):
                copies[binary] = os.path.join(work, f"stripped-{n}")
                subprocess.run(["strip", "-g", "-o", copies[binary], binary], check=True)
            out = os.path.join(work, "callgrind.out")
            for k, (argv, e) in cmds.items():
                command = argv(args.runs if k.endswith("add") else 0)
                if k.endswith("resolve"):  # one more issue to resolve, added before the count
                    issue = spawn([command[0], "add", "--customer", "Counted", "--summary", "the printer"], e, capture=True)[2].decode().strip()
                    command = command[:2] + [issue] + command[3:]
                subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", copies[command[0]]] + command[1:],
                               env=e, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                with open(out) as f:
                    instructions[k] = next(int(line.split()[1]) for line in f if line.startswith(("summary:", "totals:")))
        med = statistics.median
        print(f"start-up benchmark: median of {args.runs} interleaved runs; "
              f"load average {' '.join(load_before)} before, {' '.join(load_after)} after")
        met = True
        for binary in binaries:
            linked = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
            static = "libswiftCore" not in linked
            same = "hello, Swift runtime static" if static else "hello, Swift runtime shared"
            base = "hello, Swift runtime shared"
            print(f"{labels[binary]}{binary} links the Swift runtime "
                  f"{'statically' if static else 'as shared libraries'} ({len(linked.splitlines())} libraries)")
            for k in ("hello, Swift runtime shared", "hello, Swift runtime static") + tuple(f"{labels[binary]}tenboard {c}" for c in COMMANDS):
                ratio = med(wall[k]) / med(wall[base])
                goal = ""
                if k.startswith(f"{labels[binary]}tenboard"):
                    met = met and ratio <= 1.5
                    goal = "  goal <= 1.5 " + ("met" if ratio <= 1.5 else "MISSED")
                    if same != base:
                        goal += f"  (÷ {same}: {med(wall[k]) / med(wall[same]):.2f})"
                counted = f"  {instructions[k] / 1e6:6.2f} M instructions" if k in instructions else ""
                print(f"  {k:44} {med(wall[k])*1000:7.2f} ms wall {med(cpu[k])*1000:7.2f} ms CPU  "
                      f"÷ {base}: {ratio:.2f}{goal}{counted}")
        return 0 if met else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
