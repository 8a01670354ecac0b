#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, one after another, and prints a
# line per target: executions, coverage (libFuzzer's edge count), corpus
# size and whether it stopped on a finding (then the input is under
# fuzz/artifacts/<target>/; minimise it with `cargo fuzz tmin`, fix the
# cause, and commit it under fuzz/regressions/<target>/ so the replay test
# keeps it). Needs nightly and cargo-fuzz; run fuzz/seed.sh first.
#   fuzz/run_all.sh 3600 [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
shift || true
targets=${*:-"decode extract_text extract_html warc jsonl one_document"}
mkdir -p logs
for t in $targets; do
    log="logs/$t.$(date +%Y%m%dT%H%M%S).log"
    status=ok
    # -max_len caps generated inputs at 64 KiB (seed pages are longer and
    # still run whole); -timeout flags an input taking over 10 s.
    cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
        -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 > "$log" 2>&1 || status=finding
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    corpus=$(ls "corpus/$t" | wc -l)
    echo "$t: ${secs}s, $execs executions, cov $cov, corpus $corpus, $status ($log)"
done
