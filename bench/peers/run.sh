#!/usr/bin/env bash
# Side-by-side speed of dyad against natasha (segment + NER) and
# trafilatura (HTML main-text extraction) on the same inputs; prints a
# Markdown table of medians and dyad ÷ tool ratios and writes it to
# bench/peers/out/results.md. A benchmark, not a test: CI never runs it.
#   bash bench/peers/run.sh [DYAD_BINARY] [RUNS]
# Environment: PEERS_ALL=1 also runs natasha on bg+uk (throughput only);
# PEERS_CPU=N pins every measured process to CPU N (default 0; "none": no pinning).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
command="bash bench/peers/run.sh $*"
[ "${PEERS_ALL:-}" = 1 ] && command="PEERS_ALL=1 $command"
[ -n "${PEERS_CPU:-}" ] && command="PEERS_CPU=$PEERS_CPU $command"

dyad=${1:-}
runs=${2:-5}
if [ -z "$dyad" ]; then
  dyad="$repo/target/release/dyad"
  if [ ! -x "$dyad" ]; then
    (cd "$repo" && CARGO_TARGET_DIR="$repo/target" cargo build --release --locked -p dyad)
  fi
fi
[ -x "$dyad" ] || { echo "no dyad binary at $dyad" >&2; exit 1; }
[ -d "$repo/../shared/corpus/slavicner" ] || { echo "needs ../shared beside the repo" >&2; exit 1; }

venv="$here/.venv"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/requirements.txt"
fi

args=(run --dyad "$dyad" --runs "$runs" --out "$here/out" --command "$command")
[ "${PEERS_ALL:-}" = 1 ] && args+=(--all)
cpu=${PEERS_CPU:-0}
[ "$cpu" != none ] && args+=(--cpu "$cpu")
exec "$venv/bin/python" "$here/peers.py" "${args[@]}"
