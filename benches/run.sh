#!/usr/bin/env bash
# Times `dossier build` against Hugo on generated corpora, in one run, on this machine.
# Usage: benches/run.sh [SIZES...]      (default: 1000 10000 50000)
# Needs: hyperfine, hugo and GNU time (apt-get install hyperfine hugo time).
# Prints a Markdown table: wall time (mean of hyperfine runs), peak memory, output bytes,
# pages per second, and the time to copy the output tree (the floor for any generator).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 50000}")
read -r -a sizes <<< "${sizes[*]}"
work=${BENCH_DIR:-/tmp/dossier-bench}
mkdir -p "$work"
cargo build --release --quiet --example corpus
cargo build --release --quiet
bin=$PWD/target/release/dossier

peak_mib() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.0f", $6/1024}'; }
# mean_s RUNS CMD [PREPARE]: hyperfine's mean; PREPARE runs before each timed run.
mean_s() { hyperfine --style none --runs "$1" --prepare "${3:-true}" --export-json "$work/h.json" "$2" >/dev/null 2>&1; python3 -c "import json;print('%.2f'%json.load(open('$work/h.json'))['results'][0]['mean'])"; }

echo "| sources | tool | wall (s) | peak memory (MiB) | output (MiB) | pages | pages/s | copy output (s) | build / copy |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  d="$work/d$n"; h="$work/h$n"
  [ -d "$d/content" ] || ./target/release/examples/corpus --sources "$n" --out "$d" --hugo "$h" >/dev/null
  runs=$(( n >= 50000 ? 1 : 3 ))
  for tool in dossier hugo; do
    if [ $tool = dossier ]; then cmd="$bin build --root $d --output $d/site"; out=$d/site
    else cmd="hugo --quiet --source $h -d $h/public"; out=$h/public; fi
    # Full builds into an empty output folder: both tools write every file.
    t=$(mean_s $runs "$cmd" "rm -rf $out")
    rm -rf "$out"
    mem=$(peak_mib $cmd)
    bytes=$(du -sb "$out" | cut -f1)
    pages=$(find "$out" -name '*.html' | wc -l)
    rm -rf "$work/copy"; sync
    c=$(mean_s 1 "cp -r $out $work/copy")
    rm -rf "$work/copy"
    python3 -c "print('| $n | $tool | $t | $mem | %.0f | $pages | %.0f | $c | %.1fx |' % ($bytes/1048576, $pages/$t, $t/$c))"
  done
done
# Rebuilds: a second `dossier build` over its own output (nothing changed, nothing
# written), and the incremental rebuilds of a build session (`dossier serve`).
cargo build --release --quiet --example rebuild
for n in "${sizes[@]}"; do
  d="$work/d$n"
  echo
  echo "dossier build again, nothing changed, $n sources: $(mean_s $(( n >= 50000 ? 1 : 3 )) "$bin build --root $d --output $d/site") s"
  echo "incremental rebuilds, $n sources (examples/rebuild.rs):"
  ./target/release/examples/rebuild --root "$d" | sed 's/^/    /'
done
