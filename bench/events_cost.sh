#!/usr/bin/env bash
# What the event stage adds to `dyad code --threads 1`: the same binary run
# with an empty lexicon directory (no language has triggers, so no sentence
# is coded) against the built-in lexicons, interleaved by
# compare_binaries.sh:
#   bench/events_cost.sh target/release/dyad ../shared/corpus/slavicner 9
set -euo pipefail
dyad=$(realpath "$1") corpus=$2 runs=${3:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/empty-lexicon"
printf '#!/bin/sh\nDYAD_LEXICON_DIR=%s exec %s "$@"\n' "$tmp/empty-lexicon" "$dyad" > "$tmp/without-events"
printf '#!/bin/sh\nexec %s "$@"\n' "$dyad" > "$tmp/with-events"
chmod +x "$tmp/without-events" "$tmp/with-events"
"$(dirname "$0")/compare_binaries.sh" "$tmp/without-events" "$tmp/with-events" "$corpus" "$runs"
