#!/usr/bin/env python3
"""Dump a pymorphy3 OpenCorpora-format dictionary into plain files.

Reads the unpacked wheel's data/ directory (words.dawg, paradigms.array,
suffixes.json, gramtab-opencorpora-int.json, meta.json and, for Russian,
p_t_given_w.intdawg) and writes to OUT:

  paradigms.json  [[suffix ids], [tag ids], [prefix ids]] per paradigm
  suffixes.json   the suffix strings
  prefixes.json   the paradigm prefixes (meta.json compile_options)
  gramtab.json    tag strings (OpenCorpora internal notation)
  words.tsv       form TAB para:idx para:idx ...  (one line per form,
                  normalised like the tokenizer: lower case, ё→е, ’→')
  p_t_given_w.tsv word TAB tag TAB probability*1e6 (when present)

The Rust builder (`cargo run -p dyad-morph --release --example build_data`)
turns these into data/morph/<lang>/lexicon.bin. Needs `dawg-python`.
"""
import json
import os
import struct
import sys
from array import array

import dawg_python


def norm(word):
    return word.lower().replace("ё", "е").replace("\u2019", "'").replace("\u02bc", "'")


def main(src, out):
    os.makedirs(out, exist_ok=True)
    meta = dict(json.load(open(os.path.join(src, "meta.json"), encoding="utf-8")))
    prefixes = meta["compile_options"]["paradigm_prefixes"]
    json.dump(prefixes, open(os.path.join(out, "prefixes.json"), "w", encoding="utf-8"), ensure_ascii=False)
    for name, target in [("suffixes.json", "suffixes.json"), ("gramtab-opencorpora-int.json", "gramtab.json")]:
        data = json.load(open(os.path.join(src, name), encoding="utf-8"))
        if name == "suffixes.json":
            data = [norm(s) for s in data]
        json.dump(data, open(os.path.join(out, target), "w", encoding="utf-8"), ensure_ascii=False)

    paradigms = []
    with open(os.path.join(src, "paradigms.array"), "rb") as f:
        (count,) = struct.unpack("<H", f.read(2))
        for _ in range(count):
            (length,) = struct.unpack("<H", f.read(2))
            para = array("H")
            para.fromfile(f, length)
            n = length // 3
            paradigms.append([list(para[:n]), list(para[n : 2 * n]), list(para[2 * n :])])
    json.dump(paradigms, open(os.path.join(out, "paradigms.json"), "w"))

    words = {}
    dawg = dawg_python.RecordDAWG(">HH").load(os.path.join(src, "words.dawg"))
    for key, (para, idx) in dawg.iteritems():
        entries = words.setdefault(norm(key), [])
        if (para, idx) not in entries:
            entries.append((para, idx))
    with open(os.path.join(out, "words.tsv"), "w", encoding="utf-8") as f:
        for form in sorted(words):
            f.write(form + "\t" + " ".join(f"{p}:{i}" for p, i in words[form]) + "\n")

    ptw = os.path.join(src, "p_t_given_w.intdawg")
    if os.path.exists(ptw):
        probs = dawg_python.IntCompletionDAWG().load(ptw)
        with open(os.path.join(out, "p_t_given_w.tsv"), "w", encoding="utf-8") as f:
            for key in probs.keys():
                word, tag = key.split(":", 1)
                f.write(f"{norm(word)}\t{tag}\t{probs.get(key)}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
