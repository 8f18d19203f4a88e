#!/usr/bin/env bash
# How each full-journal command's time grows from one journal size to a larger one, measured in
# the same minutes: issue 23's "at 100,000, every warm command within 10x of its 10,000 figure".
#
# Usage: benchmarks/scaling.sh [--rounds N] [--data DIR] [--binary PATH] [--only REGEX] [SMALL LARGE]
#   SMALL LARGE  journal sizes in entries (default: 10000 100000)
#   --rounds N   alternated pairs of runs per command (default 5)
#   --data DIR   the generated journals (benchmarks/run.sh --data makes the same ones; made here
#                when missing)
#   --binary P   time this release binary instead of building one
#   --only RE    time only the operations whose name matches this regular expression
#
# Why a script beside run.sh: run.sh times every size in turn, minutes apart, and this shared VM's
# speed drifts by a tenth or more within minutes (doctor at 10,000 took 0.79-0.84 s in one minute
# and 0.70-0.74 s two minutes later, quiet both times), so the quotient of two of its medians
# carries that drift. Here each command runs at SMALL, then at LARGE, then again, N times, each
# size with a warm index in a cache folder of its own, and the table gives the quotient of the
# medians (wall, and CPU = user + system) beside the load average. Not a test: no number fails
# anything. Fixed clock and zone, temporary HOME/XDG folders: the real home is never read.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=5
data=
only=
bin=
sizes=()
while (($#)); do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --binary) bin=$(realpath "$2"); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
((${#sizes[@]})) || sizes=(10000 100000)
((${#sizes[@]} == 2)) || { echo "scaling.sh: give two sizes (SMALL LARGE)" >&2; exit 64; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "scaling.sh: --rounds takes a positive number" >&2; exit 64; }
source benchmarks/common.sh
needs scaling.sh python3
[[ -n $bin ]] || bin=$(release_binary)

work=$(mktemp -d /tmp/debrief-scaling.XXXXXX)
trap 'rm -rf "$work"' EXIT
[[ -n $data ]] || data=$work/data
mkdir -p "$data"
private_world "$work"  # each size's cache is set per run below

# The journal of SIZE entries in debrief's format and its NAME, as run.sh has them, so the figures
# compare with its table.
declare -A dir name
for size in "${sizes[@]}"; do
  dir[$size]=$(journal debrief "$size")
  name[$size]=$(first_person "$(middle_entry "${dir[$size]}" "$size")")
done

# Each run is timed by the script below: wall time around the process, CPU time (user + system)
# from its rusage, both to the microsecond (/usr/bin/time's hundredths are a fifth of a 50 ms run).
python3 - "$bin" "$work" "$rounds" "$only" "${sizes[0]}" "${dir[${sizes[0]}]}" "${name[${sizes[0]}]}" \
  "${sizes[1]}" "${dir[${sizes[1]}]}" "${name[${sizes[1]}]}" <<'EOF'
import os, re, statistics, subprocess, sys, time
binary, work, rounds, only = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sizes = [(int(sys.argv[5]), sys.argv[6], sys.argv[7]), (int(sys.argv[8]), sys.argv[9], sys.argv[10])]
operations = [
    ("review", ["review"]),
    ("review --weeks 52", ["review", "--weeks", "52"]),
    ("review --week 2026-W47 --format json", ["review", "--week", "2026-W47", "--format", "json"]),
    ("people", ["people"]),
    ("people show NAME", ["people", "show", "NAME"]),
    ("followups", ["followups"]),
    ("followups --overdue", ["followups", "--overdue"]),
    ("followups --all --format json", ["followups", "--all", "--format", "json"]),
    ("list --format json", ["list", "--format", "json"]),
    ("export --format json", ["export", "--format", "json"]),
    ("list --search rike", ["list", "--search", "rike"]),
    ("list --search NAME (few dozen)", ["list", "--search", "NAME"]),
    ("list --search latency (nearly all)", ["list", "--search", "latency"]),
    ("doctor", ["doctor"]),
]

def run(size, journal, name, args):
    """One run with SIZE's journal and its own warm cache: (wall, cpu, load) in seconds."""
    env = dict(os.environ, DEBRIEF_JOURNAL=journal, XDG_CACHE_HOME=f"{work}/cache-{size}")
    argv = [binary] + [name if a == "NAME" else a for a in args]
    load = float(open("/proc/loadavg").read().split()[0])
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(argv, env=env, stdout=null, stderr=null)
        _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, load

def ms(s):
    return f"{s * 1000:,.0f} ms" if s >= 0.1 else f"{s * 1000:.1f} ms"

(small, _, _), (large, _, _) = sizes
print(f"Alternated runs, {rounds} at each size; medians; quotient = {large:,} ÷ {small:,}.\n")
print(f"| operation | {small:,} wall | {large:,} wall | wall ÷ | {small:,} CPU | {large:,} CPU | CPU ÷ | load |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for op, args in operations:
    if only and not re.search(only, op):
        continue
    for size, journal, name in sizes:  # warm: the index built, the files in the page cache
        run(size, journal, name, args)
    got = {size: [] for size, _, _ in sizes}
    loads = []
    for _ in range(rounds):
        for size, journal, name in sizes:
            wall, cpu, load = run(size, journal, name, args)
            got[size].append((wall, cpu))
            loads.append(load)
    sw, lw = (statistics.median(w for w, _ in got[s]) for s in (small, large))
    sc, lc = (statistics.median(c for _, c in got[s]) for s in (small, large))
    print(f"| {op} | {ms(sw)} | {ms(lw)} | {lw / sw:.1f}× | {ms(sc)} | {ms(lc)} | {lc / sc:.1f}× "
          f"| {min(loads):.1f}–{max(loads):.1f} |", flush=True)
    print(f"  {op} done", file=sys.stderr)
EOF
