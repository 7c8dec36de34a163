#!/bin/sh
# Measures what `tenboard wall` costs while nothing changes but the countdown: bytes written to
# the terminal per second and CPU use, beside `watch -n1 tenboard list` on the same store,
# measured the same way in the same run.
#
# Each runs in a real terminal: its own tmux server (unique -L socket) with a pinned size, TERM,
# locale and zone. `tmux pipe-pane` copies every byte the program writes to the pty into a file
# whose size is counted; CPU is utime+stime+cutime+cstime from /proc/<pid>/stat (children
# included, which is where watch's `tenboard list` runs go), over the same window.
#
# tty-clock (`tty-clock -s -c`, seconds in big digits of the same size) runs beside them when
# installed: the floor for a program that draws a clock once a second. With BOARD=1 an idle board
# (`tenboard board --read-only`, on the real clock: its countdown ticks in the header) is measured
# beside them the same way.
#
# Usage: Tests/Benchmarks/wall-bench.sh
# Environment:
#   STORE         an existing store to show (default: a new one with 15 customers); only read
#   AT            the instant the wall shows (default 2026-11-24T09:12:40+01:00, a countdown
#                 whatever the real time); `now` runs it on the real clock
#   TENBOARD_BIN  the binary (default: .build/release/tenboard, built with `swift build -c release`
#                 if missing)
#   DURATION      seconds measured (default 60), after WARMUP seconds (default 3) so the first
#                 full-screen draw is not counted
#   SIZE          the terminal, WIDTHxHEIGHT (default 80x24)
#   BENCH_TERM    TERM for both (default xterm-256color; try linux)
#   BENCH_LANG    LANG for both (default C.UTF-8; C gives the ASCII wall)
#   BOARD         1: also the idle board
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
duration=${DURATION:-60}
warmup=${WARMUP:-3}
size=${SIZE:-80x24}
width=${size%x*}
height=${size#*x}
term=${BENCH_TERM:-xterm-256color}
lang=${BENCH_LANG:-C.UTF-8}
bin=${TENBOARD_BIN:-$root/.build/release/tenboard}

command -v tmux >/dev/null || { echo "wall-bench: tmux is needed" >&2; exit 69; }
command -v watch >/dev/null || { echo "wall-bench: watch (procps) is needed" >&2; exit 69; }
if [ ! -x "$bin" ]; then
    echo "wall-bench: building $bin" >&2
    (cd "$root" && swift build -c release --product tenboard >&2)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/wall-bench.XXXXXX")
sock="wall-bench-$$"
cleanup() {
    for name in wall watch clock board; do tmux -L "$sock-$name" kill-server 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A store like a busy morning: a dozen waiting customers, some helped by several colleagues.
store=${STORE:-$work/store}
at=${AT:-2026-11-24T09:12:40+01:00}
mkdir -p "$store"
export TENBOARD_STORE="$store" HOME="$work" TZ=Europe/Amsterdam LANG="$lang"
i=0
[ -n "${STORE:-}" ] || 
for customer in "Bakkerij Jansen" "Gemeente Utrecht" "Hotel De Kroon" "Van Dijk BV" "Zorggroep Oost" \
    "Fietsenmaker Ali" "Cafe 't Hoekje" "Drukkerij Smit" "Tandarts Bos" "Garage Peters" \
    "Bloemist Roos" "Notaris de Wit" "Sportschool Fit" "Apotheek Zuid" "Kapsalon Mooi"; do
    i=$((i + 1))
    id=$("$bin" add --customer "$customer" --summary "question $i" \
        --received "2026-11-24T0$((i % 3 + 5)):$((10 + i * 2)):00+01:00" --assignee "lead$((i % 3))")
    if [ $((i % 3)) -eq 0 ]; then
        "$bin" resolve "$id" --by "lead$((i % 4))" --at "2026-11-24T08:$((10 + i)):00+01:00" >/dev/null
    fi
done

# Starts "$2…" in tmux server $1, the program itself as the pane's process (exec all the way).
start() {
    name=$1
    shift
    cmd="exec env TERM=$term LANG=$lang TZ=Europe/Amsterdam HOME=$work TENBOARD_STORE=$store $*"
    tmux -L "$sock-$name" -f /dev/null new-session -d -s "$name" -x "$width" -y "$height" "$cmd"
    tmux -L "$sock-$name" display-message -p -t "$name" '#{pane_pid}'
}

# Ticks of CPU (own and waited-for children) of a process.
ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"; }

# By default the wall runs from 09:12:40 on a Tuesday (--clock-from: the clock starts there and
# runs on, unlike the frozen --at), so its big digits count down whatever the real time.
if [ "$at" = now ]; then
    wall_pid=$(start wall "$bin" wall)
else
    wall_pid=$(start wall "$bin" wall --clock-from "$at")
fi
watch_pid=$(start watch watch -n1 "$bin" list)
names="wall watch"
if command -v tty-clock >/dev/null; then
    clock_pid=$(start clock tty-clock -s -c)
    names="$names clock"
fi
if [ "${BOARD:-0}" = 1 ]; then
    board_pid=$(start board "$bin" board --read-only)
    names="$names board"
fi
sleep "$warmup"

for name in $names; do
    tmux -L "$sock-$name" pipe-pane -t "$name" "cat > '$work/$name.bytes'"
done
load0=$(cut -d' ' -f1-3 /proc/loadavg)
wall_t0=$(ticks "$wall_pid")
watch_t0=$(ticks "$watch_pid")
[ -z "${clock_pid:-}" ] || clock_t0=$(ticks "$clock_pid")
[ -z "${board_pid:-}" ] || board_t0=$(ticks "$board_pid")
t0=$(date +%s.%N)
sleep "$duration"
wall_t1=$(ticks "$wall_pid")
watch_t1=$(ticks "$watch_pid")
[ -z "${clock_pid:-}" ] || clock_t1=$(ticks "$clock_pid")
[ -z "${board_pid:-}" ] || board_t1=$(ticks "$board_pid")
t1=$(date +%s.%N)
load1=$(cut -d' ' -f1-3 /proc/loadavg)
for name in $names; do tmux -L "$sock-$name" pipe-pane -t "$name"; done
sleep 0.2

screen=$(tmux -L "$sock-wall" capture-pane -p -t wall)
if [ "$at" != now ]; then
    case "$screen" in
        *"left until 10:00"*) ;;
        *) echo "wall-bench: the wall did not show its countdown:" >&2; echo "$screen" >&2; exit 1 ;;
    esac
fi

hz=$(getconf CLK_TCK)
figures() {
    bytes=$(wc -c < "$work/$1.bytes")
    awk -v b="$bytes" -v t0="$t0" -v t1="$t1" -v c0="$2" -v c1="$3" -v hz="$hz" \
        'BEGIN { s = t1 - t0; printf "%.0f B/s, %.2f%% CPU", b / s, (c1 - c0) / hz / s * 100 }'
}
echo "$(basename "$bin") ($bin), ${width}x${height}, TERM=$term, LANG=$lang, ${duration}s, store $store, at $at, load average $load0 before, $load1 after"
line="wall: $(figures wall "$wall_t0" "$wall_t1") | watch -n1 list: $(figures watch "$watch_t0" "$watch_t1")"
[ -z "${clock_pid:-}" ] || line="$line | tty-clock -s -c: $(figures clock "$clock_t0" "$clock_t1")"
[ -z "${board_pid:-}" ] || line="$line | board --read-only: $(figures board "$board_t0" "$board_t1")"
echo "$line"
