#!/usr/bin/env python3
"""Turn UniMorph `bul` (lemma TAB form TAB features) into the builder's
forms list: `lemma TAB form TAB grammemes`, with OpenCorpora-style
grammeme names (and the extensions def/indef), on stdout.

Usage: unimorph_bg.py PATH/TO/bul > forms.tsv
"""
import sys

POS = {"N": "NOUN", "V": "VERB", "ADJ": "ADJF", "V.PTCP": "PRTF", "V.MSDR": "NOUN", "V.CVB": "GRND"}
FEATURES = {
    "SG": "sing", "PL": "plur",
    "DEF": "def", "INDF": "indef",
    "NOM": "nomn", "ACC": "accs", "VOC": "voct",
    "MASC": "masc", "FEM": "femn", "NEUT": "neut",
    "PRS": "pres", "PST": "past",
    "1": "1per", "2": "2per", "3": "3per",
    "IMP": "impr", "PASS": "pssv",
    "CMPR": "Cmpr", "SPRL": "Supr",
}


def norm(word):
    return word.strip().lower().replace("\u2019", "'")


def main(path):
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 3 or not cols[2]:
            continue
        lemma, form, feats = norm(cols[0]), norm(cols[1]), cols[2].split(";")
        pos = next((POS[f] for f in feats if f in POS and f != "V"), None) or POS.get(feats[0])
        if pos is None or not form:
            continue
        # Spelling variants joined by a hyphen (говорения-нета) are not words.
        if "-" in form and "-" not in lemma and not form.startswith(("по-", "най-")):
            continue
        grammemes = [pos] + [FEATURES[f] for f in feats if f in FEATURES]
        print(f"{lemma}\t{form}\t{','.join(grammemes)}")


if __name__ == "__main__":
    main(sys.argv[1])
