#!/usr/bin/env bash
# End-to-end test of the dashboard: ingest the seed pages, the dev documents, the example
# feed and an English page into a temporary store, start `dyad serve` on a free port and drive the page in headless Chromium
# (e2e/dashboard.mjs). Screenshots go to e2e/screenshots/, server and ingest logs to e2e/out/.
#
# Usage (from anywhere; paths are taken from the repo root):
#   bash e2e/run.sh [DYAD_BINARY]
# Default binary: ${CARGO_TARGET_DIR:-target}/debug/dyad, built with `cargo build --locked` if missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

fail() {
  echo "e2e: FAIL: $*" >&2
  exit 1
}

if [[ $# -ge 1 ]]; then
  [[ -e $1 ]] || fail "no dyad binary at $1"
  bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
  target="${CARGO_TARGET_DIR:-$root/target}"
  bin="$target/debug/dyad"
  if [[ ! -x $bin ]]; then
    echo "e2e: $bin is missing, building it (cargo build --locked)"
    (cd "$root" && cargo build --locked) || fail "cargo build failed"
  fi
fi
[[ -x $bin ]] || fail "$bin is not executable"
command -v node > /dev/null || fail "node is not installed"
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is not installed"

cd "$root"
[[ -d ../shared/seeds && -d ../shared/eval/dev/docs ]] || fail "../shared (seeds, eval/dev/docs) must sit beside the repo"

if [[ ! -d $here/node_modules/playwright-core ]]; then
  echo "e2e: installing playwright-core (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund) || fail "npm ci failed in e2e/"
fi

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2> /dev/null; then
    kill "$server_pid" 2> /dev/null || true
    wait "$server_pid" 2> /dev/null || true
  fi
  mkdir -p "$here/out"
  cp "$tmp"/*.log "$here/out/" 2> /dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# examples/feed.jsonl brings dated documents (the seeds and dev docs have one dated event), so
# the time-range slider has a span to narrow.
echo "e2e: ingesting the seeds, the dev set, examples/feed.jsonl and an English page"
# The seeds and the dev set (ru, bg, uk), the example feed (dated events for
# the time slider) and an English page of the HTML benchmark (5 events).
english=../shared/corpus/scrapinghub/html/702d1da63b8e064cb70617620e45c2d116b4912c9bc9d518dcf5ce54bb8057ed.html.gz
"$bin" ingest --db "$tmp/e2e.db" ../shared/seeds ../shared/eval/dev/docs examples/feed.jsonl "$english" > "$tmp/ingest.log" 2>&1 \
  || { tail -n 20 "$tmp/ingest.log" >&2; fail "dyad ingest failed (log: e2e/out/ingest.log)"; }

"$bin" serve --db "$tmp/e2e.db" --port 0 > "$tmp/serve-stdout.log" 2> "$tmp/serve.log" &
server_pid=$!

url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's|^dyad serve: \(http://[^ ]*/\).*$|\1|p' "$tmp/serve.log" | head -n 1)"
  [[ -n $url ]] && break
  if ! kill -0 "$server_pid" 2> /dev/null; then
    tail -n 20 "$tmp/serve.log" >&2
    fail "dyad serve exited before listening"
  fi
  sleep 0.1
done
[[ -n $url ]] || { tail -n 20 "$tmp/serve.log" >&2; fail "dyad serve printed no 'dyad serve: http://…/' line within 30 s"; }
echo "e2e: server at $url"

node "$here/dashboard.mjs" "$url" "$here/screenshots" \
  || { echo "e2e: last server log lines:" >&2; tail -n 20 "$tmp/serve.log" >&2; fail "dashboard checks failed (screenshots in e2e/screenshots/)"; }
echo "e2e: PASS"
