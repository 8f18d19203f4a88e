#!/usr/bin/env bash
# Times debrief's read path on a synthetic 10,000-entry journal (release build).
# Usage: benchmarks/run.sh [N]. Needs python3; uses hyperfine when installed, else bash's time.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
swift build -c release --product debrief >/dev/null
bin=.build/release/debrief
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 benchmarks/make-journal.py "$dir" "$n"
export DEBRIEF_JOURNAL="$dir" DEBRIEF_NOW=2030-01-01T12:00:00+01:00 TZ=Europe/Berlin
cmds=("$bin list --format json" "$bin doctor" "$bin list --limit 20")
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 "${cmds[@]}"
else
  for c in "${cmds[@]}"; do echo "== $c"; time ($c >/dev/null 2>&1 || true); done
fi
