#!/usr/bin/env bash
# Fuzzes debrief's readers with libFuzzer for a set time each (not part of CI).
#
#   Fuzz/run.sh [seconds per target, default 60] [target…]   (targets: entry answers catalog dates)
#
# Builds the fuzz package (Fuzz/Package.swift) with -sanitize=fuzzer, starts each target from the
# saved corpus (Tests/DebriefCoreTests/FuzzCorpus/<target>.corpus, one base64 input per line),
# merges what it found into a minimal corpus and writes it back. An input that crashes is
# appended to <target>.regressions and the run ends with status 1: make it a regression test,
# fix the bug, and run again. `swift test` replays both files.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(entry answers catalog dates)
command -v swift >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"
# Swift's own crash handler would take the trap before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no

# lld: gold fails on the sanitizer's objects ("internal error in format_file_lineno").
swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld
bin=Fuzz/.build/release
corpus=Tests/DebriefCoreTests/FuzzCorpus
work=$(mktemp -d "${TMPDIR:-/tmp}/debrief-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT

unpack() { # corpus file → folder of inputs
  mkdir -p "$2"
  [ -f "$1" ] || return 0
  local n=0
  grep -v '^#' "$1" | while IFS= read -r line; do
    n=$((n + 1)); printf '%s' "$line" | base64 -d > "$2/saved-$n"
  done
}

pack() { # folder of inputs → corpus file
  { echo "# libFuzzer corpus for the $2 reader: one base64 input per line (Fuzz/run.sh keeps it)."
    for f in "$1"/*; do [ -f "$f" ] && base64 -w0 "$f" && echo; done; } > "$3"
}

status=0
for t in "${targets[@]}"; do
  echo "== $t: ${seconds}s"
  unpack "$corpus/$t.corpus" "$work/$t-saved"
  unpack "$corpus/$t.regressions" "$work/$t-saved"
  mkdir -p "$work/$t-new" "$work/$t-min"
  if ! "$bin/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
       -artifact_prefix="$work/$t-" "$work/$t-new" "$work/$t-saved" 2>"$work/$t.log"; then
    status=1
    for crash in "$work/$t"-crash-* "$work/$t"-timeout-* "$work/$t"-oom-*; do
      [ -f "$crash" ] || continue
      { echo "# $(basename "$crash") found $(date -u +%Y-%m-%d): $(grep -m1 -E 'Fatal error|ERROR' "$work/$t.log" | cut -c1-200)"
        base64 -w0 "$crash"; echo; } >> "$corpus/$t.regressions"
      echo "   crash saved to $corpus/$t.regressions"
    done
    grep -m3 -E 'Fatal error|ERROR|SUMMARY' "$work/$t.log" || true
  fi
  "$bin/fuzz-$t" -merge=1 "$work/$t-min" "$work/$t-saved" "$work/$t-new" 2>/dev/null
  pack "$work/$t-min" "$t" "$corpus/$t.corpus"
  echo "   $(grep -E '^Done' "$work/$t.log" | tail -1); corpus: $(grep -vc '^#' "$corpus/$t.corpus") inputs"
done
exit $status
