#!/usr/bin/env bash
# Benchmarks debrief's release binary against issue 13's targets, and jrnl beside it.
#
# Usage: benchmarks/run.sh [--runs N] [--data DIR] [--jrnl-max N] [--no-jrnl] [--only REGEX] [--binary PATH] [SIZE...]
#   SIZE        journal sizes in entries (default: 1000 10000 100000)
#   --runs N    hyperfine runs per command (default 10; 100,000 entries use 3, and fewer for
#               the slowest cases: the table says how many)
#   --data DIR  keep the generated journals in DIR and reuse them on the next run
#               (default: a temporary folder, removed at the end)
#   --jrnl-max  the largest size jrnl is timed at (default 10000: at 100,000 one jrnl command
#               takes minutes)
#   --no-jrnl   skip the jrnl columns
#   --binary P  time this release binary instead of building one (an older commit's, to compare)
#   --only RE   time only the operations whose name matches this extended regex (grep -E)
#   FULL_MODES=warm (environment) times the full-journal commands with a warm index only, not
#               also without the index (which reads every file: minutes at 10,000 under load)
#
# Not a test: CI never runs it and no number fails anything. It builds the release binary once,
# generates deterministic journals over ten years (benchmarks/make-journal.py) in debrief's
# format, in PyYAML's safe_dump style and in jrnl's text format, and times whole processes with
# hyperfine: with a warm index, a cold one (the cache folder removed before every run) and none
# (DEBRIEF_INDEX=off). `pending` reads a generated 5,000-file calendar folder
# (benchmarks/make-calendar.py) beside each journal. Screens are timed through DEBRIEF_TRACE in a
# tmux pane. Peak memory is
# /usr/bin/time's maximum resident set size of one more run in the same state. Everything runs
# with a fixed clock, a fixed zone and temporary HOME/XDG folders: the real home is never read.
# Needs python3 (with PyYAML for the pyyaml style), hyperfine, tmux and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=10
data=
jrnl_max=10000
use_jrnl=1
only=
bin=
sizes=()
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --jrnl-max) jrnl_max=$2; shift 2 ;;
    --no-jrnl) use_jrnl=0; shift ;;
    --only) only=$2; shift 2 ;;
    --binary) bin=$(realpath "$2"); shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
((${#sizes[@]})) || sizes=(1000 10000 100000)
source benchmarks/common.sh
needs run.sh hyperfine tmux python3 /usr/bin/time
[[ -n $bin ]] || bin=$(release_binary)

work=$(mktemp -d /tmp/debrief-bench.XXXXXX)
trap 'tmux -L "debrief-bench-$$" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
[[ -n $data ]] || data=$work/data
mkdir -p "$data"
results=$work/results.tsv
: >"$results"

# A private world: fixed clock and zone, temporary home and XDG folders.
private_world "$work"
cache=$XDG_CACHE_HOME/debrief

# jrnl: the venv the test suite made, else a fresh one when pip can install jrnl, else none.
jrnl=
if ((use_jrnl)); then
  if [[ -x /tmp/debrief-test-venvs/jrnl/bin/jrnl ]]; then
    jrnl=/tmp/debrief-test-venvs/jrnl/bin/jrnl
  elif python3 -m venv "$work/venv" >/dev/null 2>&1 && "$work/venv/bin/pip" install -q jrnl >/dev/null 2>&1; then
    jrnl=$work/venv/bin/jrnl
  else
    echo "run.sh: jrnl could not be installed; its columns stay empty" >&2
  fi
fi

calendar() { # COUNT -> path of a generated calendar folder (made once per data folder)
  local dir=$data/calendar-$1
  if [[ ! -e $dir/.done ]]; then
    rm -rf "$dir"
    echo "generating a calendar of $1 files…" >&2
    python3 benchmarks/make-calendar.py "$dir" "$1" >/dev/null
    touch "$dir/.done"
  fi
  echo "$dir"
}

# The machine's 1-minute load average now (other work slows every wall-clock figure).
load() { cut -d' ' -f1 /proc/loadavg; }

# wanted OP: whether --only selects this operation.
wanted() { [[ -z $only ]] || grep -Eq -- "$only" <<<"$1"; }

# time_cmd OP SIZE MODE RUNS PREPARE COMMAND… : hyperfine's median (seconds) into the results;
# with RUNS 1 (the slowest cases at 100,000 entries) one run under GNU time instead.
time_cmd() {
  local op=$1 size=$2 mode=$3 n=$4 prepare=$5; shift 5
  wanted "$op" || return 0
  local load_before
  load_before=$(load)
  if ((n == 1)); then
    [[ -n $prepare ]] && bash -c "$prepare"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$work/one" "$@" >/dev/null 2>&1; then
      echo "run.sh: '$*' failed" >&2
      return 0
    fi
    local wall user sys peak
    read -r wall user sys peak < <(tail -1 "$work/one")
    [[ $mode == jrnl ]] && peak=
    record "$op" "$size" "$mode" "$wall" "$peak" "$(python3 -c "print($user + $sys)")" 1 "$load_before"
    return 0
  fi
  local json=$work/h.json line
  local args=(--style none --runs "$n" --export-json "$json")
  line=$(printf '%q ' "$@")
  if [[ -n $prepare ]]; then args+=(--prepare "$prepare"); else args+=(--warmup 1); fi
  if ! hyperfine "${args[@]}" -- "$line" >/dev/null 2>"$work/h.err"; then
    echo "run.sh: '$*' failed: $(tail -3 "$work/h.err")" >&2
    return 0
  fi
  local median cpu
  read -r median cpu < <(python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"][0]; print(r["median"], r["user"] + r["system"])' "$json")
  # Peak memory of one more run in the same state (jrnl's is not reported).
  local peak=
  if [[ $mode != jrnl ]]; then
    [[ -n $prepare ]] && bash -c "$prepare"
    peak=$(/usr/bin/time -f %M -o "$work/mem" "$@" >/dev/null 2>&1; cat "$work/mem" 2>/dev/null | tail -1)
  fi
  record "$op" "$size" "$mode" "$median" "$peak" "$cpu" "$n" "$load_before"
}

# record OP SIZE MODE SECONDS PEAK-KB CPU-SECONDS RUNS LOAD-BEFORE: one row of the results, with
# the load average as the higher of the one before and the one after the measurement.
record() {
  local l
  l=$(python3 -c "print(max($8, $(load)))")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${@:1:7}" "$l" >>"$results"
  printf '  %-30s %-7s %-5s %8.1f ms cpu %s %s (%s runs, load %s)\n' "$1" "$2" "$3" "$(python3 -c "print($4*1000)")" "${6:-}" "${5:+$(($5 / 1024)) MB}" "$7" "$l" >&2
}

# first_frame OP SIZE MODE RUNS ARGS… : ms from the process's start (or from opening the screen,
# for screens reached from home) to the first frame drawn with no background read running.
first_frame() {
  local op=$1 size=$2 mode=$3 n=$4 keys=$5; shift 5
  wanted "$op" || return 0
  local load_before
  load_before=$(load)
  local socket=debrief-bench-$$ times=() peak=
  for ((i = 0; i < n; i++)); do
    local trace=$work/trace-$i mem=$work/tui-mem
    rm -f "$trace" "$mem"
    [[ $mode == cold ]] && rm -rf "$cache"
    local envs=(DEBRIEF_TRACE="$trace")
    [[ $mode == off ]] && envs+=(DEBRIEF_INDEX=off)
    tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 40 \
      "env ${envs[*]} TERM=tmux-256color /usr/bin/time -f %M -o $mem $bin $* 2>/dev/null"
    local ms= sent= drawn=
    # Polled with grep and awk alone: the screen under measurement has the machine's two cores
    # to itself but for them (a python3 started every 50 ms to read the trace took about one
    # core of CPU on this VM, beside a read that uses both). Read by python once it is drawn.
    for ((t = 0; t < 3000; t++)); do
      if [[ -n $keys && -z $sent && -f $trace ]] && grep -q 'frame: drawn, 0 background' "$trace"; then
        tmux -L "$socket" send-keys "$keys"
        sent=1
      fi
      # Without keys: the first frame drawn with no background read running. With keys: the
      # first such frame after the second "screen:" line (the screen the keys opened).
      if [[ -f $trace ]] && awk -v keys="$keys" '
          /^ *[0-9.]+ +[0-9.]+ +screen:/ { screens++ }
          /^ *[0-9.]+ +[0-9.]+ +frame: drawn, 0 background/ && (keys == "" || screens >= 2) { found = 1; exit }
          END { exit !found }' "$trace"; then
        drawn=1
        break
      fi
      sleep 0.05
    done
    [[ -n $drawn ]] && ms=$(python3 - "$trace" "$keys" <<'PY' 2>/dev/null || true
import sys
# Without keys: from the process's start (time 0). With keys: from the second "screen:" line (the
# screen the keys opened; the first is home's own) to the first complete frame after it.
lines = open(sys.argv[1]).read().splitlines()
after = None if sys.argv[2] else 0.0
screens = 0
for line in lines:
    parts = line.split(None, 2)
    if len(parts) < 3: continue
    if parts[2].startswith("screen:") and sys.argv[2]:
        screens += 1
        if screens == 2: after = float(parts[0])
    elif after is not None and parts[2].startswith("frame: drawn, 0 background"):
        print(float(parts[0]) - after); break
PY
)
    tmux -L "$socket" send-keys q 2>/dev/null || true
    [[ -n $keys ]] && { sleep 0.2; tmux -L "$socket" send-keys q 2>/dev/null || true; }
    for ((t = 0; t < 100; t++)); do [[ -s $mem ]] && break; sleep 0.05; done
    tmux -L "$socket" kill-server 2>/dev/null || true
    [[ -n $ms ]] && times+=("$ms")
    [[ -s $mem ]] && peak=$(tail -1 "$mem")
  done
  ((${#times[@]})) || { echo "run.sh: no first frame for $op ($mode)" >&2; return 0; }
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) / 1000}')
  record "$op" "$size" "$mode" "$median" "$peak" "" "${#times[@]}" "$load_before"
}

for size in "${sizes[@]}"; do
  n=$runs
  ((size >= 100000)) && n=3
  dir=$(journal debrief "$size")
  export DEBRIEF_JOURNAL=$dir
  rm -rf "$cache"
  # An entry in the middle of the journal, and the month folder `add` writes into (2030-01).
  id=$(middle_entry "$dir" "$size")
  # A person met in that entry (`people show NAME`, `list --search NAME`); "latency" is in nearly
  # every entry's notes.
  name=$(first_person "$id")
  id=$(basename "$id" .md)
  added=$dir/entries/2030
  echo "== $size entries ($dir)" >&2

  # Cold index build: the first full-journal command with no cache folder (slow: two runs at
  # 10,000 entries, one at 100,000).
  cn=$n
  ((size >= 10000)) && cn=2
  ((size >= 100000)) && cn=1
  time_cmd "cold index build (people)" "$size" cold "$cn" "rm -rf $cache" "$bin" people
  pyyaml_dir=
  if python3 -c 'import yaml' 2>/dev/null; then
    pyyaml_dir=$(journal pyyaml "$size")
    time_cmd "cold index build, PyYAML style" "$size" cold "$cn" "rm -rf $cache" env DEBRIEF_JOURNAL="$pyyaml_dir" "$bin" people
    rm -rf "$cache"
  fi

  # Commands whose cost should not grow with the journal: warm, cold and without the index.
  time_cmd "--version (start-up)" "$size" warm "$n" "" "$bin" --version
  for mode in warm cold off; do
    prep=
    pre=()
    [[ $mode == cold ]] && prep="rm -rf $cache"
    [[ $mode == off ]] && pre=(env DEBRIEF_INDEX=off)
    time_cmd "show ID" "$size" "$mode" "$n" "$prep" "${pre[@]}" "$bin" show "$id"
    time_cmd "list --limit 20" "$size" "$mode" "$n" "$prep" "${pre[@]}" "$bin" list --limit 20
    time_cmd "add" "$size" "$mode" "$n" "rm -rf $added${prep:+; $prep}" "${pre[@]}" "$bin" add --title "Benchmark coffee" --kind meetup
    rm -rf "$added"
  done

  # Full-journal commands, with a fresh index and without one (with a cold index each costs the
  # cold build above plus its warm time).
  # At 100,000 entries reading every file takes a minute: one run without the index. doctor with a
  # warm index (7-8 s there) has three, as every other command: its single run at load 1.7 gave
  # 10.1x its 10,000 figure where a quiet run gives 8.1x.
  for mode in ${FULL_MODES:-warm off}; do
    pre=()
    fn=$n
    [[ $mode == off ]] && pre=(env DEBRIEF_INDEX=off)
    [[ $mode == off ]] && ((size >= 100000)) && fn=1
    time_cmd "review" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" review
    time_cmd "review --weeks 52" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" review --weeks 52
    time_cmd "review --week 2026-W47 --format json" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" review --week 2026-W47 --format json
    time_cmd "people" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" people
    time_cmd "people show NAME" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" people show "$name"
    time_cmd "followups" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" followups
    time_cmd "followups --overdue" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" followups --overdue
    time_cmd "followups --all --format json" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" followups --all --format json
    time_cmd "list --format json" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" list --format json
    time_cmd "export --format json" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" export --format json
    time_cmd "list --search rike" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" list --search rike
    time_cmd "list --search NAME (few dozen)" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" list --search "$name"
    time_cmd "list --search latency (nearly all)" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" list --search latency
    time_cmd "doctor" "$size" "$mode" "$fn" "" "${pre[@]}" "$bin" doctor
  done

  # The calendar (issue 20): `pending` over a 5,000-file calendar folder (benchmarks/make-calendar.py:
  # Google, Outlook with Windows zones and VTIMEZONEs, Apple; events around the fixed clock) beside
  # this journal, named by a config of its own so the rows above never read it. Warm, and cold
  # (the cache folder removed before every run: the calendar and the window's entries are read).
  if wanted "pending"; then
    cal=$(calendar 5000)
    calconfig=$work/config-calendar
    mkdir -p "$calconfig/debrief"
    printf 'calendars:\n  - %s\nme: [ana@example.org]\n' "$cal" >"$calconfig/debrief/config.yaml"
    time_cmd "pending (5,000 calendar files)" "$size" warm "$n" "" env XDG_CONFIG_HOME="$calconfig" "$bin" pending --format json
    time_cmd "pending (5,000 calendar files)" "$size" cold "$cn" "rm -rf $cache" env XDG_CONFIG_HOME="$calconfig" "$bin" pending --format json
    rm -rf "$cache"
  fi

  # Screens: process start to the first frame with the journal filled in; the review screen,
  # follow-ups and people from pressing `r`, `f` or `p` on home to their filled frame (home has
  # read the journal by then, so they have no cold row).
  for mode in warm cold off; do
    fn=$n
    [[ $mode != warm ]] && ((size >= 10000)) && fn=3
    [[ $mode != warm ]] && ((size >= 100000)) && fn=1
    first_frame "first frame: home" "$size" "$mode" "$fn" "" home
    first_frame "first frame: browse" "$size" "$mode" "$fn" "" browse
    if [[ $mode != cold ]]; then
      first_frame "first frame: review screen (r)" "$size" "$mode" "$fn" r home
      first_frame "first frame: follow-ups (f)" "$size" "$mode" "$fn" f home
      first_frame "first frame: people (p)" "$size" "$mode" "$fn" p home
    fi
  done

  # jrnl on the same content, with its own config in the temporary XDG_CONFIG_HOME.
  if [[ -n $jrnl ]] && ((size <= jrnl_max)); then
    jdir=$(journal jrnl "$size")
    cp "$jdir/journal.txt" "$work/journal.txt"
    mkdir -p "$XDG_CONFIG_HOME/jrnl"
    cat >"$XDG_CONFIG_HOME/jrnl/jrnl.yaml" <<EOF
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: $work/journal.txt
linewrap: 79
tagsymbols: '@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
EOF
    jn=$n
    ((size >= 10000)) && jn=3
    time_cmd "list --limit 20" "$size" jrnl "$jn" "" "$jrnl" -n 20
    time_cmd "list --search rike" "$size" jrnl "$jn" "" "$jrnl" -contains rike
    time_cmd "list --search latency (nearly all)" "$size" jrnl "$jn" "" "$jrnl" -contains latency
    time_cmd "people" "$size" jrnl "$jn" "" "$jrnl" --tags
    time_cmd "list --format json" "$size" jrnl "$jn" "" "$jrnl" --format json
    time_cmd "add" "$size" jrnl "$jn" "cp $jdir/journal.txt $work/journal.txt" "$jrnl" "Benchmark coffee."
  fi
done

# One Markdown table: a row per operation, size and index state; jrnl's median and the ratio
# (jrnl ÷ debrief, warm index) beside the warm row. CPU is hyperfine's mean user + system time,
# which other work on the machine disturbs less than the wall-clock median.
python3 - "$results" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
loads = [float(r[7]) for r in rows]
if loads:
    print(f"Load average (1 min) during the run: {min(loads):.1f} to {max(loads):.1f}.\n")
jrnl = {(r[0], r[1]): float(r[3]) for r in rows if r[2] == "jrnl"}
runs = {(r[0], r[1], r[2]): r[6] for r in rows}
def ms(s):
    v = float(s) * 1000
    return f"{v:,.0f} ms" if v >= 100 else f"{v:.1f} ms"
print("| operation | entries | index | runs | load | debrief median | debrief CPU | jrnl median | jrnl ÷ debrief | peak memory |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
for op, size, mode, m, peak, cpu, n, load in rows:
    if mode == "jrnl":
        continue
    j = jrnl.get((op, size)) if mode == "warm" else None
    js = ms(j) if j is not None else ""
    ratio = f"{j / float(m):.1f}×" if j is not None else ""
    mem = f"{int(peak) / 1024:.0f} MB" if peak else ""
    print(f"| {op} | {int(size):,} | {mode} | {n} | {float(load):.1f} | {ms(m)} | {ms(cpu) if cpu else ''} | {js} | {ratio} | {mem} |")
PY
