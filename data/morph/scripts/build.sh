#!/usr/bin/env bash
# Rebuilds data/morph/<lang>/lexicon.bin from the sources (see README.md).
# Needs: pip (PyPI reachable), python3 with venv, and fetched UniMorph bul:
#   BUL=/path/to/unimorph/bul (the file named `bul`)
# Run from the repository root: bash data/morph/scripts/build.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${WORK:-$(mktemp -d)}
echo "working in $work"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q dawg-python==0.7.2
pip download --no-deps -d "$work/wheels" \
  pymorphy3-dicts-ru==2.4.417150.4580142 pymorphy3-dicts-uk==2.4.1.1.1663094765 spacy-lookups-data==1.0.5
for w in "$work"/wheels/*.whl; do (mkdir -p "$work/x" && cd "$work/x" && unzip -q -o "$w"); done
py="$work/venv/bin/python"
"$py" "$here/dump_pymorphy.py" "$work/x/pymorphy3_dicts_ru/data" "$work/dump/ru"
"$py" "$here/dump_pymorphy.py" "$work/x/pymorphy3_dicts_uk/data" "$work/dump/uk"
python3 "$here/unimorph_bg.py" "${BUL:?set BUL to UniMorph bul}" > "$work/bg_forms.tsv"
python3 "$here/wordnet_en.py" "$work/x/spacy_lookups_data/data" > "$work/en_forms.tsv"

cd "$root"
cargo build --release -p dyad-morph --features build --example build_data
build=target/release/examples/build_data
data=data/morph
$build pymorphy "$work/dump/ru" $data/ru/lexicon.bin --write-prior $data/prior.tsv
$build pymorphy "$work/dump/uk" $data/uk/lexicon.bin --prior $data/prior.tsv --extra $data/uk/extra.tsv
$build forms $data/bg/lexicon.bin --prior $data/prior.tsv --prefixes по-,най- --ranked $data/bg/closed.tsv "$work/bg_forms.tsv"
$build forms $data/en/lexicon.bin --prior $data/en/prior.tsv --ranked $data/en/closed.tsv "$work/en_forms.tsv"
