#!/usr/bin/env bash
# Median time of `dyad code --threads 1` over a corpus for two builds, runs
# interleaved so machine noise hits both alike; wall time and CPU time
# (user+sys, steadier on a shared machine). Used to measure what a stage
# adds (build the commit before it into another target dir first):
#   bench/compare_binaries.sh OLD/dyad NEW/dyad ../shared/corpus/slavicner 7
set -euo pipefail
old=$1 new=$2 corpus=$3 runs=${4:-5}
one() { # prints "wall cpu"
  /usr/bin/time -f "%e %U %S" "$1" code --threads 1 "$corpus" 2>&1 >/dev/null \
    | tail -1 | awk '{printf "%s %.2f\n", $1, $2 + $3}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > /tmp/cmp_old.$$; : > /tmp/cmp_new.$$
for _ in $(seq "$runs"); do
  one "$old" >> /tmp/cmp_old.$$
  one "$new" >> /tmp/cmp_new.$$
done
for f in old new; do
  w=$(cut -d' ' -f1 /tmp/cmp_$f.$$ | median); c=$(cut -d' ' -f2 /tmp/cmp_$f.$$ | median)
  echo "$f: median wall ${w}s, cpu ${c}s over $runs runs"
  eval "w_$f=$w c_$f=$c"
done
echo "new/old: wall $(echo "scale=3; $w_new / $w_old" | bc), cpu $(echo "scale=3; $c_new / $c_old" | bc)"
# Each pair ran back to back: the median of the pairs' ratios resists slow
# drifts in the machine's load better than the ratio of medians.
pr=$(paste -d' ' /tmp/cmp_old.$$ /tmp/cmp_new.$$ | awk '{printf "%.4f\n", $4 / $2}' | median)
echo "median of paired cpu ratios: $pr"
rm -f /tmp/cmp_old.$$ /tmp/cmp_new.$$
