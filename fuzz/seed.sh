#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with starting inputs from real text: the seed
# pages, a sample of slavicner, the scrapinghub HTML pages (unzipped), the
# bundled examples and the committed regression inputs. Run once before
# `cargo fuzz run`; the corpus itself is not committed (it grows as the
# fuzzer runs).
#   fuzz/seed.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared="$here/../../shared"
examples="$here/../examples"
corpus="$here/corpus"
targets="decode extract_text extract_html warc jsonl one_document"
for t in $targets; do mkdir -p "$corpus/$t"; done

# Plain text: the seeds, every 20th slavicner article, the examples.
text_files() {
    ls "$shared"/seeds/*.txt
    find "$shared/corpus/slavicner" -name '*.txt' | sort | awk 'NR % 20 == 0'
    ls "$examples"/*.txt
}
# HTML: every 3rd scrapinghub page, and the examples' pages.
html_files() {
    find "$shared/corpus/scrapinghub/html" -name '*.html.gz' | sort | awk 'NR % 3 == 0'
    find "$examples/html" -type f
}
n=0
for f in $(text_files); do
    for t in decode extract_text one_document; do cp "$f" "$corpus/$t/text_$n"; done
    n=$((n + 1))
done
for f in $(html_files); do
    case "$f" in
        *.gz) gzip -dc "$f" > "$corpus/extract_html/html_$n" ;;
        *) cp "$f" "$corpus/extract_html/html_$n" ;;
    esac
    # The pipeline target gets small pages only (libFuzzer's default
    # -max_len grows from the corpus; large pages slow every run).
    if [ "$(stat -c %s "$corpus/extract_html/html_$n")" -lt 100000 ]; then
        cp "$corpus/extract_html/html_$n" "$corpus/one_document/html_$n"
    fi
    cp "$corpus/extract_html/html_$n" "$corpus/decode/html_$n"
    n=$((n + 1))
done
cp "$examples/feed.jsonl" "$corpus/jsonl/feed"
# WARC: two response records, one text, one HTML (the target adds the
# version line of the first).
python3 - "$corpus/warc/two_records" <<'PY'
import sys
def record(uri, ctype, body):
    body = body.encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n\r\n" + body
    head = ("WARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (uri, len(http))).encode()
    return head + http + b"\r\n\r\n"
first = record("http://example.org/a", "text/plain; charset=utf-8",
               "Путин провёл переговоры с Олландом в Москве.")
second = b"WARC/1.0\r\n" + record("http://example.org/b", "text/html",
               "<html><body><p>Шойгу прибыл в Баку.</p></body></html>")
open(sys.argv[1], "wb").write(first + second)
PY
# Inputs the fuzzers found, kept as regressions.
for t in $targets; do
    if [ -d "$here/regressions/$t" ]; then
        cp "$here/regressions/$t"/* "$corpus/$t/" 2>/dev/null || true
    fi
done
for t in $targets; do echo "$t: $(ls "$corpus/$t" | wc -l) inputs"; done
