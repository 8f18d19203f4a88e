# What benchmarks/run.sh and benchmarks/scaling.sh share, sourced by both (from the repository's
# top folder): the tools they need, the release binary they time, the private world every run
# happens in, the generated journals and the person each size's commands look up, so that the two
# scripts time the same build's commands on the same data.

# needs SCRIPT TOOL…: exits 69 (EX_UNAVAILABLE) naming the first TOOL not installed.
needs() {
  local script=$1 tool; shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$script: needs $tool" >&2; exit 69; }
  done
}

# release_binary -> the release binary built from this checkout (the standard library linked
# statically, as `make install` builds it).
release_binary() {
  swift build -c release --static-swift-stdlib --product debrief >&2
  echo "$PWD/.build/release/debrief"
}

# private_world WORK: a fixed clock and zone, and temporary home and XDG folders under WORK (the
# real home is never read); the index's cache is WORK/cache.
private_world() {
  export HOME=$1/home XDG_CONFIG_HOME=$1/config XDG_CACHE_HOME=$1/cache XDG_STATE_HOME=$1/state
  export XDG_DATA_HOME=$1/share DEBRIEF_NOW=2030-01-01T12:00:00+01:00 TZ=Europe/Berlin LANG=C.UTF-8 NO_COLOR=1
  unset DEBRIEF_INDEX DEBRIEF_TRACE VISUAL EDITOR
  mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_DATA_HOME"
}

# journal STYLE SIZE -> path of a generated journal in $data (made once per data folder).
journal() {
  local dir=$data/$1-$2
  if [[ ! -e $dir/.done ]]; then
    rm -rf "$dir"
    echo "generating $2 entries ($1 style)…" >&2
    python3 benchmarks/make-journal.py "$dir" "$2" --style "$1"
    touch "$dir/.done"
  fi
  echo "$dir"
}

# middle_entry DIR SIZE -> the path of the entry in the middle of a generated journal.
middle_entry() { find "$1/entries" -name '*.md' | sort | sed -n "$(($2 / 2))p"; }

# first_person FILE -> the first person an entry met: `people show NAME` and `list --search NAME`
# (a text found in a few dozen entries, about 60 at 10,000).
first_person() { grep -m1 -- '- name: ' "$1" | sed 's/.*- name: //'; }
