#!/usr/bin/env bash
# Cost of hostile inputs per megabyte against ordinary news text (issue 14):
# each input is generated here (about 4 MB unless said), run through
# `dyad code --threads 1` RUNS times, and reported as the median seconds
# per MB and the ratio to the slavicner corpus's seconds per MB. The bar is
# a ratio of at most 10.
#   bench/hostile.sh target/release/dyad [RUNS]
set -euo pipefail
dyad=$(realpath "$1") runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/../../shared/corpus/slavicner"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import sys, os
out = sys.argv[1]
MB = 4 << 20
def fill(unit, size=MB, head="", tail=""):
    return head + unit * (size // len(unit.encode())) + tail
inputs = {
    # A quoted claim and its speaker, over and over, no full stop.
    "quotes.txt": fill("«Россия обвинила Францию», — заявил Путин, "),
    # Accusations chained without punctuation.
    "chain.txt": fill("Россия обвинила Германия обвинила Франция обвинила "),
    # One word repeated: a single "sentence" of 4 MB.
    "one_word.txt": fill("переговоры "),
    # Tables nested inside tables, every row under the innermost.
    "tables.html": fill("<table><tr><td>", head="<html><body>", tail="Переговоры."),
    # 511 nested divs over thousands of paragraphs.
    "divs.html": fill("<p>Стороны обсудили сотрудничество.",
                      head="<html><body>" + "<div>" * 511),
    # Lists nested in list items.
    "lists.html": fill("<ul><li>пункт", head="<html><body>"),
    # Misnested formatting tags (the parser's adoption agency).
    "misnested.html": fill("<b><i>x</b></i>", head="<html><body>"),
    # Embedded players with non-ASCII titles before a video host.
    "players.html": fill('<p>Видео дня.</p><iframe title="Видео на youtube.com" '
                         'src="https://www.youtube.com/embed/x"></iframe>',
                         head="<html><body><article>"),
}
for name, text in inputs.items():
    with open(os.path.join(out, name), "w") as f:
        f.write(text)
PY

# Median wall seconds of RUNS runs of `dyad code --threads 1` on $1.
median_secs() {
    for _ in $(seq "$runs"); do
        /usr/bin/time -f %e "$dyad" code --threads 1 -o /dev/null "$1" 2>&1 >/dev/null | tail -1
    done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
mb() { du -sb "$1" | awk '{printf "%.2f", $1 / 1048576}'; }

base_mb=$(mb "$corpus")
base_s=$(median_secs "$corpus")
base=$(awk -v s="$base_s" -v m="$base_mb" 'BEGIN {print s / m}')
printf '%-16s %8s %8s %10s %7s\n' input MB seconds "s per MB" ratio
printf '%-16s %8s %8s %10.3f %7s\n' slavicner "$base_mb" "$base_s" "$base" 1.0
for f in "$tmp"/*; do
    s=$(median_secs "$f")
    m=$(mb "$f")
    awk -v n="$(basename "$f")" -v s="$s" -v m="$m" -v b="$base" \
        'BEGIN {printf "%-16s %8s %8s %10.3f %7.1f\n", n, m, s, s / m, s / m / b}'
done
