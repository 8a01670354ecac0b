#!/usr/bin/env bash
# Ingest throughput against `dyad code` to /dev/null on the same corpus,
# one thread, both pinned to one core (`taskset -c 0`: the store's writer
# cannot borrow a second core), runs interleaved; each ingest starts from
# an empty store. Prints the median wall and CPU (user+sys) time of each
# and the median of the paired CPU ratios, which resists a shared
# machine's drifts best:
#   bench/ingest_vs_code.sh target/release/dyad ../shared/corpus/slavicner 9
set -euo pipefail
dyad=$1 corpus=$2 runs=${3:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" taskset -c 0 "$dyad" code --threads 1 "$corpus" 2>&1 >/dev/null \
    | tail -1 | awk '{printf "%s %.2f\n", $1, $2 + $3}' >>"$tmp/code"
  rm -f "$tmp"/s.db*
  /usr/bin/time -f "%e %U %S" taskset -c 0 "$dyad" ingest --threads 1 --db "$tmp/s.db" "$corpus" 2>&1 >/dev/null \
    | tail -1 | awk '{printf "%s %.2f\n", $1, $2 + $3}' >>"$tmp/ingest"
done
docs=$(find "$corpus" -type f | wc -l)
for f in code ingest; do
  w=$(cut -d' ' -f1 "$tmp/$f" | median); c=$(cut -d' ' -f2 "$tmp/$f" | median)
  echo "dyad $f: median wall ${w}s ($(echo "scale=0; $docs / $w" | bc) docs/s), cpu ${c}s ($(echo "scale=0; $docs / $c" | bc) docs/s)"
done
pr=$(paste -d' ' "$tmp/code" "$tmp/ingest" | awk '{printf "%.4f\n", $2 / $4}' | median)
echo "ingest throughput / code throughput, median of paired cpu ratios: $pr"
