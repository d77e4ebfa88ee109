#!/usr/bin/env bash
# Times `dossier build` against Hugo and Zola on generated corpora, in one run, on this
# machine, and measures what a reader's search costs.
# Usage: benches/run.sh [SIZES...]      (default: 1000 10000 50000; RUNS=5 runs a tool)
# Needs: hugo and GNU time (apt-get install hugo time); Zola from $ZOLA, `zola` on the
# PATH or /tmp/zola/target/release/zola (built from its repository: see README.md), else
# its rows are left out; node with tests/browser/node_modules and Chromium for search.
# Prints Markdown: per size and tool the median wall time of full builds into an empty
# folder with the spread (min-max), peak memory (GNU time), output size, pages, largest
# page; the copy floor (`cp -r` of dossier's output, timed the same way); then search
# bytes and time (benches/search.mjs) and a cold rebuild after one new source.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 50000}")
read -r -a sizes <<< "${sizes[*]}"
work=${BENCH_DIR:-/tmp/dossier-bench}
mkdir -p "$work"
cargo build --release --quiet --example corpus
cargo build --release --quiet
bin=$PWD/target/release/dossier
zola=${ZOLA:-$(command -v zola || echo /tmp/zola/target/release/zola)}
[ -x "$zola" ] || { echo "(no Zola at $zola: its rows are left out)" >&2; zola=""; }

# timed OUT CMD...: runs CMD once, appends "seconds peak_kib" to OUT.
timed() { local out=$1; shift; /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1; cat "$work/t" >> "$out"; }
# stats FILE: "median min max median_peak_kib" of the lines "seconds kib" in FILE.
stats() { python3 -c "
import statistics,sys
rows=[tuple(map(float,l.split())) for l in open('$1') if l.strip()]
t=[r[0] for r in rows]; m=[r[1] for r in rows]
print('%.2f %.2f %.2f %.0f' % (statistics.median(t), min(t), max(t), statistics.median(m)))"; }

echo "| sources | tool | wall, median (s) | spread (s) | runs | peak memory (MiB) | output (MiB) | pages | largest page (KiB) | build / copy |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
notes=()
for n in "${sizes[@]}"; do
  d="$work/d$n"; h="$work/h$n"; z="$work/z$n"
  [ -d "$d/content" ] && [ -d "$z/content" ] || ./target/release/examples/corpus --sources "$n" --out "$d" --hugo "$h" --zola "$z" >/dev/null
  runs=${RUNS:-$(( n >= 50000 ? 1 : 5 ))}
  tools=(dossier hugo); [ -n "$zola" ] && tools+=(zola)
  for tool in "${tools[@]}" copy; do : > "$work/$tool.times"; done
  # Alternating: run r of every tool, then run r+1, so a busy moment hits all of them.
  for ((r = 0; r < runs; r++)); do
    for tool in "${tools[@]}"; do
      case $tool in
        dossier) rm -rf "$d/site"; timed "$work/$tool.times" "$bin" build --root "$d" --output "$d/site" ;;
        hugo) rm -rf "$h/public"; timed "$work/$tool.times" hugo --quiet --source "$h" -d "$h/public" ;;
        zola) rm -rf "$z/public"; (cd "$z" && timed "$work/$tool.times" "$zola" build -o public) ;;
      esac
    done
    rm -rf "$work/copy"; timed "$work/copy.times" cp -r "$d/site" "$work/copy"; rm -rf "$work/copy"
  done
  read -r copy _ _ _ <<< "$(stats "$work/copy.times")"
  for tool in "${tools[@]}"; do
    case $tool in dossier) out=$d/site ;; hugo) out=$h/public ;; zola) out=$z/public ;; esac
    read -r med lo hi kib <<< "$(stats "$work/$tool.times")"
    bytes=$(du -sb "$out" | cut -f1)
    pages=$(find "$out" -name '*.html' | wc -l)
    largest=$(find "$out" -name '*.html' -printf '%s\n' | sort -n | tail -1)
    python3 -c "print('| $n | $tool | $med | $lo–$hi | $runs | %.0f | %.0f | $pages | %.0f | %.1fx |' % ($kib/1024, $bytes/1048576, $largest/1024, $med/$copy))"
  done
  read -r cmed clo chi _ <<< "$(stats "$work/copy.times")"
  echo "| $n | copy floor (\`cp -r\` of dossier's output) | $cmed | $clo–$chi | $runs | | | | | |"

  # Search as a reader runs it: Chromium from file://, the query typed key by key.
  if [ -d tests/browser/node_modules/playwright-core ]; then
    s=$(node benches/search.mjs "$d/site" 2>&1 | tee "$work/search$n.txt" | awk '/^search:/ {printf "%.0f KiB, %d ms", $2/1024, $3}')
    notes+=("search, $n sources: worst of three queries: $s (details below)")
  fi
  # A cold rebuild in a new process after one new source, against the full build.
  printf -- '---\ntitle: One more article\npublisher: Outlet 1\npublished: 2025-01-01\n---\nA new article about the ceasefire monitoring mission.\n' > "$d/content/sources/zz-bench-new.md"
  : > "$work/cold.times"; timed "$work/cold.times" "$bin" build --root "$d" --output "$d/site"
  rm -f "$d/content/sources/zz-bench-new.md"
  read -r cold _ _ ckib <<< "$(stats "$work/cold.times")"
  read -r full _ _ _ <<< "$(stats "$work/dossier.times")"
  notes+=("cold rebuild after one new source, $n sources: $cold s ($(python3 -c "print('%.2f' % ($cold/$full))") of the full build's median), peak $(( ${ckib%.*} / 1024 )) MiB")
done
echo
for line in "${notes[@]}"; do echo "- $line"; done
for n in "${sizes[@]}"; do
  [ -f "$work/search$n.txt" ] && { echo; echo "search queries, $n sources:"; sed 's/^/    /' "$work/search$n.txt"; }
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
