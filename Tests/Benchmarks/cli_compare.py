#!/usr/bin/env python3
"""Two tenboard builds, the same answers: stdout, stderr and exit status of each command line.

For changes that must not change behaviour (such as the start-up work, README "Process start"):
the help and --experimental-dump-help of every command, completion scripts, usage errors, bad
values and plain commands, plus the command lines of Tests/EndToEndTests/CommandLineParseTests.swift,
each under six configurations (none, Dutch, odd blanks, a bad time zone, TENBOARD_* variables),
each run in a fresh store with one issue. The board, the wall, demo and edit are asked only for help.
Usage: cli_compare.py BIN_A BIN_B   (exit 1 when any line differs; a line that differs is run
again up to twice, as a countdown's second may tick between the two runs)
"""
import os, re, shutil, subprocess, sys, tempfile
A, B = sys.argv[1], sys.argv[2]
subs = ["board","wall","demo","status","summary","list","show","add","resolve","withdraw","reopen","assign","set","import","export","check","edit","intake","history","tally","praise"]
lines = [[], ["--help"], ["-h"], ["help"], ["--version"], ["--experimental-dump-help"]]
for sh in ["bash","zsh","fish"]: lines.append(["--generate-completion-script", sh])
for s in subs: lines += [[s, "--help"], ["help", s], [s, "--experimental-dump-help"], [s, "-h"]]
lines += [
 ["status"], ["status","--json"], ["status","--json","--at","09:40"], ["status","--at","2026-11-30 09:40"], ["status","--at"], ["status","--at","nonsense"],
 ["status","--at= 09:40 "], ["status","--jsn"], ["status","extra"], ["stauts","--json"], ["lst"], ["status","--version"], ["status","--","--json"],
 ["list"], ["list","--json"], ["list","--all"], ["list","--kind","bug"], ["list","--kind","nope"], ["list","--kind"], ["list","--at","10:00","--json"],
 ["add"], ["add","--summary","x"], ["add","--customer"," \t","--summary","x"], ["add","--customer","\u00a0","--summary","x"], ["add","--customer","\u3000x","--summary","x"],
 ["add","--customer","Ann","--summary","printer","--kind","nope"], ["add","--customer","Ann","--summary","printer","--kind","bug","--received","07:50"],
 ["add","--customer","Ann","--summary","printer","--received"," 07:50 "], ["add","--customer","Ann","--summary","p","--received","bad"],
 ["add","--json","-"], ["add","--json","/nonexistent.json"], ["add","--json","-","--customer","x"],
 ["resolve"], ["resolve","x1"], ["resolve","x1","--action","a","--at","09:00"], ["reopen","x1"], ["assign","x1","--none","bob"], ["assign","x1"],
 ["withdraw","x1"], ["withdraw","x1","--reason","dup","--at","bad"], ["set","x1"], ["show","x1"], ["show","--","--help"],
 ["history","--days","veel"], ["history","--days","7","--at","10:00"], ["history","--csv","--at","2026-11-30 10:00"], ["summary","--force"], ["summary","--retry","--at","10:00"],
 ["summary","--text","--at","2026-11-30 10:30"], ["summary","--text","--html"], ["tally","--undo"], ["tally","--at","10:00"], ["tally","Ann","--at","bad"],
 ["praise","Ann","--customer","c","--text"," "], ["intake","--count","0"], ["export","--jsonl"], ["import","a.json"], ["check"],
 ["--store","/tmp/x"], ["status","--store"], ["status","--config","/nonexistent.yaml"], ["status","--config=/nonexistent.yaml"],
 ["add","--customer=-h","--summary=--version"], ["status","--at=--version"], ["list","--json","--json"], ["tally","help"],
 ["---completion","--","status","--at","0","0"], ["status","--generate-completion-script","zsh"],
]
def run(binary, args, env_extra):
    d = tempfile.mkdtemp(prefix="cmp-")
    try:
        env = {"PATH": "/usr/bin:/bin", "HOME": d, "LANG": "C.UTF-8", "TENBOARD_STORE": d + "/store"}
        env.update({k: v.replace("@D", d) for k, v in env_extra.items()})
        if "cfg" in env_extra:
            open(d + "/config.yaml", "w").write(env_extra["cfg"].replace("@D", d)); env["TENBOARD_CONFIG"] = d + "/config.yaml"; del env["cfg"]
        # a store with two issues, x-ids as the store gives them
        pre = subprocess.run([binary, "add", "--customer", "Pre", "--summary", "seed", "--received", "2026-11-30 07:00"], env=env, capture_output=True, text=True)
        r = subprocess.run([binary] + args, env=env, capture_output=True, stdin=subprocess.DEVNULL, timeout=20)
        return (r.returncode, r.stdout.replace(d.encode(), b"@D"), r.stderr.replace(d.encode(), b"@D"))
    finally:
        shutil.rmtree(d, ignore_errors=True)
configs = [{}, {"cfg": "store: @D/store\nlanguage: nl\n"}, {"cfg": "store: @D/store\ntimezone: ' Europe/Amsterdam '\nname: '  Ann\u00a0'\nworkdays: mon , tue\n"},
           {"cfg": "store: @D/store\ntimezone: Nowhere/Land\n"}, {"TENBOARD_LANGUAGE": " nl "}, {"TENBOARD_DEADLINE": "\u200910:30 "}]
parse_tests = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../EndToEndTests/CommandLineParseTests.swift")).read()
parse_tests = parse_tests[parse_tests.index("static let plain"):parse_tests.index("/// What a parse gave")]
lines += [re.findall(r'"((?:[^"\\]|\\.)*)"', line) for line in re.findall(r"\[([^\[\]]*)\]", parse_tests)]
same = diff = 0
for cfg in configs:
    for args in lines:
        if args[:1] in (["board"], ["wall"], ["demo"], ["edit"]) and not any(a in ("--help", "-h", "--experimental-dump-help") for a in args): continue
        if args == [] : continue  # the board
        for attempt in range(3):  # a countdown whose second ticked between the two runs: again
            ra, rb = run(A, args, cfg), run(B, args, cfg)
            if ra == rb: break
        if ra == rb: same += 1
        else:
            diff += 1
            print("DIFF", cfg, args, ra[0], rb[0]); print("  A:", ra[1][:300], ra[2][:300]); print("  B:", rb[1][:300], rb[2][:300])
print(f"same {same}, different {diff}")
sys.exit(1 if diff else 0)
